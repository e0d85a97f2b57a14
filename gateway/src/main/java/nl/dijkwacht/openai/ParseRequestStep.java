package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RefusedRequest;

/**
 * Reads the body strictly as one OpenAI request ({@link WireFormat}): {@code Content-Type: application/json}, exactly
 * one JSON document, no duplicate keys, at most {@value WireFormat#MAX_NESTING} levels deep, valid against the OpenAI request schema
 * ({@link RequestSchema}), and every field known to the gateway's field table ({@link RequestFields}). Error messages
 * name the field, never its content. For a tool trusted with identity headers, the OpenAI {@code user} field names the
 * staff member when no header did; for any other tool it changes nothing (identity is verified, not declared).
 */
public final class ParseRequestStep implements PolicyStep {

    /** Token ids of current vocabularies stay below this; a longer number is not a token id (and could be a BSN). */
    static final int MAX_TOKEN_ID = 1_000_000;

    /** More dimensions than any embedding model has; five digits, so no BSN or phone number fits (redteam51). */
    static final int MAX_DIMENSIONS = 100_000;

    /** OpenAI's limit on the texts of one embeddings request ({@code maxItems} of its schema). */
    static final int MAX_EMBEDDING_INPUTS = 2048;

    private final WireFormat wire;

    public ParseRequestStep(ObjectMapper json, RequestSchema schema) {
        this(new WireFormat(json, schema));
    }

    public ParseRequestStep(WireFormat wire) {
        this.wire = wire;
    }

    @Override
    public String id() {
        return "request";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        ObjectNode body;
        try {
            body = wire.readObject(exchange.contentType(), exchange.rawBody());
        } catch (RefusedRequest e) {
            return Outcome.deny(e.refusal(), "request:" + e.refusal().code());
        }
        boolean embeddings = exchange.endpoint() == Endpoint.EMBEDDINGS;
        Outcome invalid = embeddings ? checkEmbeddings(body) : checkChat(body);
        if (invalid != null) {
            return invalid;
        }
        try {
            wire.checkSchema(embeddings ? RequestSchema.Operation.EMBEDDINGS : RequestSchema.Operation.CHAT_COMPLETIONS, body);
        } catch (RefusedRequest e) {
            return Outcome.deny(e.refusal(), "request:" + e.refusal().code());
        }
        invalid = gatewayRules(body);
        if (invalid != null) {
            return invalid;
        }
        ChatRequest request = new ChatRequest(body, embeddings ? RequestFields.EMBEDDINGS : RequestFields.CHAT_COMPLETIONS);
        String unknown = request.fields().unknownField();
        if (unknown != null) {
            return deny("unknown_field", "Het veld '" + unknown + "' kent Dijkwacht niet; het wordt niet doorgestuurd. "
                    + "Haal het weg (zie de OpenAI API-referentie voor de velden van dit verzoek)." + FieldPath.hiddenNote(unknown), unknown);
        }
        request.takeGatewayMetadata();
        exchange.request(request);
        // kept for the audit record's prompt hash, so it need not read the body a second time
        List<TextSlot> slots = request.messageTexts();
        List<String> sent = new java.util.ArrayList<>(slots.size());
        for (TextSlot slot : slots) {
            sent.add(slot.get());
        }
        exchange.sentMessageTexts(java.util.Collections.unmodifiableList(sent));
        Caller caller = exchange.caller();
        if (caller != null && request.user().isPresent()) {
            exchange.caller(caller.withDeclaredUser(request.user().get()));
        }
        return Outcome.CONTINUE;
    }

    /** What the gateway needs beyond the OpenAI schema, which leaves these open. */
    private static Outcome gatewayRules(ObjectNode body) {
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            JsonNode value = body.get(field);
            if (value != null && value.isIntegralNumber() && value.asLong() < 1) {
                return deny("value_out_of_range", "Het veld '" + field + "' moet minstens 1 zijn.", field);
            }
        }
        if (body.get("dimensions") instanceof JsonNode dimensions && dimensions.isNumber()
                && dimensions.decimalValue().compareTo(BigDecimal.valueOf(MAX_DIMENSIONS)) > 0) {
            return deny("value_out_of_range", "Het veld 'dimensions' mag hoogstens " + MAX_DIMENSIONS + " zijn.", "dimensions");
        }
        if (body.get("logit_bias") instanceof ObjectNode bias) {
            for (Iterator<Map.Entry<String, JsonNode>> it = bias.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isTokenId(e.getKey())) {
                    return deny("invalid_field", "De sleutels van 'logit_bias' moeten token-id's zijn (gehele getallen onder "
                            + MAX_TOKEN_ID + ").", "logit_bias");
                }
                long v = e.getValue().asLong();
                if (v < -100 || v > 100) {
                    return deny("value_out_of_range", "De waarden van 'logit_bias' moeten tussen -100 en 100 liggen.", "logit_bias");
                }
            }
        }
        return null;
    }

    static boolean isTokenId(String key) {
        if (key.isEmpty() || key.length() > 6 || (key.length() > 1 && key.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i)) || key.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(key) < MAX_TOKEN_ID;
    }

    private Outcome checkChat(ObjectNode body) {
        JsonNode messages = body.get("messages");
        if (messages != null && !messages.isNull() && !messages.isArray()) {
            return deny("invalid_type", "Het veld 'messages' moet een lijst met berichten zijn.", "messages");
        }
        if (messages == null || messages.isNull() || messages.isEmpty()) {
            return deny("missing_messages", "Het veld 'messages' ontbreekt of is leeg.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || !message.path("role").isTextual()) {
                return deny("invalid_message", "Bericht " + i + " heeft geen geldige 'role'.", "messages[" + i + "].role");
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
        // before the schema: of its alternatives it would name the list of token ids, "input[0] moet een geheel getal zijn"
        if (input.size() > MAX_EMBEDDING_INPUTS) {
            return deny("value_out_of_range", "Het veld 'input' mag hoogstens " + MAX_EMBEDDING_INPUTS
                    + " teksten bevatten. Verdeel ze over meerdere verzoeken.", "input");
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
