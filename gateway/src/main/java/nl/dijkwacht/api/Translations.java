package nl.dijkwacht.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.UnsupportedField;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RefusedRequest;

/** Reading and writing the bodies of translated surfaces, with the same errors as the request step. */
final class Translations {

    private Translations() {
    }

    /**
     * The body as the operation's OpenAI request, read as strictly as a chat request ({@link WireFormat}: JSON content
     * type, one document, nesting limit, no duplicate keys, the operation's request schema) before it is translated.
     */
    static ObjectNode object(Exchange exchange, WireFormat wire, RequestSchema.Operation operation) {
        ObjectNode body = wire.readObject(exchange.contentType(), exchange.rawBody());
        wire.checkSchema(operation, body);
        return body;
    }

    /** Runs a translation; a field it cannot serve becomes a 400 in the OpenAI error format that names the field. */
    static <T> T translate(java.util.function.Supplier<T> translation) {
        try {
            return translation.get();
        } catch (UnsupportedField e) {
            throw new RefusedRequest(Refusal.badRequest(e.code(), e.getMessage(), e.param()));
        }
    }

    static byte[] bytes(ObjectNode body, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
