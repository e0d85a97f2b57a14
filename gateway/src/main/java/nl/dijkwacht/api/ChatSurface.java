package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;

/** {@code /v1/chat/completions} and {@code /v1/embeddings}: the body as sent, the answer as rewritten, SSE with {@code [DONE]}. */
record ChatSurface(Endpoint endpoint) implements Surface {

    @Override
    public Call open(Exchange exchange, byte[] body) {
        return new AsSent(body);
    }

    /** The body as sent, handed over once: the call holds no copy of the prompt while the answer is delivered. */
    private static final class AsSent implements Call {
        private byte[] body;

        AsSent(byte[] body) {
            this.body = body;
        }

        @Override
        public byte[] chatBody() {
            byte[] handed = body;
            body = null;
            return handed;
        }

        @Override
        public ObjectNode reply(Exchange ex, ObjectNode completion) {
            return completion;
        }

        @Override
        public Stream stream(Exchange ex, SseWriter sse) {
            return new DataStream(sse, null);
        }
    }
}
