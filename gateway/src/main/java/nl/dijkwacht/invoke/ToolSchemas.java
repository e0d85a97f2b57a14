package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI function's {@code parameters} (JSON Schema) as LangChain4j schema elements, for providers served through
 * LangChain4j (Anthropic): objects, arrays, strings, numbers, integers, booleans, enums, {@code anyOf}, nullable types
 * ({@code "type": ["string", "null"]}) and {@code $defs}/{@code $ref}. Anything else is refused rather than dropped.
 */
final class ToolSchemas {

    private ToolSchemas() {
    }

    static JsonObjectSchema parameters(JsonNode schema) {
        if (schema == null || schema.isNull() || schema.isEmpty()) {
            return JsonObjectSchema.builder().build();
        }
        if (!(element(schema) instanceof JsonObjectSchema object)) {
            throw unsupported("de parameters van een functie moeten een JSON-schema van een object zijn");
        }
        return object;
    }

    private static JsonSchemaElement element(JsonNode schema) {
        String description = schema.path("description").asText(null);
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return JsonReferenceSchema.builder().reference(ref.substring(ref.lastIndexOf('/') + 1)).build();
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        if (schema.has("anyOf")) {
            List<JsonSchemaElement> options = new ArrayList<>();
            schema.get("anyOf").forEach(o -> options.add(element(o)));
            return JsonAnyOfSchema.builder().anyOf(options).description(description).build();
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<JsonSchemaElement> options = new ArrayList<>();
            for (JsonNode t : type) {
                options.add(typed(t.asText(), schema, description));
            }
            return options.size() == 1 ? options.getFirst() : JsonAnyOfSchema.builder().anyOf(options).description(description).build();
        }
        return typed(type == null ? (schema.has("properties") ? "object" : "string") : type.asText(), schema, description);
    }

    private static JsonSchemaElement typed(String type, JsonNode schema, String description) {
        return switch (type) {
            case "object" -> object(schema, description);
            case "array" -> JsonArraySchema.builder().items(schema.has("items") ? element(schema.get("items"))
                    : JsonStringSchema.builder().build()).description(description).build();
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            default -> throw unsupported("Dijkwacht ondersteunt het JSON-schematype '" + type + "' in de parameters van een functie niet voor dit model");
        };
    }

    private static JsonObjectSchema object(JsonNode schema, String description) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder().description(description);
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), element(p.getValue())));
        builder.addProperties(properties);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        builder.required(required);
        if (schema.path("additionalProperties").isBoolean()) {
            builder.additionalProperties(schema.get("additionalProperties").asBoolean());
        }
        JsonNode defs = schema.has("$defs") ? schema.get("$defs") : schema.get("definitions");
        if (defs != null && defs.isObject()) {
            Map<String, JsonSchemaElement> definitions = new LinkedHashMap<>();
            defs.fields().forEachRemaining(d -> definitions.put(d.getKey(), element(d.getValue())));
            builder.definitions(definitions);
        }
        return builder.build();
    }

    private static UpstreamException unsupported(String what) {
        return new UpstreamException(UpstreamException.Kind.UNSUPPORTED, what);
    }
}
