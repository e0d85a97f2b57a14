package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Instances written from the request schema itself, for tests that walk every definition: the smallest one of a
 * definition (its required fields, the first alternative of each any-of that is not null, the lowest allowed number,
 * the first allowed value) and a full one (every property it declares, to a depth). Synthetic values only ("x", 1,
 * true). Whether an instance fits is the validator's to say; the smallest ones are meant to.
 */
final class SchemaInstances {

    private static final String DEFS = "#/$defs/";
    private static final int MAX_DEPTH = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A required field the object's own properties do not describe: any value, given way to a described one. */
    private static final TextNode UNDESCRIBED = new TextNode("x");

    private final JsonNode defs;
    private final boolean full;

    private SchemaInstances(JsonNode defs, boolean full) {
        this.defs = defs;
        this.full = full;
    }

    /** The schema document as shipped (before {@link RequestSchema} relaxes it: the instances also fit the stricter one). */
    static JsonNode document() {
        try (InputStream in = SchemaInstances.class.getResourceAsStream(RequestSchema.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest instance of {@code definition}. */
    static JsonNode smallest(JsonNode document, String definition) {
        return new SchemaInstances(document.path("$defs"), false).of(ref(definition), 0, new HashSet<>());
    }

    /** An instance of {@code definition} with every property it declares (not necessarily one that fits). */
    static JsonNode full(JsonNode document, String definition) {
        return new SchemaInstances(document.path("$defs"), true).of(ref(definition), 0, new HashSet<>());
    }

    private static JsonNode ref(String definition) {
        return NODES.objectNode().put("$ref", DEFS + definition);
    }

    private JsonNode of(JsonNode schema, int depth, Set<String> refsOnPath) {
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value;
                }
            }
            return schema.get("enum").get(0);
        }
        JsonNode instance = null;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring(DEFS.length());
            if (refsOnPath.contains(name)) {
                return NODES.nullNode();
            }
            Set<String> next = new HashSet<>(refsOnPath);
            next.add(name);
            instance = of(defs.path(name), depth + 1, next);
        }
        for (JsonNode part : schema.path("allOf")) {
            instance = merge(instance, of(part, depth + 1, refsOnPath));
        }
        for (String alternatives : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(alternatives)) {
                JsonNode chosen = null;
                for (JsonNode branch : schema.get(alternatives)) {
                    if (!"null".equals(branch.path("type").asText())) {
                        chosen = branch;
                        break;
                    }
                }
                instance = merge(instance, of(chosen == null ? schema.get(alternatives).get(0) : chosen, depth + 1, refsOnPath));
            }
        }
        String type = type(schema);
        if (type == null) {
            return instance == null ? NODES.textNode("x") : instance;
        }
        JsonNode own = switch (type) {
            case "object" -> object(schema, depth, refsOnPath);
            case "array" -> array(schema, depth, refsOnPath);
            case "string" -> NODES.textNode("x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
            case "integer", "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.nullNode();
        };
        return merge(instance, own);
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.textValue();
        }
        if (type != null && type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asText())) {
                    return one.asText();
                }
            }
            return "null";
        }
        return schema.has("properties") || schema.has("required") ? "object" : null;
    }

    private JsonNode object(JsonNode schema, int depth, Set<String> refsOnPath) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (required.contains(property.getKey()) || full) {
                object.set(property.getKey(), of(property.getValue(), depth + 1, refsOnPath));
            }
        }
        for (String name : required) {
            if (!object.has(name)) {
                object.set(name, UNDESCRIBED);
            }
        }
        return object;
    }

    private JsonNode array(JsonNode schema, int depth, Set<String> refsOnPath) {
        ArrayNode array = NODES.arrayNode();
        int size = Math.max(schema.path("minItems").asInt(0), full ? 1 : 0);
        for (int i = 0; i < size; i++) {
            array.add(schema.has("items") ? of(schema.get("items"), depth + 1, refsOnPath) : NODES.textNode("x"));
        }
        return array;
    }

    private static long number(JsonNode schema) {
        long value = 1;
        if (schema.has("minimum")) {
            value = (long) Math.ceil(schema.get("minimum").asDouble());
        } else if (schema.has("exclusiveMinimum")) {
            value = (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
        }
        if (schema.has("maximum") && schema.get("maximum").asDouble() < value) {
            value = (long) Math.floor(schema.get("maximum").asDouble());
        }
        return value;
    }

    /** Objects are merged (the later's fields win, but for an undescribed one); otherwise the later instance is taken. */
    private static JsonNode merge(JsonNode earlier, JsonNode later) {
        if (earlier instanceof ObjectNode a && later instanceof ObjectNode b) {
            ObjectNode merged = a.deepCopy();
            for (Map.Entry<String, JsonNode> field : b.properties()) {
                if (field.getValue() != UNDESCRIBED || !merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
            return merged;
        }
        return later == null ? earlier : later;
    }
}
