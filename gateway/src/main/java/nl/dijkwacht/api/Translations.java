package nl.dijkwacht.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import nl.dijkwacht.openai.UnsupportedField;
import nl.dijkwacht.pipeline.Refusal;

/** Reading and writing the bodies of translated surfaces, with the same errors as the request step. */
final class Translations {

    private Translations() {
    }

    static ObjectNode object(byte[] body, ObjectMapper json) {
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Surface.Refused(Refusal.badRequest("invalid_json", "De aanvraag is geen geldige JSON (regel "
                    + e.getLocation().getLineNr() + ", kolom " + e.getLocation().getColumnNr() + ").", null));
        } catch (IOException e) {
            throw new Surface.Refused(Refusal.badRequest("invalid_json", "De aanvraag kon niet gelezen worden.", null));
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new Surface.Refused(Refusal.badRequest("invalid_json", "De aanvraag moet een JSON-object zijn.", null));
        }
        return object;
    }

    /** Runs a translation; a field it cannot serve becomes a 400 in the OpenAI error format that names the field. */
    static <T> T translate(java.util.function.Supplier<T> translation) {
        try {
            return translation.get();
        } catch (UnsupportedField e) {
            throw new Surface.Refused(Refusal.badRequest(e.code(), e.getMessage(), e.param()));
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
