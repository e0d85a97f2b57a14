package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.ParamPath;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.openai.completions.CompletionsRequest;
import nl.dijkwacht.openai.completions.TextCompletions;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;

/** {@code POST /v1/completions} for older tools: the prompt as a chat request, the answer as {@code text_completion}. */
record CompletionsSurface(ObjectMapper json, WireFormat wire) implements Surface {

    @Override
    public Endpoint endpoint() {
        return Endpoint.COMPLETIONS;
    }

    @Override
    public Call open(Exchange exchange, byte[] body) {
        ObjectNode sent = Translations.object(exchange, wire, RequestSchema.Operation.COMPLETIONS);
        byte[] chat = Translations.bytes(Translations.translate(() -> CompletionsRequest.toChat(sent, json)), json);
        TextCompletions completions = new TextCompletions(json, exchange.traceId());
        return new Call() {
            @Override
            public byte[] chatBody() {
                return chat;
            }

            @Override
            public ObjectNode reply(Exchange ex, ObjectNode completion) {
                return completions.fromCompletion(completion);
            }

            @Override
            public Stream stream(Exchange ex, SseWriter sse) {
                return new DataStream(sse, completions::fromChunk);
            }

            @Override
            public String param(ParamPath chatParam) {
                return CompletionsRequest.toolParam(sent, chatParam);
            }

            @Override
            public String refusedParam(String chatParam) {
                ParamPath path = ParamPath.parse(chatParam);
                return path == null ? chatParam : CompletionsRequest.toolParam(sent, path);
            }
        };
    }
}
