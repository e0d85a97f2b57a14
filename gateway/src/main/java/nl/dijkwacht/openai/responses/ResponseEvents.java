package nl.dijkwacht.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a (rewritten) stream of {@code chat.completion.chunk}s into the Responses API's typed events:
 * {@code response.created}, {@code response.in_progress}, per output item {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}… or
 * {@code response.function_call_arguments.delta}…, their {@code .done} events, and finally
 * {@code response.completed} (or {@code response.incomplete}) with the whole response object. Every event carries
 * its {@code sequence_number}. No {@code [DONE]}: the Responses API ends with the terminal event.
 */
public final class ResponseEvents {

    /** Where the events go (the tool's SSE connection): event type and its JSON payload. */
    @FunctionalInterface
    public interface Sink {
        void event(String type, ObjectNode data);
    }

    private final ObjectMapper json;
    private final ResponseObjects objects;
    private final Sink sink;
    private int sequence;
    private final List<ObjectNode> finished = new ArrayList<>();
    /** Tokens of the text that arrived before the text they spell was sent (held to restore a placeholder). */
    private final ArrayNode pendingLogprobs;
    private Message message;
    private final Map<Integer, FunctionCall> calls = new LinkedHashMap<>();
    private String finishReason;
    private int inputTokens;
    private int outputTokens;
    private int nextOutputIndex;

    public ResponseEvents(ObjectMapper json, ResponseObjects objects, Sink sink) {
        this.json = json;
        this.objects = objects;
        this.sink = sink;
        this.pendingLogprobs = json.createArrayNode();
    }

    public void start() {
        emit("response.created", data().set("response", objects.response("in_progress", null, null, null, null)));
        emit("response.in_progress", data().set("response", objects.response("in_progress", null, null, null, null)));
    }

