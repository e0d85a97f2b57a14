package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tool calls of one streamed choice: each call's function arguments (JSON) and custom tool input (free text), and a
 * legacy {@code function_call}'s arguments, piece by piece as they arrive ({@link HeldToolArguments} decides whether they
 * are held or copied), given as one delta or counted when the choice ends.
 */
final class StreamedToolCalls {

    /** The key of a legacy {@code function_call}'s arguments among the held tool-call arguments (tool indexes are ≥ 0). */
    private static final int LEGACY_CALL = -1;

    private final Map<Integer, StringBuilder> arguments = new HashMap<>();
    /** A custom tool's call's input by tool index: free text, not JSON (a call may carry both, review45b). */
    private final Map<Integer, StringBuilder> customInputs = new HashMap<>(2);

    /** The calls' pieces in a delta. @return whether the delta carries tool calls or a legacy function call */
    boolean collect(ObjectNode delta, HeldToolArguments held) {
        boolean calls = false;
        if (delta.get("tool_calls") instanceof ArrayNode toolCalls && !toolCalls.isEmpty()) {
            calls = true;
            for (JsonNode call : toolCalls) {
                // a function's JSON arguments and a custom tool's free-text input (redteam45), both when a piece has both: the
                // tool reads the one the call's type names (review45b: the input beside a function object passed as written)
                int index = call.path("index").asInt();
                if (call.get("function") instanceof ObjectNode function) {
                    held.collect(function, "arguments", index, arguments);
                }
                if (call.get("custom") instanceof ObjectNode custom) {
                    held.collect(custom, "input", index, customInputs);
                }
            }
        }
        // the legacy answer to `functions`: its arguments held and scanned like a tool call's (redteam45)
        if (delta.get("function_call") instanceof ObjectNode legacy) {
            calls = true;
            held.collect(legacy, "arguments", LEGACY_CALL, arguments);
        }
        return calls;
    }

    boolean isEmpty() {
        return arguments.isEmpty() && customInputs.isEmpty();
    }

    /** The held calls, restored and scanned, written into {@code delta} (when {@link HeldToolArguments#holds}). */
    void release(HeldToolArguments held, ObjectNode delta, ObjectMapper json) {
        Map<Integer, ObjectNode> calls = new TreeMap<>();
        arguments.forEach((toolIndex, text) -> {
            if (toolIndex == LEGACY_CALL) {
                delta.putObject("function_call").put("arguments", held.arguments(text.toString()));
            } else {
                calls.computeIfAbsent(toolIndex, i -> json.createObjectNode().put("index", i))
                        .putObject("function").put("arguments", held.arguments(text.toString()));
            }
        });
        customInputs.forEach((toolIndex, input) -> calls.computeIfAbsent(toolIndex, i -> json.createObjectNode().put("index", i))
                .putObject("custom").put("input", held.customInput(input.toString())));
        if (!calls.isEmpty()) {
            delta.putArray("tool_calls").addAll(calls.values());
        }
    }

    /** The copies of calls that passed at once, scanned to be counted. */
    void count(HeldToolArguments held) {
        held.count(arguments.values(), customInputs.values());
    }
}
