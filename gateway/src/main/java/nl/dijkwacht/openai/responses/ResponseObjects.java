package nl.dijkwacht.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds Responses API objects (the {@code response} object and its output items) for one request, echoing the
 * request's settings as the API does. Ids derive from the trace id, so a response can be traced in the audit trail.
 */
public final class ResponseObjects {

    private final ObjectMapper json;
    private final ObjectNode original;
    private final String id;
    private final String model;
    private final long createdAt = System.currentTimeMillis() / 1000;
    private int items;

    /** @param model the catalogue id of the model that answers */
    public ResponseObjects(ObjectMapper json, ResponsesRequest request, String traceId, String model) {
        this.json = json;
        this.original = request.original();
        this.id = "resp_" + traceId.replace("-", "");
        this.model = model;
    }

    public String id() {
        return id;
    }

    /** A fresh output item id: {@code msg_…} or {@code fc_…}. */
    String itemId(String prefix) {
        return prefix + "_" + id.substring(5) + "_" + (items++);
    }

    /** The response object; {@code status} in_progress, completed, incomplete or failed. */
    public ObjectNode response(String status, ArrayNode output, ObjectNode usage, String incompleteReason, ObjectNode error) {
        ObjectNode r = json.createObjectNode();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", createdAt);
        r.put("status", status);
        r.put("background", false);
        r.set("error", error == null ? json.nullNode() : error);
        if (incompleteReason == null) {
            r.putNull("incomplete_details");
        } else {
            r.putObject("incomplete_details").put("reason", incompleteReason);
        }
        r.set("instructions", echo("instructions"));
        r.set("max_output_tokens", echo("max_output_tokens"));
        r.putNull("max_tool_calls");
        r.put("model", model);
        r.set("output", output == null ? json.createArrayNode() : output);
        r.put("parallel_tool_calls", original.path("parallel_tool_calls").asBoolean(true));
        r.putNull("previous_response_id");
        ObjectNode reasoning = r.putObject("reasoning");
        reasoning.set("effort", original.path("reasoning").has("effort") ? original.path("reasoning").get("effort") : json.nullNode());
        reasoning.putNull("summary");
        r.put("service_tier", original.path("service_tier").asText("default"));
        r.put("store", false);
        r.set("temperature", original.has("temperature") ? original.get("temperature") : json.getNodeFactory().numberNode(1.0));
        ObjectNode text = r.putObject("text");
        text.set("format", original.path("text").has("format") ? original.path("text").get("format")
                : json.createObjectNode().put("type", "text"));
        text.put("verbosity", original.path("text").path("verbosity").asText("medium"));
        r.set("tool_choice", original.has("tool_choice") ? original.get("tool_choice") : json.getNodeFactory().textNode("auto"));
        r.set("tools", original.has("tools") ? original.get("tools") : json.createArrayNode());
        r.put("top_logprobs", original.path("top_logprobs").asInt(0));
        r.set("top_p", original.has("top_p") ? original.get("top_p") : json.getNodeFactory().numberNode(1.0));
        r.put("truncation", "disabled");
        r.set("usage", usage == null ? json.nullNode() : usage);
        r.set("user", echo("user"));
        r.set("metadata", original.has("metadata") ? original.get("metadata") : json.createObjectNode());
        return r;
    }

    private JsonNode echo(String field) {
        JsonNode v = original.get(field);
        return v == null ? json.nullNode() : v;
    }

    ObjectNode message(String itemId, String status, String text) {
        return message(itemId, status, text, null);
    }

    /** @param annotations the text's citations in this API's shape ({@link #citation}); null: none */
    ObjectNode message(String itemId, String status, String text, ArrayNode annotations) {
        return message(itemId, status, text, annotations, null);
    }

