package nl.dijkwacht.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.UnsupportedField;

/**
 * The Responses API's {@code input} as chat messages: a string is one user message; items are messages (roles
 * user, assistant, system, developer → system), {@code function_call} and {@code custom_tool_call} (grouped into one
 * assistant message with tool calls) and {@code function_call_output} / {@code custom_tool_call_output} (a tool message). Reasoning items of an earlier answer are not sent
 * on (they belong to that answer). Content parts: {@code input_text}/{@code output_text} → text,
 * {@code input_image} with a URL → {@code image_url}, {@code input_file} with inline data → {@code file}. An earlier
 * answer resent as the SDKs resend it ({@code input = previous.output + [...]}: output messages with {@code id},
 * {@code status} and {@code output_text} parts with {@code annotations} and {@code logprobs}; function calls with
 * {@code id} and {@code status}) keeps its text and calls; the item ids, citations and token probabilities are not sent on.
 */
final class InputItems {

    private final ArrayNode messages;
    private final InputItemPaths paths;
    private ObjectNode pendingToolCalls;

    /** @param paths told where each message added comes from */
    InputItems(ArrayNode messages, InputItemPaths paths) {
        this.messages = messages;
        this.paths = paths;
    }

    void add(JsonNode input) {
        if (input == null || input.isNull()) {
            return;
        }
        if (input.isTextual()) {
            messages.addObject().put("role", "user").put("content", input.asText());
            paths.text();
            return;
        }
        if (!input.isArray()) {
            throw new UnsupportedField("invalid_type", "Het veld 'input' moet tekst of een lijst met items zijn.", "input");
        }
        for (int i = 0; i < input.size(); i++) {
            item(input.get(i), i);
        }
    }

    private void item(JsonNode item, int index) {
        String path = "input[" + index + "]";
        String type = item.path("type").asText(item.has("role") ? "message" : "");
        switch (type) {
            case "message" -> {
                message(item, path);
                paths.message(index);
            }
            case "function_call", "custom_tool_call" -> {
                boolean first = pendingToolCalls == null;
                toolCall(item, path, type);
                paths.call(index, first);
            }
            case "function_call_output", "custom_tool_call_output" -> {
                toolOutput(item, path, type);
                paths.output(index);
            }
            case "reasoning" -> { }
            default -> throw new UnsupportedField("unsupported_parameter", "Dit item-type in 'input' wordt niet ondersteund"
                    + " (wel: message, function_call, function_call_output, custom_tool_call, custom_tool_call_output,"
                    + " reasoning).", path + ".type");
        }
    }

    private void message(JsonNode item, String path) {
        pendingToolCalls = null;
        String role = item.path("role").asText();
        String chatRole = switch (role) {
            case "user", "assistant", "system" -> role;
            case "developer" -> "system";
            default -> throw new UnsupportedField("invalid_message", "Deze rol wordt niet ondersteund (wel: user, assistant,"
                    + " system, developer).", path + ".role");
        };
        ObjectNode message = messages.addObject().put("role", chatRole);
        JsonNode content = item.get("content");
        if (content == null || content.isTextual()) {
            message.put("content", content == null ? "" : content.asText());
            return;
        }
        if (!content.isArray()) {
            throw new UnsupportedField("invalid_message", "De 'content' van een bericht moet tekst of een lijst zijn.", path + ".content");
        }
        ArrayNode parts = message.putArray("content");
        for (int p = 0; p < content.size(); p++) {
            part(content.get(p), parts, path + ".content[" + p + "]");
        }
    }

    private static void part(JsonNode part, ArrayNode parts, String path) {
        String type = part.path("type").asText();
        switch (type) {
            case "input_text", "output_text" -> parts.addObject().put("type", "text").put("text", part.path("text").asText());
            case "refusal" -> parts.addObject().put("type", "text").put("text", part.path("refusal").asText());
            case "input_image" -> {
                if (!part.path("image_url").isTextual()) {
                    throw new UnsupportedField("unsupported_parameter", "Afbeeldingen moeten als 'image_url' (URL of"
                            + " data-URL) worden meegestuurd; opgeslagen bestanden (file_id) zijn hier niet beschikbaar.", path);
                }
                ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url");
                image.set("url", part.get("image_url"));
                if (part.hasNonNull("detail")) {
                    image.set("detail", part.get("detail"));
                }
            }
            case "input_file" -> {
                if (!part.path("file_data").isTextual()) {
                    throw new UnsupportedField("unsupported_parameter", "Bestanden moeten inline ('file_data') worden"
                            + " meegestuurd; opgeslagen bestanden (file_id, file_url) zijn hier niet beschikbaar.", path);
                }
                ObjectNode file = parts.addObject().put("type", "file").putObject("file");
                file.set("file_data", part.get("file_data"));
                if (part.hasNonNull("filename")) {
                    file.set("filename", part.get("filename"));
                }
            }
            default -> throw new UnsupportedField("unsupported_parameter", "Dit inhoudstype wordt niet ondersteund (wel:"
                    + " input_text, output_text, refusal, input_image, input_file).", path + ".type");
        }
    }

    /**
     * Consecutive tool calls of one earlier answer become one assistant message with several tool calls; a custom tool's
     * call (answer47) keeps its free-text {@code input}.
     */
    private void toolCall(JsonNode item, String path, String type) {
        if (!item.path("call_id").isTextual() || !item.path("name").isTextual()) {
            throw new UnsupportedField("invalid_message", "Een '" + type + "' heeft 'call_id' en 'name' nodig.", path);
        }
        if (pendingToolCalls == null) {
            pendingToolCalls = messages.addObject().put("role", "assistant");
            pendingToolCalls.putNull("content");
            pendingToolCalls.putArray("tool_calls");
        }
        ObjectNode call = pendingToolCalls.withArray("tool_calls").addObject().put("id", item.path("call_id").asText());
        if (type.equals("custom_tool_call")) {
            call.put("type", "custom").putObject("custom").put("name", item.path("name").asText()).put("input", item.path("input").asText(""));
        } else {
            call.put("type", "function").putObject("function").put("name", item.path("name").asText())
                    .put("arguments", item.path("arguments").asText(""));
        }
    }

    private void toolOutput(JsonNode item, String path, String type) {
        pendingToolCalls = null;
        if (!item.path("call_id").isTextual()) {
            throw new UnsupportedField("invalid_message", "Een '" + type + "' heeft 'call_id' nodig.", path);
        }
        JsonNode output = item.get("output");
        String text;
        if (output != null && output.isTextual()) {
            text = output.asText();
        } else if (output != null && output.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : output) {
                if (!"input_text".equals(part.path("type").asText())) {
                    throw new UnsupportedField("unsupported_parameter", "Alleen tekst wordt ondersteund als uitvoer"
                            + " van een functie.", path + ".output");
                }
                b.append(part.path("text").asText());
            }
            text = b.toString();
        } else {
            throw new UnsupportedField("invalid_message", "Een '" + type + "' heeft 'output' nodig.", path + ".output");
        }
        messages.addObject().put("role", "tool").put("tool_call_id", item.path("call_id").asText()).put("content", text);
    }
}
