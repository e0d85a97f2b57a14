package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A yes without the schema validator for a request of the plain shapes tools send — a model name, a few numbers and
 * switches, messages of text — from the keywords such requests meet, each checked as networknt's validator checks it:
 * {@code type}, {@code enum} and {@code const} of text, true/false and null, numeric bounds, text lengths (in code
 * points), list sizes and {@code items}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code anyOf}, {@code allOf} and {@code $ref}. A part of the schema with any other keyword (a pattern, a one-of, a
 * property-count rule) never gives a yes here, nor does a value this class does not compare as exactly as the validator
 * (a number against an enumeration or a constant), so such a request goes to the validator, as does every request that
 * does not fit.
 *
 * <p>Only "fits" is answered: false says nothing. The refusal of a request that does not fit, and its Dutch words, stay
 * the validator's ({@link RequestSchema#checkInFull}); {@code PlainFitTest} runs both on many shapes.
 */
final class PlainFit {

    /** Keywords that only annotate: the validator reports nothing for them. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$comment", "default", "examples",
            "deprecated", "readOnly", "writeOnly");
    private static final String DEFS = "#/$defs/";

    /** A sure yes for {@code value}, or false for "ask the validator". */
    private interface Check {
        boolean sure(JsonNode value);
    }

    private static final Check NEVER = value -> false;
    private static final Check ALWAYS = value -> true;

    private final JsonNode defs;
    private final Map<String, Check> definitions = new HashMap<>();
    private final Check root;

    /**
     * @param all        the schema document as {@link RequestSchema} reads it (any-of already in place of one-of,
     *                   nullable fields optional); not changed
     * @param definition the request's definition
     */
    PlainFit(JsonNode all, String definition) {
        this.defs = all.path("$defs");
        this.root = reference(definition);
    }

    /** True only when {@code body} fits the definition; false says nothing (check it with the validator). */
    boolean fits(JsonNode body) {
        return root.sure(body);
    }

    private Check reference(String name) {
        Check known = definitions.get(name);
        if (known != null) {
            return known;
        }
        Deferred deferred = new Deferred();
        definitions.put(name, deferred); // a definition that refers to itself reaches this one
        deferred.target = compile(defs.get(name));
        return deferred;
    }

    private static final class Deferred implements Check {
        private Check target = NEVER;

        @Override
        public boolean sure(JsonNode value) {
            return target.sure(value);
        }
    }

