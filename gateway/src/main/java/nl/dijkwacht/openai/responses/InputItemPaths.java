package nl.dijkwacht.openai.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each chat message of a translated Responses request came from, so that a refusal naming a chat message
 * ({@code messages[3].content[1].image_url.url}) names the item the tool sent ({@code input[2].content[1].image_url}),
 * in the form OpenAI's own Responses errors use ({@code input[0].content[1].image_url}, {@code input[62].name}) —
 * edges50 named only {@code input}. A message item keeps its index; the tool calls grouped into one assistant message
 * each name their own {@code function_call} item ({@code call_id}, {@code name}, {@code arguments}, {@code input}); a
 * tool message its {@code function_call_output} item ({@code output}, {@code call_id}); a text input is {@code input}
 * and the instructions' message {@code instructions}. A path below a content part that the Responses part does not
 * have under the same name names the part.
 */
public final class InputItemPaths {

    private static final Pattern MESSAGE = Pattern.compile("\\[(\\d+)](.*)");
    private static final Pattern PART = Pattern.compile("(\\.content\\[\\d+])(.*)");
    private static final Pattern CALL = Pattern.compile("\\.tool_calls\\[(\\d+)](.*)");

    private enum Kind { INSTRUCTIONS, TEXT, MESSAGE, CALLS, OUTPUT }

    /** @param items the {@code input} indexes: one, or a tool-call message's calls in order */
    private record Origin(Kind kind, List<Integer> items) {
    }

    private final List<Origin> messages = new ArrayList<>();

    void instructions() {
        messages.add(new Origin(Kind.INSTRUCTIONS, List.of()));
    }

    void text() {
        messages.add(new Origin(Kind.TEXT, List.of()));
    }

    void message(int item) {
        messages.add(new Origin(Kind.MESSAGE, List.of(item)));
    }

    /** A tool call: a new assistant message when {@code first}, else one more call of the last one. */
    void call(int item, boolean first) {
        if (first) {
            messages.add(new Origin(Kind.CALLS, new ArrayList<>()));
        }
        messages.getLast().items().add(item);
    }

    void output(int item) {
        messages.add(new Origin(Kind.OUTPUT, List.of(item)));
    }

    /** The Responses name of {@code messages} + {@code below} ({@code [3].content[0].text}). */
    String named(String below) {
        Matcher m = MESSAGE.matcher(below);
        int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (index < 0 || index >= messages.size()) {
            return "input";
        }
        Origin origin = messages.get(index);
        String rest = m.group(2);
        return switch (origin.kind()) {
            case INSTRUCTIONS -> "instructions";
            case TEXT -> "input";
            case MESSAGE -> item(origin.items().getFirst()) + inMessage(rest);
            case CALLS -> inCalls(origin.items(), rest);
            case OUTPUT -> item(origin.items().getFirst()) + switch (rest) {
                case ".content" -> ".output";
                case ".tool_call_id" -> ".call_id";
                default -> "";
            };
        };
    }

    private static String item(int index) {
        return "input[" + index + "]";
    }

    private static String inMessage(String rest) {
        if (rest.equals(".role") || rest.equals(".content")) {
            return rest;
        }
        Matcher part = PART.matcher(rest);
        if (!part.matches()) {
            return "";
        }
        String below = switch (part.group(2)) {
            case ".image_url", ".image_url.url" -> ".image_url";
            case ".file.file_data" -> ".file_data";
            case ".file.filename" -> ".filename";
            case ".type" -> ".type";
            default -> ""; // the part's text is under .text or .refusal in Responses: the part is named
        };
        return part.group(1) + below;
    }

    private static String inCalls(List<Integer> items, String rest) {
        Matcher call = CALL.matcher(rest);
        if (!call.matches()) {
            return item(items.getFirst()); // the assistant message as a whole: its first call's item
        }
        int c = Integer.parseInt(call.group(1));
        if (c >= items.size()) {
            return "input";
        }
        String below = switch (call.group(2)) {
            case ".id" -> ".call_id";
            case ".function.name", ".custom.name" -> ".name";
            case ".function.arguments" -> ".arguments";
            case ".custom.input" -> ".input";
            default -> "";
        };
        return item(items.get(c)) + below;
    }
}
