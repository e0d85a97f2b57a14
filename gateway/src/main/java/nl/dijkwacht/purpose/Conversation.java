package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.openai.ToolCallText;

/**
 * The messages of a chat request as the purpose guard reads them (turns28): each message's text in order, marked as
 * what the staff member or the tool wrote (user, system, developer: {@link Kind#INSTRUCTION}), an earlier answer
 * (assistant: {@link Kind#ANSWER}) or a tool's result ({@code tool}, {@code function}: {@link Kind#RESULT}); and the
 * earlier assistant turns — consecutive assistant messages taken as one turn (a Responses request resends an answer's
 * text and its function calls as separate items) — with their text and tool calls, as the gateway hashed them when it
 * delivered them. A tool result belongs to the turn that holds its {@code tool_call_id}, a legacy function result (no
 * id) to the turn before it; one that answers no turn of the request belongs to none. Holds the texts for this request
 * only.
 */
final class Conversation {

    enum Kind { INSTRUCTION, ANSWER, RESULT }

    /** A message's text; {@code turn}: the index in {@link #turns()} of the turn it is or answers, -1 for none. */
    record Part(int message, String role, Kind kind, String text, int turn) {
    }

    /** An earlier assistant turn: its text (null: none) and tool calls ({@code [name, arguments]}); the first message's index. */
    record Turn(int message, String content, List<String[]> calls) {
    }

    private final List<Part> parts;
    private final List<Turn> turns;
    private final boolean others;

    private Conversation(List<Part> parts, List<Turn> turns, boolean others) {
        this.parts = parts;
        this.turns = turns;
        this.others = others;
    }

    static Conversation of(JsonNode messages) {
        List<Part> parts = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        Map<String, Integer> callTurns = new HashMap<>();
        boolean others = false;
        int index = 0;
        // the turn being put together from consecutive assistant messages
        StringBuilder content = null;
        List<String[]> calls = null;
        int turnMessage = -1;
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            boolean assistant = role.equals("assistant");
            if (!assistant && turnMessage >= 0) {
                turns.add(new Turn(turnMessage, content == null ? null : content.toString(), List.copyOf(calls)));
                turnMessage = -1;
            }
            String text = text(message.path("content"));
            if (assistant) {
                // the model reads its earlier refusal as its own words (redteam45: a request written there was not read)
                text = withRefusal(text, message.path("refusal"));
                others = true;
                if (turnMessage < 0) {
                    turnMessage = index;
                    content = null;
                    calls = new ArrayList<>();
                }
                if (text != null) {
                    content = content == null ? new StringBuilder(text) : content.append('\n').append(text);
                }
                StringBuilder arguments = new StringBuilder();
                for (JsonNode call : message.path("tool_calls")) {
                    String[] nameAndArguments = everyText(call);
                    String args = nameAndArguments[1];
                    calls.add(nameAndArguments);
                    arguments.append(args).append('\n');
                    if (call.path("id").isTextual()) {
                        callTurns.put(call.path("id").asText(), turns.size());
                    }
                }
                JsonNode legacy = message.path("function_call");
                if (legacy.isObject()) {
                    calls.add(new String[] {legacy.path("name").asText(""), legacy.path("arguments").asText("")});
                    arguments.append(legacy.path("arguments").asText("")).append('\n');
                }
                String read = text == null ? arguments.toString() : arguments.isEmpty() ? text : text + "\n" + arguments;
                if (!read.isBlank()) {
                    parts.add(new Part(index, role, Kind.ANSWER, read, turns.size()));
                }
            } else if (role.equals("tool") || role.equals("function")) {
                others = true;
                Integer turn = role.equals("tool") ? callTurns.get(message.path("tool_call_id").asText("")) : null;
                int answered = turn != null ? turn : role.equals("function") && !turns.isEmpty() ? turns.size() - 1 : -1;
                if (text != null) {
                    parts.add(new Part(index, role, Kind.RESULT, text, answered));
                }
            } else if (text != null) {
                parts.add(new Part(index, role, Kind.INSTRUCTION, text, -1));
            }
            index++;
        }
        if (turnMessage >= 0) {
            turns.add(new Turn(turnMessage, content == null ? null : content.toString(), List.copyOf(calls)));
        }
        return new Conversation(List.copyOf(parts), List.copyOf(turns), others);
    }

    /**
     * A message's text: a string, or all text parts of a content array joined (each followed by a line break) — an
     * assistant's {@code refusal} parts too (redteam45), which the model reads as text.
     */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : content) {
                // both when both are there (review45): a model reads a part by its type, so a refusal part with a
                // harmless text beside it must not hide its refusal from the guard
                if (part.path("text").isTextual()) {
                    joined.append(part.path("text").asText()).append('\n');
                }
                if (part.path("refusal").isTextual()) {
                    joined.append(part.path("refusal").asText()).append('\n');
                }
            }
            return joined.toString();
        }
        return null;
    }

    /**
     * A tool call's name and text as {@link ToolCallText#of}, and a custom tool's input after the arguments when the call
     * has both a {@code function} and a {@code custom} object (review45): a model reads the one its {@code type} names, so
     * the guard reads both; the gateway never delivers such a call, so it never matches a delivered turn.
     */
    private static String[] everyText(JsonNode call) {
        String[] nameAndText = ToolCallText.of(call);
        JsonNode input = call.path("custom").path("input");
        if (call.path("function").isObject() && input.isTextual() && !input.asText().isEmpty()) {
            nameAndText[1] = nameAndText[1] + "\n" + input.asText();
        }
        return nameAndText;
    }

    /** An assistant message's text with its {@code refusal} field after it (a refusal alone: that text). */
    private static String withRefusal(String text, JsonNode refusal) {
        if (!refusal.isTextual() || refusal.asText().isEmpty()) {
            return text;
        }
        return text == null || text.isEmpty() ? refusal.asText() : text + "\n" + refusal.asText();
    }

    List<Part> parts() {
        return parts;
    }

    List<Turn> turns() {
        return turns;
    }

    /** Whether the request holds any assistant message or tool result (a single-turn request holds none). */
    boolean hasAnswersOrResults() {
        return others;
    }

    /** The texts of the user, system and developer messages, in order (what the guard read before turns28). */
    List<String> instructions() {
        List<String> texts = new ArrayList<>(parts.size());
        for (Part p : parts) {
            if (p.kind() == Kind.INSTRUCTION) {
                texts.add(p.text());
            }
        }
        return texts;
    }

    /** Every message's text, in order. */
    List<String> all() {
        List<String> texts = new ArrayList<>(parts.size());
        for (Part p : parts) {
            texts.add(p.text());
        }
        return texts;
    }
}
