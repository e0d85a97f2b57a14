package nl.dijkwacht.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Reads the body as an OpenAI request and checks the fields the gateway relies on. Error messages name the
 * field, never its content. For a tool trusted with identity headers, the OpenAI {@code user} field names the staff
 * member when no header did; for any other tool it changes nothing (identity is verified, not declared).
 */
public final class ParseRequestStep implements PolicyStep {

    private final ObjectMapper json;

    public ParseRequestStep(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String id() {
        return "request";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        JsonNode parsed;
        try {
            parsed = json.readTree(exchange.rawBody());
        } catch (JsonProcessingException e) {
            return deny("invalid_json", "De aanvraag is geen geldige JSON (regel " + e.getLocation().getLineNr()
                    + ", kolom " + e.getLocation().getColumnNr() + ").", null);
        } catch (IOException e) {
            return deny("invalid_json", "De aanvraag kon niet gelezen worden.", null);
        }
        if (!(parsed instanceof ObjectNode body)) {
            return deny("invalid_json", "De aanvraag moet een JSON-object zijn.", null);
        }
        Outcome invalid = exchange.endpoint() == Endpoint.EMBEDDINGS ? checkEmbeddings(body) : checkChat(body);
        if (invalid != null) {
            return invalid;
        }
        ChatRequest request = new ChatRequest(body);
        exchange.request(request);
        Caller caller = exchange.caller();
        if (caller != null && request.user().isPresent()) {
            exchange.caller(caller.withDeclaredUser(request.user().get()));
        }
        return Outcome.CONTINUE;
    }

    private Outcome checkChat(ObjectNode body) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return deny("missing_messages", "Het veld 'messages' ontbreekt of is leeg.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || !message.path("role").isTextual()) {
                return deny("invalid_message", "Bericht " + i + " heeft geen geldige 'role'.", "messages[" + i + "].role");
            }
            JsonNode content = message.get("content");
            if (content != null && !content.isNull() && !content.isTextual() && !content.isArray()) {
                return deny("invalid_message", "Bericht " + i + " heeft een ongeldige 'content'.", "messages[" + i + "].content");
            }
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            return deny("invalid_type", "Het veld 'stream' moet true of false zijn.", "stream");
        }
        return null;
    }

    private Outcome checkEmbeddings(ObjectNode body) {
        JsonNode input = body.get("input");
        if (input == null || input.isNull() || (input.isArray() && input.isEmpty())) {
            return deny("missing_input", "Het veld 'input' ontbreekt of is leeg.", "input");
        }
        if (!input.isTextual() && !input.isArray()) {
            return deny("invalid_type", "Het veld 'input' moet tekst of een lijst met teksten zijn.", "input");
        }
        for (JsonNode item : input) {
            if (!item.isTextual()) {
                return deny("invalid_type", "Dijkwacht accepteert alleen tekst als 'input' (geen token-id's), zodat persoonsgegevens gecontroleerd kunnen worden.", "input");
            }
        }
        return null;
    }

    private static Outcome deny(String code, String message, String param) {
        return Outcome.deny(Refusal.badRequest(code, message, param), "request:" + code);
    }
}
