package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.completions.CompletionsRequest;
import nl.dijkwacht.openai.completions.TextCompletions;
import nl.dijkwacht.openai.UnsupportedField;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;

/** {@code POST /v1/completions} for older tools: the prompt as a chat request, the answer as {@code text_completion}. */
final class CompletionsSurface implements Surface {

    private final ObjectMapper json;

    CompletionsSurface(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.COMPLETIONS;
    }

    @Override
    public Call open(Exchange exchange, byte[] body) {
        byte[] chat;
        try {
            chat = Translations.bytes(CompletionsRequest.toChat(Translations.object(body, json), json), json);
        } catch (UnsupportedField e) {
            throw new Refused(Refusal.badRequest(e.code(), e.getMessage(), e.param()));
        }
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
                return new Stream() {
                    @Override
                    public void start() {
                        sse.start();
                    }

                    @Override
                    public void chunk(ObjectNode chunk) {
                        ObjectNode out = completions.fromChunk(chunk);
                        if (out != null) {
                            sse.chunk(out);
                        }
                    }

                    @Override
                    public void done() {
                        sse.done();
                    }

                    @Override
                    public void error(Refusal refusal, ObjectNode errorBody) {
                        sse.error(errorBody);
                    }
                };
            }
        };
    }
}
