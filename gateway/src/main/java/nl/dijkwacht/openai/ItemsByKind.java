package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quick yes for a valid request whose list holds items of several kinds — chat {@code messages} by their
 * {@code role}, Responses {@code input} items by their {@code type}: the request without that list's item constraint
 * against its schema, and each item against the kinds its discriminator names, instead of against the any-of over all
 * kinds — which runs (and words the errors of) every kind listed before the right one.
 *
 * <p>Only "fits" is answered here. Each kind is a branch of the items' any-of (nested any-ofs such as the Responses
 * {@code Item} add only "an object", and an item is tried only when it is one), so an item that fits one of its kinds
 * fits the any-of; and the schema without the list's {@code items} is the request schema minus exactly that constraint
 * (the schema has no {@code unevaluatedItems}/{@code unevaluatedProperties} that could read it). A request that passes
 * here therefore passes the full schema. Anything else — an item whose discriminator names no kind, any problem at all —
 * is checked again against the full schema, which alone words the refusal: the Dutch texts are those of the full check
 * by construction.
 */
final class ItemsByKind {

    private static final String DEFS = "#/$defs/";
    /** Keywords a nested any-of of kinds, or a branch leading to one, may carry: nothing beyond "an object". */
    private static final Set<String> WRAPPER_KEYWORDS = Set.of("anyOf", "$ref", "type", "description", "title");

    /** A list of a request that holds items of several kinds, and the field of an item that names its kind. */
    record Kinds(String request, String list, String discriminator) {

        /** Chat {@code messages}, each of the message kind its {@code role} names. */
        static final Kinds CHAT_MESSAGES = new Kinds("CreateChatCompletionRequest", "messages", "role");
        /** Responses {@code input} items, each of the item kinds its {@code type} names (a message may leave it out). */
        static final Kinds RESPONSES_INPUT = new Kinds("CreateResponse", "input", "type");

        /** The definition added to the document: the request without the list's item constraint. */
        String requestWithoutItems() {
            return request + "-without-" + list + "-items";
        }
    }

    private final String list;
    private final String discriminator;
    private final JsonSchema withoutItems;
    /** The definitions of the kinds, in the order the any-of lists them. */
    private final List<String> kindDefinitions = new ArrayList<>();
    private final Map<String, List<JsonSchema>> kindsByValue;
    /** The kinds an item without its discriminator (or with it null) may be. */
    private final List<JsonSchema> kindsWithoutValue;

    /**
     * Adds to the document's definitions the request of {@code kinds} without its list's {@code items}, named
     * {@link Kinds#requestWithoutItems}: read by the validator with the rest of the document, so its references are
     * the document's own. Before the document is loaded ({@link SchemaDefinitions}).
     *
     * @param all the schema document as {@link RequestSchema} reads it (any-of already in place of one-of, nullable
     *            fields optional); only the definition is added
     */
    static void addRequestWithoutItems(ObjectNode all, Kinds kinds) {
        ObjectNode defs = (ObjectNode) all.path("$defs");
        if (defs.has(kinds.requestWithoutItems())) {
            throw new IllegalStateException(kinds.requestWithoutItems() + " is already a definition of " + RequestSchema.RESOURCE);
        }
        ObjectNode request = defs.path(kinds.request()).deepCopy();
        ObjectNode property = property(request, kinds.request(), kinds.list());
        if (property.has("$ref")) {
            JsonNode target = defs.path(definition(property, kinds.request() + "." + kinds.list()));
            property.remove("$ref");
            property.setAll((ObjectNode) target.deepCopy());
        }
        arrayIn(property, kinds.request() + "." + kinds.list()).remove("items");
        defs.set(kinds.requestWithoutItems(), request);
    }

    /**
     * @param definitions the document as the validator read it, {@link #addRequestWithoutItems} included
     * @param all         the same document as JSON; not changed
     */
    ItemsByKind(SchemaDefinitions definitions, JsonNode all, Kinds kinds) {
        this.list = kinds.list();
        this.discriminator = kinds.discriminator();
        JsonNode defs = all.path("$defs");
        String where = kinds.request() + "." + kinds.list();
        JsonNode property = property(defs.path(kinds.request()), kinds.request(), kinds.list());
        JsonNode array = arrayIn(property.has("$ref") ? defs.path(definition(property, where)) : property, where);
        String itemsDefinition = definition(array.path("items"), where + ".items");
        this.withoutItems = definitions.get(kinds.requestWithoutItems());
        leafKinds(defs, itemsDefinition, kindDefinitions);
        this.kindsByValue = new LinkedHashMap<>();
        this.kindsWithoutValue = new ArrayList<>();
        for (String kind : kindDefinitions) {
            JsonSchema schema = definitions.get(kind);
            JsonNode definition = defs.path(kind);
            JsonNode field = definition.path("properties").path(discriminator);
            for (String value : values(field)) {
                kindsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(schema);
            }
            if (!required(definition, discriminator) || values(field).isEmpty()) {
                kindsWithoutValue.add(schema);
            }
        }
    }

