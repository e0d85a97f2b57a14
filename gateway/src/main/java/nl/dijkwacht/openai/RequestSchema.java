package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI request schemas (types, enumerations, ranges, required fields), extracted from the official OpenAPI
 * description into {@code openai/openai-requests.schema.json}, and the one problem a refusal reports: the most
 * specific one, named by field, in Dutch, never with the value the tool sent.
 */
public final class RequestSchema {

    /** A request that does not fit the schema: which field, what is wrong (Dutch, no client values). */
    public record Problem(String field, String message) {
    }

    public static final String RESOURCE = "/openai/openai-requests.schema.json";

    /** The one-of branches of messages and content parts are told apart by these fields. */
    private static final Set<String> DISCRIMINATORS = Set.of("role", "type");
    private static final Pattern BRANCH = Pattern.compile("/(?:oneOf|anyOf)/\\d+");

    /** The OpenAI operations the gateway serves, by the name of their request definition in the schema. */
    public enum Operation {
        CHAT_COMPLETIONS("CreateChatCompletionRequest"),
        EMBEDDINGS("CreateEmbeddingRequest"),
        RESPONSES("CreateResponse"),
        COMPLETIONS("CreateCompletionRequest");

        private final String definition;

        Operation(String definition) {
            this.definition = definition;
        }
    }

    private final java.util.Map<Operation, JsonSchema> schemas = new java.util.EnumMap<>(Operation.class);
    /** The quick yes by item kind ({@link ItemsByKind}) of the operations whose list holds items of several kinds. */
    private final java.util.Map<Operation, ItemsByKind> byKind = new java.util.EnumMap<>(Operation.class);
    /** The yes without the validator for requests of plain shapes ({@link PlainFit}), per operation. */
    private final java.util.Map<Operation, PlainFit> plain = new java.util.EnumMap<>(Operation.class);

    public RequestSchema(ObjectMapper json) {
        ObjectNode all;
        try (InputStream in = RequestSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            all = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        relaxRequiredNullables(all);
        relaxDefaultedByTheApi(all);
        oneOfAsAnyOf(all);
        ItemsByKind.addRequestWithoutItems(all, ItemsByKind.Kinds.CHAT_MESSAGES);
        ItemsByKind.addRequestWithoutItems(all, ItemsByKind.Kinds.RESPONSES_INPUT);
        SchemaDefinitions definitions = new SchemaDefinitions(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012),
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build(), all);
        for (Operation operation : Operation.values()) {
            schemas.put(operation, definitions.get(operation.definition));
            plain.put(operation, new PlainFit(all, operation.definition));
        }
        byKind.put(Operation.CHAT_COMPLETIONS, ItemsByKind.chatMessages(definitions, all));
        byKind.put(Operation.RESPONSES, ItemsByKind.responsesInput(definitions, all));
    }

