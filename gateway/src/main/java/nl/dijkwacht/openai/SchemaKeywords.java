package nl.dijkwacht.openai;

import java.util.Set;

/**
 * The keywords of JSON Schema (2020-12 and draft 7), with OpenAPI's {@code nullable}, {@code discriminator} and
 * {@code example} and OpenAI's {@code strict}: in tool parameters and response formats these keys are words of the API,
 * any other key was chosen by the tool. {@link FieldPath} shows them in error messages; {@link GovernedFields} scans
 * every other key of a schema as an identifier.
 */
final class SchemaKeywords {

    static final Set<String> ALL = Set.of("$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor",
            "$recursiveRef", "$recursiveAnchor", "$vocabulary", "$comment", "$defs", "definitions", "type", "enum", "const",
            "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
            "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
            "dependentRequired", "dependencies", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
            "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties", "additionalProperties",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "title", "description", "default", "deprecated",
            "readOnly", "writeOnly", "examples", "example", "format", "contentEncoding", "contentMediaType", "contentSchema",
            "nullable", "discriminator", "strict");

    private SchemaKeywords() {
    }
}