    /** Chat {@code messages}, each against the message kind its {@code role} names. */
    static ItemsByKind chatMessages(SchemaDefinitions definitions, JsonNode all) {
        return new ItemsByKind(definitions, all, Kinds.CHAT_MESSAGES);
    }

    /** Responses {@code input} items, each against the item kinds its {@code type} names (a message may leave it out). */
    static ItemsByKind responsesInput(SchemaDefinitions definitions, JsonNode all) {
        return new ItemsByKind(definitions, all, Kinds.RESPONSES_INPUT);
    }

    /** True only when {@code body} fits the full request schema; false says nothing (check it in full). */
    boolean fits(JsonNode body) {
        if (body.get(list) instanceof JsonNode items && items.isArray()) {
            for (JsonNode item : items) {
                if (!fitsItsKind(item)) {
                    return false;
                }
            }
        }
        return withoutItems.validate(body).isEmpty();
    }

    /** The definitions of the kinds, for the test. */
    List<String> kindDefinitions() {
        return List.copyOf(kindDefinitions);
    }

    /** The discriminator values this check knows, for the test. */
    Set<String> values() {
        return kindsByValue.keySet();
    }

    private boolean fitsItsKind(JsonNode item) {
        if (!item.isObject()) {
            return false;
        }
        JsonNode value = item.get(discriminator);
        List<JsonSchema> kinds = value == null || value.isNull() ? kindsWithoutValue
                : value.isTextual() ? kindsByValue.get(value.textValue()) : null;
        if (kinds != null) {
            for (JsonSchema kind : kinds) {
                if (kind.validate(item).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's property {@code name}: in one of its all-of parts or its own properties, exactly once. */
    private static ObjectNode property(JsonNode request, String requestName, String name) {
        List<JsonNode> places = new ArrayList<>();
        places.add(request);
        request.path("allOf").forEach(places::add);
        ObjectNode found = null;
        for (JsonNode place : places) {
            if (place.path("properties").path(name) instanceof ObjectNode property) {
                if (found != null) {
                    throw new IllegalStateException(requestName + " has more than one " + name + " property");
                }
                found = property;
            }
        }
        if (found == null) {
            throw new IllegalStateException(requestName + "." + name + " not found in " + RequestSchema.RESOURCE);
        }
        return found;
    }

    /**
     * The array schema with the items in {@code property}: the property itself ({@code messages}) or the array branch
     * of its any-of ({@code input}: a string or a list), its definition's when it refers to one.
     */
    private static ObjectNode arrayIn(JsonNode property, String where) {
        if (property.has("items")) {
            return (ObjectNode) property;
        }
        ObjectNode found = null;
        for (JsonNode branch : property.path("anyOf")) {
            if (branch.has("items")) {
                if (found != null) {
                    throw new IllegalStateException(where + " has more than one list of items");
                }
                found = (ObjectNode) branch;
            }
        }
        if (found == null) {
            throw new IllegalStateException(where + " holds no list of items in " + RequestSchema.RESOURCE);
        }
        return found;
    }

    /** The kinds of the any-of {@code definition}, nested any-ofs of kinds opened up, in the order they are listed. */
    private static void leafKinds(JsonNode defs, String definition, List<String> out) {
        JsonNode node = defs.path(definition);
        if (!node.has("anyOf")) {
            out.add(definition);
            return;
        }
        requireWrapper(node, definition);
        for (JsonNode branch : node.path("anyOf")) {
            requireWrapper(branch, definition + " branch " + branch);
            leafKinds(defs, definition(branch, definition), out);
        }
    }

    private static void requireWrapper(JsonNode node, String where) {
        node.fieldNames().forEachRemaining(keyword -> {
            if (!WRAPPER_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException(where + " has " + keyword + " beside its kinds in " + RequestSchema.RESOURCE);
            }
        });
        if (node.has("type") && !"object".equals(node.path("type").asText())) {
            throw new IllegalStateException(where + " is not an object in " + RequestSchema.RESOURCE);
        }
    }

    private static String definition(JsonNode reference, String where) {
        String ref = reference.path("$ref").asText();
        if (!ref.startsWith(DEFS)) {
            throw new IllegalStateException(where + " is not a reference to a definition: " + reference);
        }
        return ref.substring(DEFS.length());
    }

    /** The discriminator values a kind's field allows: its enumeration or constant, also inside an any-of with null. */
    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        List<JsonNode> alternatives = new ArrayList<>();
        alternatives.add(field);
        field.path("anyOf").forEach(alternatives::add);
        for (JsonNode alternative : alternatives) {
            alternative.path("enum").forEach(v -> {
                if (v.isTextual()) {
                    values.add(v.textValue());
                }
            });
            if (alternative.path("const").isTextual()) {
                values.add(alternative.path("const").textValue());
            }
        }
        return values;
    }

    private static boolean required(JsonNode definition, String field) {
        for (JsonNode name : definition.path("required")) {
            if (field.equals(name.asText())) {
                return true;
            }
        }
        return false;
    }
}