    public void chunk(ObjectNode chunk) {
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            inputTokens = usage.path("prompt_tokens").asInt();
            outputTokens = usage.path("completion_tokens").asInt();
        }
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asInt() != 0) {
                continue;
            }
            // the tokens of the text (asked with include): they go with the next text delta; held text keeps them waiting
            for (JsonNode token : choice.path("logprobs").path("content")) {
                pendingLogprobs.add(token);
            }
            JsonNode delta = choice.path("delta");
            if (delta.path("content").isTextual() && !delta.path("content").asText().isEmpty()) {
                text(delta.path("content").asText());
            }
            for (JsonNode annotation : delta.path("annotations")) {
                annotation(annotation);
            }
            for (JsonNode call : delta.path("tool_calls")) {
                toolCall(call);
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asText();
            }
        }
    }

    /** The upstream finished: close the open items and send the terminal event with the whole response. */
    public void done() {
        closeMessage();
        calls.values().forEach(this::closeCall);
        calls.clear();
        String incomplete = ResponseObjects.incompleteReason(finishReason);
        ArrayNode output = json.createArrayNode();
        finished.forEach(output::add);
        ObjectNode response = objects.response(incomplete == null ? "completed" : "incomplete", output,
                objects.usage(inputTokens, outputTokens), incomplete, null);
        emit(incomplete == null ? "response.completed" : "response.incomplete", data().set("response", response));
    }

    /** The stream broke after it started: an {@code error} event, then {@code response.failed}. */
    public void failed(String code, String message) {
        emit("error", data().put("code", code).put("message", message).putNull("param"));
        ObjectNode error = json.createObjectNode().put("code", code).put("message", message);
        ArrayNode output = json.createArrayNode();
        finished.forEach(output::add);
        emit("response.failed", data().set("response", objects.response("failed", output, null, null, error)));
    }

    private void text(String delta) {
        if (message == null) {
            message = new Message(objects.itemId("msg"), nextOutputIndex++, json.createArrayNode());
            emit("response.output_item.added", data().put("output_index", message.index)
                    .set("item", objects.message(message.id, "in_progress", null)));
            ObjectNode part = objects.outputText("");
            emit("response.content_part.added", data().put("item_id", message.id).put("output_index", message.index)
                    .put("content_index", 0).set("part", part));
        }
        message.text.append(delta);
        ObjectNode event = data().put("item_id", message.id).put("output_index", message.index).put("content_index", 0)
                .put("delta", delta);
        event.set("logprobs", pendingLogprobs.deepCopy());
        message.logprobs.addAll(pendingLogprobs);
        pendingLogprobs.removeAll();
        emit("response.output_text.delta", event);
    }

    /** A web-search citation of the message's text (answer47): announced, and kept for the part's and item's done events. */
    private void annotation(JsonNode annotation) {
        ObjectNode citation = objects.citation(annotation);
        if (citation == null || message == null) {
            return;
        }
        emit("response.output_text.annotation.added", data().put("item_id", message.id).put("output_index", message.index)
                .put("content_index", 0).put("annotation_index", message.annotations.size()).set("annotation", citation));
        message.annotations.add(citation);
    }

    private void toolCall(JsonNode delta) {
        int index = delta.path("index").asInt();
        FunctionCall call = calls.get(index);
        if (call == null) {
            closeMessage();
            // a custom tool's call (answer47): its free-text input, in events of its own kind
            boolean custom = "custom".equals(delta.path("type").asText()) || delta.has("custom");
            JsonNode named = custom ? delta.path("custom") : delta.path("function");
            call = new FunctionCall(objects.itemId(custom ? "ctc" : "fc"), nextOutputIndex++, delta.path("id").asText(""),
                    named.path("name").asText(""), custom);
            calls.put(index, call);
            emit("response.output_item.added", data().put("output_index", call.index).set("item", call.item(objects, "", "in_progress")));
        }
        String arguments = call.custom ? delta.path("custom").path("input").asText("") : delta.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            call.arguments.append(arguments);
            emit(call.custom ? "response.custom_tool_call_input.delta" : "response.function_call_arguments.delta",
                    data().put("item_id", call.id).put("output_index", call.index).put("delta", arguments));
        }
    }

    private void closeMessage() {
        if (message == null) {
            return;
        }
        String text = message.text.toString();
        message.logprobs.addAll(pendingLogprobs);
        pendingLogprobs.removeAll();
        ObjectNode textDone = data().put("item_id", message.id).put("output_index", message.index).put("content_index", 0)
                .put("text", text);
        textDone.set("logprobs", message.logprobs.deepCopy());
        emit("response.output_text.done", textDone);
        emit("response.content_part.done", data().put("item_id", message.id).put("output_index", message.index)
                .put("content_index", 0).set("part", objects.outputText(text, message.annotations, message.logprobs)));
        ObjectNode item = objects.message(message.id, "completed", text, message.annotations, message.logprobs);
        emit("response.output_item.done", data().put("output_index", message.index).set("item", item));
        finished.add(item);
        message = null;
    }

    private void closeCall(FunctionCall call) {
        String arguments = call.arguments.toString();
        if (call.custom) {
            emit("response.custom_tool_call_input.done", data().put("item_id", call.id).put("output_index", call.index)
                    .put("input", arguments));
        } else {
            emit("response.function_call_arguments.done", data().put("item_id", call.id).put("output_index", call.index)
                    .put("name", call.name).put("arguments", arguments));
        }
        ObjectNode item = call.item(objects, arguments, "completed");
        emit("response.output_item.done", data().put("output_index", call.index).set("item", item));
        finished.add(item);
    }

    private ObjectNode data() {
        return json.createObjectNode();
    }

    private void emit(String type, ObjectNode data) {
        ObjectNode event = json.createObjectNode().put("type", type);
        event.setAll(data);
        event.put("sequence_number", sequence++);
        sink.event(type, event);
    }

    private static final class Message {
        final String id;
        final int index;
        final StringBuilder text = new StringBuilder();
        final ArrayNode annotations;
        /** The text's tokens sent so far (include: message.output_text.logprobs), for the done events. */
        final ArrayNode logprobs;

        Message(String id, int index, ArrayNode annotations) {
            this.id = id;
            this.index = index;
            this.annotations = annotations;
            this.logprobs = annotations.arrayNode();
        }
    }

    private static final class FunctionCall {
        final String id;
        final int index;
        final String callId;
        final String name;
        /** A custom tool's call: its {@link #arguments} are the free-text input. */
        final boolean custom;
        final StringBuilder arguments = new StringBuilder();

        FunctionCall(String id, int index, String callId, String name, boolean custom) {
            this.id = id;
            this.index = index;
            this.callId = callId;
            this.name = name;
            this.custom = custom;
        }

        ObjectNode item(ResponseObjects objects, String arguments, String status) {
            return custom ? objects.customToolCall(id, callId, name, arguments, status)
                    : objects.functionCall(id, callId, name, arguments, status);
        }
    }
}
