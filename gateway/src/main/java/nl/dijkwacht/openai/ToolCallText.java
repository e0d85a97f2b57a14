package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The name and the text of a tool call in a chat message or answer, whatever its type: a function call keeps them in
 * {@code function.name} / {@code function.arguments} (JSON), a custom tool's call in {@code custom.name} /
 * {@code custom.input} (free text, OpenAI's custom tools). Whatever reads or hashes tool calls reads both (redteam45: the
 * custom tool's input was read by neither the purpose guard nor the turn hash).
 */
public final class ToolCallText {

    private ToolCallText() {
    }

    /** The call's name, or null when this piece has none (a stream's later pieces). */
    public static String name(JsonNode call) {
        JsonNode name = body(call).path("name");
        return name.isTextual() ? name.asText() : null;
    }

    /** The call's arguments (function) or input (custom tool), or null when this piece has none. */
    public static String text(JsonNode call) {
        JsonNode text = body(call).path(textField(call));
        return text.isTextual() ? text.asText() : null;
    }

    /** {@code [name, text]}, each "" when absent: a whole call as a tool resends it. */
    public static String[] of(JsonNode call) {
        String name = name(call);
        String text = text(call);
        return new String[] {name == null ? "" : name, text == null ? "" : text};
    }

    /** Whether the call is a custom tool's (its text is free text, not JSON). */
    public static boolean custom(JsonNode call) {
        return !call.path("function").isObject() && call.path("custom").isObject();
    }

    /** The object holding name and text: {@code function}, else {@code custom} (missing when neither). */
    public static JsonNode body(JsonNode call) {
        return custom(call) ? call.path("custom") : call.path("function");
    }

    /** The field of {@link #body} that holds the text: {@code input} for a custom tool, else {@code arguments}. */
    public static String textField(JsonNode call) {
        return custom(call) ? "input" : "arguments";
    }
}
