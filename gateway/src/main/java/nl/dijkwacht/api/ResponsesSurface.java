package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.ParamPath;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.openai.responses.ResponseEvents;
import nl.dijkwacht.openai.responses.ResponseObjects;
import nl.dijkwacht.openai.responses.ResponsesRequest;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;

/**
 * {@code POST /v1/responses}: the Responses request is translated into a chat request ({@link ResponsesRequest}), so
 * the whole policy applies to {@code input} and {@code instructions}; the rewritten answer (placeholders restored,
 * disclaimer added) goes back as a {@code response} object or as the API's typed stream events ({@link ResponseEvents}).
 */
record ResponsesSurface(ObjectMapper json, WireFormat wire) implements Surface {

    @Override
    public Endpoint endpoint() {
        return Endpoint.RESPONSES;
    }

    @Override
    public Call open(Exchange exchange, byte[] body) {
        ObjectNode sent = Translations.object(exchange, wire, RequestSchema.Operation.RESPONSES);
        ResponsesRequest request = Translations.translate(() -> ResponsesRequest.from(sent, json));
        byte[] chat = Translations.bytes(request.chat(), json);
        return new Call() {
            @Override
            public byte[] chatBody() {
                return chat;
            }

            @Override
            public ObjectNode reply(Exchange ex, ObjectNode completion) {
                return objects(ex).fromCompletion(completion);
            }

            @Override
            public Stream stream(Exchange ex, SseWriter sse) {
                ResponseEvents events = new ResponseEvents(json, objects(ex), sse::event);
                return new Stream() {
                    @Override
                    public void start() {
                        sse.start();
                        events.start();
                    }

                    @Override
                    public void chunk(ObjectNode chunk) {
                        events.chunk(chunk);
                    }

                    @Override
                    public void done() {
                        events.done();
                    }

                    @Override
                    public void error(Refusal refusal, ObjectNode errorBody) {
                        events.failed(refusal.code(), refusal.message());
                    }
                };
            }

            @Override
            public String param(ParamPath chatParam) {
                return request.toolParam(chatParam);
            }

            @Override
            public String refusedParam(String chatParam) {
                ParamPath path = ParamPath.parse(chatParam);
                if (path == null) {
                    return chatParam;
                }
                String named = request.toolParam(path);
                // a field of the Responses API's own the translation kept under its name (store, include): as sent
                return named != null ? named : request.original().has(path.field()) ? chatParam : null;
            }

            private ResponseObjects objects(Exchange ex) {
                return new ResponseObjects(json, request, ex.traceId(), ex.model().id());
            }
        };
    }
}