    /** @param logprobs the text's tokens ({@code include: ["message.output_text.logprobs"]}); null: none asked */
    ObjectNode message(String itemId, String status, String text, ArrayNode annotations, ArrayNode logprobs) {
        ObjectNode item = json.createObjectNode().put("type", "message").put("id", itemId).put("status", status).put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text, annotations, logprobs));
        }
        return item;
    }

    ObjectNode outputText(String text) {
        return outputText(text, null);
    }

    ObjectNode outputText(String text, ArrayNode annotations) {
        return outputText(text, annotations, null);
    }

    ObjectNode outputText(String text, ArrayNode annotations, ArrayNode logprobs) {
        ObjectNode part = json.createObjectNode().put("type", "output_text").put("text", text);
        part.set("annotations", annotations == null ? json.createArrayNode() : annotations.deepCopy());
        part.set("logprobs", logprobs == null ? json.createArrayNode() : logprobs.deepCopy());
        return part;
    }

    /**
     * A chat choice's tokens ({@code logprobs.content}: {@code token, logprob, bytes, top_logprobs}) as this API's
     * {@code output_text.logprobs}, which has the same shape (answer48); empty when there are none.
     */
    ArrayNode logprobs(JsonNode choice) {
        ArrayNode out = json.createArrayNode();
        for (JsonNode token : choice.path("logprobs").path("content")) {
            out.add(token);
        }
        return out;
    }

    /**
     * A chat answer's web-search citation ({@code {type: url_citation, url_citation: {start_index, end_index, title, url}}},
     * its span already moved onto the delivered text) in this API's flat shape (answer47: they were left out); null for
     * another kind of annotation.
     */
    ObjectNode citation(JsonNode annotation) {
        JsonNode c = annotation.path("url_citation");
        if (!"url_citation".equals(annotation.path("type").asText()) || !c.isObject()) {
            return null;
        }
        return json.createObjectNode().put("type", "url_citation").put("start_index", c.path("start_index").asInt())
                .put("end_index", c.path("end_index").asInt()).put("url", c.path("url").asText()).put("title", c.path("title").asText());
    }

    ArrayNode citations(JsonNode annotations) {
        ArrayNode out = json.createArrayNode();
        for (JsonNode a : annotations) {
            ObjectNode citation = citation(a);
            if (citation != null) {
                out.add(citation);
            }
        }
        return out;
    }

    ObjectNode functionCall(String itemId, String callId, String name, String arguments, String status) {
        return json.createObjectNode().put("type", "function_call").put("id", itemId).put("call_id", callId)
                .put("name", name).put("arguments", arguments).put("status", status);
    }

    ObjectNode customToolCall(String itemId, String callId, String name, String input, String status) {
        return json.createObjectNode().put("type", "custom_tool_call").put("id", itemId).put("call_id", callId)
                .put("name", name).put("input", input).put("status", status);
    }

    ObjectNode usage(int input, int output) {
        ObjectNode u = json.createObjectNode().put("input_tokens", input);
        u.putObject("input_tokens_details").put("cached_tokens", 0).put("cache_write_tokens", 0);
        u.put("output_tokens", output);
        u.putObject("output_tokens_details").put("reasoning_tokens", 0);
        u.put("total_tokens", input + output);
        return u;
    }

    /** {@code length} → max_output_tokens, {@code content_filter} → content_filter; else complete. */
    static String incompleteReason(String finishReason) {
        return switch (finishReason == null ? "" : finishReason) {
            case "length" -> "max_output_tokens";
            case "content_filter" -> "content_filter";
            default -> null;
        };
    }

    /** A whole (already rewritten) {@code chat.completion} as a response object: its first choice's text and tool calls. */
    public ObjectNode fromCompletion(ObjectNode completion) {
        ArrayNode output = json.createArrayNode();
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("content").isTextual() && !message.path("content").asText().isEmpty()) {
            output.add(message(itemId("msg"), "completed", message.path("content").asText(), citations(message.path("annotations")),
                    logprobs(choice)));
        }
        for (JsonNode call : message.path("tool_calls")) {
            output.add("custom".equals(call.path("type").asText()) ? CustomTools.outputItem(this, call, "completed")
                    : functionCall(itemId("fc"), call.path("id").asText(), call.path("function").path("name").asText(),
                            call.path("function").path("arguments").asText(""), "completed"));
        }
        JsonNode u = completion.path("usage");
        String incomplete = incompleteReason(choice.path("finish_reason").asText(null));
        return response(incomplete == null ? "completed" : "incomplete", output,
                usage(u.path("prompt_tokens").asInt(), u.path("completion_tokens").asInt()), incomplete, null);
    }
}