    private Check compile(JsonNode schema) {
        if (schema == null) {
            return NEVER;
        }
        if (schema.isBoolean()) {
            return schema.booleanValue() ? ALWAYS : NEVER;
        }
        if (!schema.isObject()) {
            return NEVER;
        }
        List<Check> checks = new ArrayList<>();
        Map<String, Check> properties = null;
        List<String> required = List.of();
        Check additional = null;
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            JsonNode argument = keyword.getValue();
            Check check = switch (keyword.getKey()) {
                case "type" -> type(argument);
                case "enum" -> enumeration(argument);
                case "const" -> constant(argument);
                case "anyOf" -> anyOf(argument);
                case "allOf" -> allOf(argument);
                case "$ref" -> argument.isTextual() && argument.textValue().startsWith(DEFS)
                        ? reference(argument.textValue().substring(DEFS.length())) : NEVER;
                case "minimum" -> bound(argument, true);
                case "maximum" -> bound(argument, false);
                case "minItems" -> count(argument) ? minItems(argument.intValue()) : NEVER;
                case "maxItems" -> count(argument) ? maxItems(argument.intValue()) : NEVER;
                case "minLength" -> count(argument) ? minLength(argument.intValue()) : NEVER;
                case "maxLength" -> count(argument) ? maxLength(argument.intValue()) : NEVER;
                case "items" -> items(compile(argument));
                case "properties" -> {
                    properties = new HashMap<>();
                    for (Map.Entry<String, JsonNode> property : argument.properties()) {
                        properties.put(property.getKey(), compile(property.getValue()));
                    }
                    yield ALWAYS;
                }
                case "required" -> {
                    required = new ArrayList<>();
                    for (JsonNode name : argument) {
                        if (!name.isTextual()) {
                            yield NEVER;
                        }
                        required.add(name.textValue());
                    }
                    yield ALWAYS;
                }
                case "additionalProperties" -> {
                    additional = compile(argument);
                    yield ALWAYS;
                }
                default -> ANNOTATIONS.contains(keyword.getKey()) ? ALWAYS : NEVER;
            };
            if (check == NEVER) {
                return NEVER;
            }
            if (check != ALWAYS) {
                checks.add(check);
            }
        }
        if (properties != null || !required.isEmpty() || additional != null) {
            checks.add(object(properties == null ? Map.of() : properties, required, additional));
        }
        return all(checks);
    }

    /** The validator's types: an integer is also a number. */
    private static Check type(JsonNode type) {
        if (type.isTextual()) {
            return type(type.textValue());
        }
        if (!type.isArray()) {
            return NEVER;
        }
        List<Check> any = new ArrayList<>();
        for (JsonNode one : type) {
            any.add(one.isTextual() ? type(one.textValue()) : NEVER);
        }
        return any(any);
    }

    private static Check type(String name) {
        return switch (name) {
            case "string" -> JsonNode::isTextual;
            case "number" -> JsonNode::isNumber;
            case "integer" -> PlainFit::integer;
            case "boolean" -> JsonNode::isBoolean;
            case "null" -> JsonNode::isNull;
            case "object" -> JsonNode::isObject;
            case "array" -> JsonNode::isArray;
            default -> NEVER;
        };
    }

    /** The validator's integer (2020-12): a whole number, also when written as a fraction ({@code 2.0}). */
    private static boolean integer(JsonNode value) {
        return value.isIntegralNumber() || value.isNumber() && value.canConvertToExactIntegral();
    }

    /** Text, true/false and null compared by equality as the validator does; numbers, lists and objects left to it. */
    private static Check enumeration(JsonNode values) {
        if (!values.isArray()) {
            return NEVER;
        }
        Set<JsonNode> allowed = new HashSet<>();
        for (JsonNode value : values) {
            if (plainScalar(value)) {
                allowed.add(value);
            }
        }
        return value -> plainScalar(value) && allowed.contains(value);
    }

    private static Check constant(JsonNode constant) {
        return plainScalar(constant) ? constant::equals : NEVER;
    }

    private static boolean plainScalar(JsonNode value) {
        return value.isTextual() || value.isBoolean() || value.isNull();
    }

    private Check anyOf(JsonNode branches) {
        if (!branches.isArray() || branches.isEmpty()) {
            return NEVER;
        }
        List<Check> any = new ArrayList<>();
        for (JsonNode branch : branches) {
            any.add(compile(branch));
        }
        return any(any);
    }

    private Check allOf(JsonNode parts) {
        if (!parts.isArray() || parts.isEmpty()) {
            return NEVER;
        }
        List<Check> all = new ArrayList<>();
        for (JsonNode part : parts) {
            Check check = compile(part);
            if (check == NEVER) {
                return NEVER;
            }
            all.add(check);
        }
        return all(all);
    }

    /**
     * {@code minimum}/{@code maximum} on numbers, as the validator compares them: the number as written
     * ({@code asText}) against the bound, exactly; whole numbers against a whole bound without the detour. (For an
     * {@code integer} with a whole bound the validator compares {@code asLong()}, which is the same but for a bound of
     * exactly {@code Long.MIN_VALUE} or {@code MAX_VALUE} and a larger number: such a bound is left to it.)
     */
    private static Check bound(JsonNode bound, boolean minimum) {
        if (!bound.isNumber() || bound.isLong() && (bound.longValue() == Long.MIN_VALUE || bound.longValue() == Long.MAX_VALUE)) {
            return NEVER;
        }
        BigDecimal exact = new BigDecimal(bound.asText());
        boolean whole = bound.isInt() || bound.isLong();
        long limit = bound.asLong();
        return value -> {
            if (!value.isNumber()) {
                return true;
            }
            int compare = whole && (value.isInt() || value.isLong()) ? Long.compare(value.longValue(), limit)
                    : new BigDecimal(value.asText()).compareTo(exact);
            return minimum ? compare >= 0 : compare <= 0;
        };
    }

    private static boolean count(JsonNode argument) {
        return argument.isIntegralNumber() && argument.canConvertToInt() && argument.intValue() >= 0;
    }

    private static Check minItems(int min) {
        return value -> !value.isArray() || value.size() >= min;
    }

    private static Check maxItems(int max) {
        return value -> !value.isArray() || value.size() <= max;
    }

    private static Check minLength(int min) {
        return value -> !value.isTextual() || value.textValue().codePointCount(0, value.textValue().length()) >= min;
    }

    private static Check maxLength(int max) {
        return value -> !value.isTextual() || value.textValue().codePointCount(0, value.textValue().length()) <= max;
    }

    /** Every element against the items' schema; one whose schema gives no yes here leaves only empty lists sure. */
    private static Check items(Check item) {
        if (item == NEVER) {
            return value -> !value.isArray() || value.isEmpty();
        }
        return value -> {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (!item.sure(element)) {
                        return false;
                    }
                }
            }
            return true;
        };
    }

    /** Required fields present; each field against its property, or the extra fields' schema when there is one. */
    private static Check object(Map<String, Check> properties, List<String> required, Check additional) {
        return value -> {
            if (!value.isObject()) {
                return true;
            }
            for (String name : required) {
                if (value.get(name) == null) {
                    return false;
                }
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                Check check = properties.get(field.getKey());
                if (check == null) {
                    check = additional;
                }
                if (check != null && !check.sure(field.getValue())) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check any(List<Check> checks) {
        List<Check> useful = checks.stream().filter(c -> c != NEVER).toList();
        if (useful.isEmpty()) {
            return NEVER;
        }
        if (useful.contains(ALWAYS)) {
            return ALWAYS;
        }
        if (useful.size() == 1) {
            return useful.getFirst();
        }
        Check[] array = useful.toArray(Check[]::new);
        return value -> {
            for (Check check : array) {
                if (check.sure(value)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Check all(List<Check> checks) {
        if (checks.isEmpty()) {
            return ALWAYS;
        }
        if (checks.size() == 1) {
            return checks.getFirst();
        }
        Check[] array = checks.toArray(Check[]::new);
        return value -> {
            for (Check check : array) {
                if (!check.sure(value)) {
                    return false;
                }
            }
            return true;
        };
    }
}
