package nl.dijkwacht.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Reads the body strictly as one OpenAI request: {@code Content-Type: application/json}, exactly one JSON document,
 * no duplicate keys, at most {@value #MAX_NESTING} levels deep, valid against the OpenAI request schema
 * ({@link RequestSchema}), and every field known to the gateway's field table ({@link RequestFields}). Error messages
 * name the field, never its content. For a tool trusted with identity headers, the OpenAI {@code user} field names the
 * staff member when no header did; for any other tool it changes nothing (identity is verified, not declared).
 */
public final class ParseRequestStep implements PolicyStep {

    /** Deep enough for nested tool schemas, far below what would strain the parser or the schema check. */
    static final int MAX_NESTING = 64;
    /** Token ids of current vocabularies stay below this; a longer number is not a token id (and could be a BSN). */
    static final int MAX_TOKEN_ID = 1_000_000;

    private final ObjectMapper json;
    private final RequestSchema schema;

    public ParseRequestStep(ObjectMapper json, RequestSchema schema) {
        this.json = json.copyWith(JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxNumberLength(100).build())
                .build());
        this.schema = schema;
    }

    @Override
    public String id() {
        return "request";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        if (!isJson(exchange.contentType())) {
            return Outcome.deny(new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_media_type",
                    "Stuur de aanvraag als JSON, met de header 'Content-Type: application/json'.", null), "request:unsupported_media_type");
        }
        JsonNode parsed;
        try {
            parsed = readOneDocument(exchange.rawBody());
        } catch (TrailingData e) {
            return deny("trailing_data", "Na het JSON-object staat nog meer tekst. Stuur precies één JSON-object.", null);
        } catch (StreamConstraintsException e) {
            return deny("nesting_too_deep", "De aanvraag is te diep genest (meer dan " + MAX_NESTING
                    + " niveaus) of bevat een te lang getal.", null);
        } catch (JsonProcessingException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                return deny("duplicate_field", "Een veld staat twee keer in hetzelfde JSON-object. Stuur elk veld één keer.", null);
            }
            var at = e.getLocation();
            return deny("invalid_json", "De aanvraag is geen geldige JSON"
                    + (at == null || at.getLineNr() < 1 ? "." : " (regel " + at.getLineNr() + ", kolom " + at.getColumnNr() + ")."), null);
        } catch (IOException e) {
            return deny("invalid_json", "De aanvraag kon niet gelezen worden.", null);
        }
        if (!(parsed instanceof ObjectNode body)) {
            return deny("invalid_json", "De aanvraag moet een JSON-object zijn.", null);
        }
        boolean embeddings = exchange.endpoint() == Endpoint.EMBEDDINGS;
        Outcome invalid = embeddings ? checkEmbeddings(body) : checkChat(body);
        if (invalid != null) {
            return invalid;
        }
        Optional<RequestSchema.Problem> problem = embeddings ? schema.checkEmbeddings(body) : schema.checkChat(body);
        if (problem.isPresent()) {
            return deny(codeFor(problem.get()), problem.get().message(), blankToNull(problem.get().field()));
        }
        invalid = gatewayRules(body);
        if (invalid != null) {
            return invalid;
        }
        ChatRequest request = new ChatRequest(body, embeddings ? RequestFields.EMBEDDINGS : RequestFields.CHAT_COMPLETIONS);
        String unknown = request.fields().unknownField();
        if (unknown != null) {
            return deny("unknown_field", "Het veld '" + unknown + "' kent Dijkwacht niet; het wordt niet doorgestuurd. "
                    + "Haal het weg (zie de OpenAI API-referentie voor de velden van dit verzoek).", unknown);
        }
        request.takeGatewayMetadata();
        exchange.request(request);
        Caller caller = exchange.caller();
        if (caller != null && request.user().isPresent()) {
            exchange.caller(caller.withDeclaredUser(request.user().get()));
        }
        return Outcome.CONTINUE;
    }

    private JsonNode readOneDocument(byte[] body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonNode tree = json.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "empty body");
            }
            try {
                if (parser.nextToken() != null) {
                    throw new TrailingData();
                }
            } catch (JsonProcessingException e) {
                throw new TrailingData();
            }
            return tree;
        }
    }

    /** Content after the one JSON document. */
    private static final class TrailingData extends IOException {
        TrailingData() {
            super(null, null);
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].strip().equalsIgnoreCase("charset") && kv.length == 2
                    && !kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static String codeFor(RequestSchema.Problem problem) {
        String message = problem.message();
        if (message.startsWith("Het verplichte veld")) {
            return problem.field().indexOf('.') < 0 && problem.field().indexOf('[') < 0
                    ? "missing_" + problem.field().toLowerCase(Locale.ROOT) : "missing_field";
        }
        if (message.contains(" moet ") && (message.endsWith("tekst zijn.") || message.contains("getal") || message.contains("lijst")
                || message.contains("JSON-object") || message.contains("true of false") || message.endsWith("null zijn."))) {
            return "invalid_type";
        }
        if (message.contains("geen toegestane waarde")) {
            return "invalid_value";
        }
        if (message.contains("minstens") || message.contains("hoogstens")) {
            return "value_out_of_range";
        }
        return "invalid_field";
    }

    /** What the gateway needs beyond the OpenAI schema, which leaves these open. */
    private static Outcome gatewayRules(ObjectNode body) {
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            JsonNode value = body.get(field);
            if (value != null && value.isIntegralNumber() && value.asLong() < 1) {
                return deny("value_out_of_range", "Het veld '" + field + "' moet minstens 1 zijn.", field);
            }
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
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
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
        for (JsonNode item : input) {
            if (!item.isTextual()) {
                return deny("invalid_type", "Dijkwacht accepteert alleen tekst als 'input' (geen token-id's), zodat persoonsgegevens gecontroleerd kunnen worden.", "input");
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Outcome deny(String code, String message, String param) {
        return Outcome.deny(Refusal.badRequest(code, message, param), "request:" + code);
    }
}
