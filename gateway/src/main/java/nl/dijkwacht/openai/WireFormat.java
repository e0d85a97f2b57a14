package nl.dijkwacht.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RefusedRequest;

/**
 * The strict reading every OpenAI operation shares (chat, embeddings, Responses, legacy completions), before any
 * translation: {@code Content-Type: application/json} (UTF-8, nothing else: {@link BodyEncoding}), exactly one JSON document, no duplicate keys, at most
 * {@value #MAX_NESTING} levels deep, a JSON object — and then valid against the operation's OpenAI request schema
 * ({@link RequestSchema}). A problem is a {@link RefusedRequest} carrying the Dutch refusal, which names the field and never
 * repeats what the tool sent.
 */
public final class WireFormat {

    /** Deep enough for nested tool schemas, far below what would strain the parser or the schema check. */
    public static final int MAX_NESTING = 64;

    private final ObjectMapper json;
    private final RequestSchema schema;

    public WireFormat(ObjectMapper json, RequestSchema schema) {
        this.json = json.copyWith(JsonFactory.builder()
                .recyclerPool(json.getFactory()._getRecyclerPool())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxNumberLength(100).build())
                .build());
        this.json.setNodeFactory(new FiniteNumbers());
        this.schema = schema;
    }

    /** A request this operation cannot take; {@link #refusal()} says why (400 or 415). */
    /** The body as one JSON object, read strictly; the schema is not checked yet. */
    public ObjectNode readObject(String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw new RefusedRequest(new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_media_type", isJsonType(contentType)
                    ? "De header 'Content-Type' noemt een andere tekenset dan UTF-8. JSON is altijd UTF-8: stuur de aanvraag"
                    + " als UTF-8, met 'Content-Type: application/json' (of 'application/json; charset=utf-8')."
                    : "Stuur de aanvraag als JSON, met de header 'Content-Type: application/json'.", null));
        }
        BodyEncoding.Problem encoding = BodyEncoding.check(body);
        if (encoding != null) {
            throw rejected(encoding == BodyEncoding.Problem.UNPAIRED_SURROGATE ? "unpaired_surrogate" : "invalid_encoding",
                    encodingMessage(encoding), null);
        }
        JsonNode parsed;
        try {
            parsed = readOneDocument(body);
        } catch (TrailingData e) {
            throw rejected("trailing_data", "Na het JSON-object staat nog meer tekst. Stuur precies één JSON-object.", null);
        } catch (StreamConstraintsException e) {
            throw rejected("nesting_too_deep", "De aanvraag is te diep genest (meer dan " + MAX_NESTING
                    + " niveaus) of bevat een te lang getal.", null);
        } catch (NotFinite e) {
            throw rejected("value_out_of_range", "Een getal in de aanvraag is te groot om te verwerken.", null);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw rejected("duplicate_field", "Een veld staat twee keer in hetzelfde JSON-object. Stuur elk veld één keer.", null);
            }
            var at = e.getLocation();
            throw rejected("invalid_json", "De aanvraag is geen geldige JSON"
                    + (at == null || at.getLineNr() < 1 ? "." : " (regel " + at.getLineNr() + ", kolom " + at.getColumnNr() + ")."), null);
        } catch (IOException | RuntimeException e) {
            throw rejected("invalid_json", "De aanvraag kon niet gelezen worden.", null);
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw rejected("invalid_json", "De aanvraag moet een JSON-object zijn.", null);
        }
        return object;
    }

    private static String encodingMessage(BodyEncoding.Problem problem) {
        return switch (problem) {
            case NOT_UTF8 -> "De aanvraag is geen geldige UTF-8-tekst. Stuur de JSON als UTF-8.";
            case NUL_BYTE -> "De aanvraag bevat een NUL-byte; is ze als UTF-16 of UTF-32 gecodeerd? Stuur de JSON als UTF-8.";
            case UNPAIRED_SURROGATE -> "Een tekst in de aanvraag bevat een halve \\u-escape van een surrogaatpaar (\\uD800 tot "
                    + "\\uDFFF zonder de andere helft). Dat is geen geldige Unicode-tekst.";
        };
    }

    /** The body against the operation's OpenAI request schema: the most specific problem, by field. */
    public void checkSchema(RequestSchema.Operation operation, ObjectNode body) {
        schema.check(operation, body).ifPresent(problem -> {
            throw rejected(codeFor(problem), problem.message(), problem.field().isEmpty() ? null : problem.field());
        });
    }

    private JsonNode readOneDocument(byte[] body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            JsonNode tree = json.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new JsonParseException(parser, "empty body");
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

    /**
     * Numbers as {@link JsonNodeFactory#instance} makes them, but none that a {@code double} cannot hold: JSON allows
     * {@code 1e400}, which reads as infinity, and every check after the parse (the schema's ranges compare the number
     * as written, exactly) would fail on it — a 500 instead of a refusal (input26).
     */
    private static final class FiniteNumbers extends JsonNodeFactory {
        FiniteNumbers() {
            super(false);
        }

        @Override
        public NumericNode numberNode(double v) {
            if (!Double.isFinite(v)) {
                throw new NotFinite();
            }
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (!Float.isFinite(v)) {
                throw new NotFinite();
            }
            return super.numberNode(v);
        }
    }

    /** A number in the body that reads as infinity. */
    private static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    /** Content after the one JSON document. */
    private static final class TrailingData extends IOException {
        TrailingData() {
            super(null, null);
        }
    }

    /** The media type is JSON, whatever its parameters say. */
    private static boolean isJsonType(String contentType) {
        return contentType != null && contentType.split(";")[0].strip().equalsIgnoreCase("application/json");
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

    static String codeFor(RequestSchema.Problem problem) {
        String message = problem.message();
        if (message.contains("kent Dijkwacht niet")) {
            return "unknown_field";
        }
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

    static RefusedRequest rejected(String code, String message, String param) {
        return new RefusedRequest(Refusal.badRequest(code, message, param));
    }
}
