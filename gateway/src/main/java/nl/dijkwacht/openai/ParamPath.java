package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request parameter as a model names it in an error: OpenAI's {@code messages[1].content}, some compatible servers'
 * {@code 'messages.[0].content'}, Anthropic's {@code messages.0.content}, Mistral's location
 * {@code ["body","messages",0,"content"]}. Read into its top-level {@link #field()} and the path {@link #below()} it, in
 * the gateway's field-path form ({@link FieldPath}: a name below the top level that is not an OpenAI field name is shown
 * as {@code …}, so the path never repeats a key the tool chose). What is not a field path (a sentence, a value) is no
 * parameter: {@link #parse} gives {@code null}.
 */
public record ParamPath(String field, String below) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern STEP = Pattern.compile("\\.?\\[(\\d{1,6})]|\\.(\\d{1,6})(?![A-Za-z_])|\\.([A-Za-z_$][A-Za-z0-9_$-]{0,63})");

    /** @return the path, or {@code null} when the text is not one (or is empty) */
    public static ParamPath parse(String text) {
        if (text == null) {
            return null;
        }
        String path = text.strip();
        if (path.length() > 1 && "'\"`".indexOf(path.charAt(0)) >= 0 && path.charAt(path.length() - 1) == path.charAt(0)) {
            path = path.substring(1, path.length() - 1);
        }
        if (path.length() > 200) {
            return null;
        }
        Matcher field = FIELD.matcher(path);
        if (!field.lookingAt()) {
            return null;
        }
        StringBuilder below = new StringBuilder();
        Matcher step = STEP.matcher(path);
        int at = field.end();
        while (at < path.length()) {
            if (!step.region(at, path.length()).lookingAt()) {
                return null;
            }
            String index = step.group(1) != null ? step.group(1) : step.group(2);
            below.append(index != null ? "[" + Integer.parseInt(index) + "]" : "." + FieldPath.shown(step.group(3)));
            at = step.end();
        }
        return new ParamPath(field.group(), below.toString());
    }

    /** A validation error's location as FastAPI/pydantic servers give it ({@code ["body","messages",0,"content"]}). */
    public static ParamPath ofLocation(JsonNode location) {
        if (location == null || !location.isArray()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonNode step : location) {
            if (step.isInt()) {
                path.append('[').append(step.asInt()).append(']');
            } else if (step.isTextual() && !(path.isEmpty() && step.asText().equals("body"))) {
                path.append(path.isEmpty() ? "" : ".").append(step.asText());
            } else if (!step.isTextual()) {
                return null;
            }
        }
        return parse(path.toString());
    }

    /** The same path under another top-level name (a parameter a dialect renamed, named back). */
    public ParamPath as(String otherField) {
        return new ParamPath(otherField, below);
    }

    /** Only the top-level field, under this name: for a field whose inside is shaped differently on the two sides. */
    public ParamPath fieldOnly(String name) {
        return new ParamPath(name, "");
    }

    /** This path when the request has its top-level field (and it is an OpenAI field name), else {@code null}. */
    public ParamPath sentIn(JsonNode request) {
        return request != null && request.has(field) && FieldPath.safe(field) ? this : null;
    }

    @Override
    public String toString() {
        return field + below;
    }
}
