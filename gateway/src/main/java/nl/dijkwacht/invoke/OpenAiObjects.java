package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the OpenAI response objects that adapters for non-OpenAI models (and the dry run) answer with. */
final class OpenAiObjects {

    private final ObjectMapper json;

    OpenAiObjects(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode completion(String id, String model, String content, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode reply = header(id, model, "chat.completion");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finishReason);
        reply.set("usage", usage(promptTokens, completionTokens));
        return reply;
    }

    /** The first chunk of a stream: the assistant role, no text yet. */
    ObjectNode roleChunk(String id, String model) {
        return roleChunk(id, model, 0);
    }

    /** The first chunk of choice {@code index} (a request with {@code n} > 1 streams each choice's chunks). */
    ObjectNode roleChunk(String id, String model, int index) {
        ObjectNode chunk = header(id, model, "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", index).putObject("delta").put("role", "assistant").put("content", "");
        return chunk;
    }

    ObjectNode contentChunk(String id, String model, String text) {
        return contentChunk(id, model, 0, text);
    }

    ObjectNode contentChunk(String id, String model, int index, String text) {
        ObjectNode chunk = header(id, model, "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", index).putObject("delta").put("content", text);
        return chunk;
    }

    ObjectNode finishChunk(String id, String model, String finishReason) {
        return finishChunk(id, model, 0, finishReason);
    }

    ObjectNode finishChunk(String id, String model, int index, String finishReason) {
        ObjectNode chunk = header(id, model, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        choice.putObject("delta");
        choice.put("finish_reason", finishReason);
        return chunk;
    }

    /** The usage chunk OpenAI sends last when {@code stream_options.include_usage} is set: no choices. */
    ObjectNode usageChunk(String id, String model, int promptTokens, int completionTokens) {
        ObjectNode chunk = header(id, model, "chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", usage(promptTokens, completionTokens));
        return chunk;
    }

    com.fasterxml.jackson.databind.node.ArrayNode array() {
        return json.createArrayNode();
    }

    ObjectNode usage(int promptTokens, int completionTokens) {
        return json.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private ObjectNode header(String id, String model, String object) {
        ObjectNode node = json.createObjectNode();
        node.put("id", id);
        node.put("object", object);
        node.put("created", System.currentTimeMillis() / 1000);
        node.put("model", model);
        return node;
    }
}