    /**
     * The OpenAPI description marks some nullable fields as required (the Responses API's function tools need
     * {@code strict} and {@code parameters} there), yet the API itself accepts them left out, as null, and the SDKs
     * leave them out. A required field that may be null is therefore optional here: stricter than OpenAI, tools break.
     */
    static void relaxRequiredNullables(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("required") instanceof com.fasterxml.jackson.databind.node.ArrayNode required
                    && object.get("properties") instanceof ObjectNode properties) {
                for (int i = required.size() - 1; i >= 0; i--) {
                    JsonNode property = properties.get(required.get(i).asText());
                    if (property != null && nullable(property)) {
                        required.remove(i);
                    }
                }
            }
            object.forEach(RequestSchema::relaxRequiredNullables);
        } else if (node != null && node.isArray()) {
            node.forEach(RequestSchema::relaxRequiredNullables);
        }
    }

    /**
     * Fields the OpenAPI description marks required but the API fills in when left out, by definition name: a Responses
     * {@code input_image} without {@code detail} is read as {@code auto} by OpenAI (its own examples leave it out), so
     * refusing it would be stricter than OpenAI.
     */
    private static final java.util.Map<String, List<String>> DEFAULTED_BY_THE_API = java.util.Map.of(
            "InputImageContent", List.of("detail"));

    static void relaxDefaultedByTheApi(ObjectNode all) {
        DEFAULTED_BY_THE_API.forEach((definition, fields) -> {
            if (all.path("$defs").path(definition).get("required") instanceof com.fasterxml.jackson.databind.node.ArrayNode required) {
                for (int i = required.size() - 1; i >= 0; i--) {
                    if (fields.contains(required.get(i).asText())) {
                        required.remove(i);
                    }
                }
            }
        });
    }

    /**
     * OpenAI's description says {@code oneOf} where the API means "any of": a Responses input message fits both
     * {@code EasyInputMessage} and {@code InputMessage}, so "exactly one" would refuse what OpenAI accepts. Read as
     * {@code anyOf}; the problem reported for a request that fits none is the same.
     */
    static void oneOfAsAnyOf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("oneOf") && !object.has("anyOf")) {
                object.set("anyOf", object.remove("oneOf"));
            }
            object.forEach(RequestSchema::oneOfAsAnyOf);
        } else if (node != null && node.isArray()) {
            node.forEach(RequestSchema::oneOfAsAnyOf);
        }
    }

    private static boolean nullable(JsonNode property) {
        JsonNode type = property.get("type");
        if (type != null && (type.asText().equals("null") || (type.isArray() && type.toString().contains("\"null\"")))) {
            return true;
        }
        for (String combinator : new String[] {"anyOf", "oneOf"}) {
            for (JsonNode alternative : property.path(combinator)) {
                if ("null".equals(alternative.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    public Optional<Problem> checkChat(JsonNode body) {
        return check(Operation.CHAT_COMPLETIONS, body);
    }

    public Optional<Problem> checkEmbeddings(JsonNode body) {
        return check(Operation.EMBEDDINGS, body);
    }

    /** The most specific problem of {@code body} against the operation's request schema, if any. */
    public Optional<Problem> check(Operation operation, JsonNode body) {
        if (plain.get(operation).fits(body)) {
            return Optional.empty();
        }
        ItemsByKind quick = byKind.get(operation);
        if (quick != null && quick.fits(body)) {
            return Optional.empty();
        }
        return checkInFull(operation, body);
    }

    /** Against the operation's whole schema, every item against every kind of the any-of: what words each refusal. */
    Optional<Problem> checkInFull(Operation operation, JsonNode body) {
        return check(schemas.get(operation), body);
    }

    /** The operation's yes without the validator for plain shapes. */
    PlainFit plain(Operation operation) {
        return plain.get(operation);
    }

    /** The operation's quick yes by item kind, or null when it has none. */
    ItemsByKind byKind(Operation operation) {
        return byKind.get(operation);
    }

    private static Optional<Problem> check(JsonSchema schema, JsonNode body) {
        Set<ValidationMessage> messages = schema.validate(body);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(describe(mostSpecific(messages.stream().map(Issue::of).toList())));
    }

    /** One validation message, reduced to what the choice and the Dutch text need. */
    record Issue(String type, String instance, String evaluation, Object[] args) {
        static Issue of(ValidationMessage m) {
            return new Issue(m.getType(), m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString(),
                    m.getEvaluationPath() == null ? "" : m.getEvaluationPath().toString(),
                    m.getArguments() == null ? new Object[0] : m.getArguments());
        }
    }

    /**
     * The message that says what is wrong: branches of a one-of whose {@code role} or {@code type} does not match are
     * not what the tool meant and are dropped; of the rest, the deepest field, and a concrete problem before a
     * "none of the alternatives" or a "null expected".
     */
    static Issue mostSpecific(List<Issue> messages) {
        Set<String> wrongBranches = new HashSet<>();
        List<Issue> discriminatorMisses = new ArrayList<>();
        for (Issue m : messages) {
            String branch = discriminatorBranch(m);
            if (branch != null) {
                wrongBranches.add(branch);
                discriminatorMisses.add(m);
            }
        }
        List<Issue> rest = messages.stream()
                .filter(m -> wrongBranches.stream().noneMatch(b -> evaluationPath(m).startsWith(b + "/")))
                .toList();
        if (rest.stream().allMatch(m -> isAlternatives(m.type())) && !discriminatorMisses.isEmpty()) {
            return mergedEnum(discriminatorMisses);
        }
        return rest.stream().min(Comparator
                        .comparingInt((Issue m) -> -depth(m))
                        .thenComparingInt(m -> rank(m)))
                .orElse(messages.getFirst());
    }

    /** The branch (evaluation path up to {@code oneOf/N}) in which {@code role}/{@code type} did not match, or null. */
    private static String discriminatorBranch(Issue m) {
        if (!("enum".equals(m.type()) || "const".equals(m.type()))) {
            return null;
        }
        String instance = instancePath(m);
        String last = instance.substring(instance.lastIndexOf('/') + 1);
        if (!DISCRIMINATORS.contains(last)) {
            return null;
        }
        String eval = evaluationPath(m);
        Matcher branch = BRANCH.matcher(eval);
        int end = -1;
        while (branch.find()) {
            end = branch.end();
        }
        if (end < 0) {
            return null;
        }
        String tail = eval.substring(end);
        return tail.matches("(/\\$ref)?(/allOf/\\d+)?(/\\$ref)?/properties/" + last + "/(enum|const)") ? eval.substring(0, end) : null;
    }

    /** "role must be one of developer, system, …": the enumerations of all branches together. */
    private static Issue mergedEnum(List<Issue> misses) {
        Issue first = misses.getFirst();
        String field = instancePath(first);
        Set<String> allowed = new LinkedHashSet<>();
        for (Issue m : misses) {
            if (instancePath(m).equals(field) && m.args().length > 0) {
                allowed.addAll(enumValues(String.valueOf(m.args()[0])));
            }
        }
        return new Issue("enum", field, first.evaluation(), new Object[] {String.join(", ", allowed)});
    }

    private static List<String> enumValues(String rendered) {
        String inner = rendered.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split(",")).map(s -> s.strip().replace("\"", "")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isAlternatives(String type) {
        return "oneOf".equals(type) || "anyOf".equals(type);
    }

    private static int rank(Issue m) {
        if (isAlternatives(m.type())) {
            return 9;
        }
        if ("type".equals(m.type()) && m.args().length > 1
                && "null".equals(String.valueOf(m.args()[1]))) {
            return 8;
        }
        return 0;
    }

    private static int depth(Issue m) {
        String path = instancePath(m);
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        if ("required".equals(m.type())) {
            depth++; // the missing field is one level below the object it is missing from
        }
        return depth;
    }

    private static String instancePath(Issue m) {
        return m.instance();
    }

    private static String evaluationPath(Issue m) {
        return m.evaluation();
    }

    /** Dutch, from the schema's own facts (types, bounds, allowed values) — never from the value the tool sent. */
    static Problem describe(Issue m) {
        String field = FieldPath.fromPointer(instancePath(m));
        Object[] args = m.args();
        String shown = field.isEmpty() ? "De aanvraag" : "Het veld '" + field + "'";
        return switch (m.type()) {
            case "required" -> {
                String missing = FieldPath.field(field, String.valueOf(args.length > 0 ? args[0] : "?"));
                yield new Problem(missing, "Het verplichte veld '" + missing + "' ontbreekt.");
            }
            case "type" -> new Problem(field, shown + " moet " + typeNames(args.length > 1 ? String.valueOf(args[1]) : "?") + " zijn.");
            case "minimum", "exclusiveMinimum" -> new Problem(field, shown + " moet minstens " + arg(args) + " zijn.");
            case "maximum", "exclusiveMaximum" -> new Problem(field, shown + " mag hoogstens " + arg(args) + " zijn.");
            case "minItems" -> new Problem(field, shown + " moet minstens " + arg(args) + " element(en) hebben.");
            case "maxItems" -> new Problem(field, shown + " mag hoogstens " + arg(args) + " element(en) hebben.");
            case "minLength" -> new Problem(field, shown + " moet minstens " + arg(args) + " teken(s) lang zijn.");
            case "maxLength" -> new Problem(field, shown + " mag hoogstens " + arg(args) + " tekens lang zijn.");
            case "enum", "const" -> new Problem(field, shown + " heeft geen toegestane waarde (toegestaan: "
                    + String.join(", ", enumValues(arg(args))) + ").");
            case "additionalProperties" -> {
                String name = arg(args);
                String pointerName = "/" + name.replace("~", "~0").replace("/", "~1");
                String unknown = instancePath(m).endsWith(pointerName) ? field : FieldPath.field(field, name);
                yield new Problem(unknown, "Het veld '" + unknown + "' kent Dijkwacht niet; het wordt niet doorgestuurd. Haal het weg"
                        + " (zie de OpenAI API-referentie voor de velden van dit verzoek)." + FieldPath.hiddenNote(unknown));
            }
            default -> new Problem(field, shown + " heeft een ongeldige vorm of waarde volgens de OpenAI-specificatie.");
        };
    }

    private static String arg(Object[] args) {
        return args.length > 0 ? String.valueOf(args[0]) : "?";
    }

    /** {@code [number, null]} → "een getal": the types the schema allows, null left out when there is another. */
    private static String typeNames(String rendered) {
        List<String> types = enumValues(rendered);
        List<String> named = types.stream().filter(t -> !t.equals("null")).map(RequestSchema::typeName).toList();
        return named.isEmpty() ? typeName(types.isEmpty() ? "?" : types.getFirst()) : String.join(" of ", named);
    }

    private static String typeName(String type) {
        return switch (type) {
            case "string" -> "tekst";
            case "number" -> "een getal";
            case "integer" -> "een geheel getal";
            case "boolean" -> "true of false";
            case "array" -> "een lijst";
            case "object" -> "een JSON-object";
            case "null" -> "null";
            default -> "van het juiste type";
        };
    }
}
