package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAI chat-completions (or embeddings) request body, kept as the JSON the tool sent so that every
 * field the gateway does not know (tools, response_format, …) passes through unchanged. Policy reaches
 * the free text through {@link #textSlots()}.
 */
public final class ChatRequest {

    private final ObjectNode body;

    public ChatRequest(ObjectNode body) {
        this.body = body;
    }

    public ObjectNode body() {
        return body;
    }

    public String model() {
        JsonNode m = body.get("model");
        return m != null && m.isTextual() ? m.asText() : null;
    }

    public void model(String model) {
        body.put("model", model);
    }

    public boolean stream() {
        return body.path("stream").asBoolean(false);
    }

    public boolean includeUsageInStream() {
        return body.path("stream_options").path("include_usage").asBoolean(false);
    }

    public Optional<String> user() {
        JsonNode u = body.get("user");
        return u != null && u.isTextual() && !u.asText().isBlank() ? Optional.of(u.asText()) : Optional.empty();
    }

    public Optional<JsonNode> metadata() {
        return Optional.ofNullable(body.get("metadata")).filter(JsonNode::isObject);
    }

    /** Chat request: every message's text; embeddings request: every input string. */
    public List<TextSlot> textSlots() {
        List<TextSlot> slots = new ArrayList<>();
        JsonNode messages = body.get("messages");
        if (messages instanceof ArrayNode list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ObjectNode message) {
                    addMessageSlots(message, "messages[" + i + "]", slots);
                }
            }
        }
        JsonNode input = body.get("input");
        if (input != null && input.isTextual()) {
            slots.add(new FieldSlot(body, "input", "input"));
        } else if (input instanceof ArrayNode inputs) {
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i).isTextual()) {
                    slots.add(new ElementSlot(inputs, i, "input[" + i + "]"));
                }
            }
        }
        return slots;
    }

    private static void addMessageSlots(ObjectNode message, String path, List<TextSlot> slots) {
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            slots.add(new FieldSlot(message, "content", path + ".content"));
        } else if (content instanceof ArrayNode parts) {
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p) instanceof ObjectNode part && part.path("text").isTextual()) {
                    slots.add(new FieldSlot(part, "text", path + ".content[" + p + "].text"));
                }
            }
        }
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls instanceof ArrayNode calls) {
            for (int c = 0; c < calls.size(); c++) {
                if (calls.get(c).get("function") instanceof ObjectNode function && function.path("arguments").isTextual()) {
                    slots.add(new FieldSlot(function, "arguments", path + ".tool_calls[" + c + "].function.arguments"));
                }
            }
        }
    }

    private record FieldSlot(ObjectNode owner, String field, String path) implements TextSlot {
        @Override
        public String get() {
            return owner.get(field).asText();
        }

        @Override
        public void set(String text) {
            owner.put(field, text);
        }
    }

    private record ElementSlot(ArrayNode owner, int index, String path) implements TextSlot {
        @Override
        public String get() {
            return owner.get(index).asText();
        }

        @Override
        public void set(String text) {
            owner.set(index, TextNode.valueOf(text));
        }
    }
}
