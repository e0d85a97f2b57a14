package nl.dijkwacht.openai.completions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The answer in the legacy completions format: {@code text_completion} objects, whole or as stream chunks. */
public final class TextCompletions {

    private final ObjectMapper json;
    private final String id;
    private final long created = System.currentTimeMillis() / 1000;

    public TextCompletions(ObjectMapper json, String traceId) {
        this.json = json;
        this.id = "cmpl-" + traceId.replace("-", "");
    }

    /** A whole (already rewritten) {@code chat.completion} as a {@code text_completion}. */
    public ObjectNode fromCompletion(ObjectNode completion) {
        ObjectNode out = header(completion.path("model").asText(null));
        ArrayNode choices = out.putArray("choices");
        for (JsonNode choice : completion.path("choices")) {
            ObjectNode c = choices.addObject();
            c.put("text", choice.path("message").path("content").asText(""));
            c.put("index", choice.path("index").asInt());
            c.putNull("logprobs");
            c.set("finish_reason", choice.path("finish_reason").isMissingNode() ? json.nullNode() : choice.get("finish_reason"));
        }
        if (completion.has("usage")) {
            out.set("usage", completion.get("usage"));
        }
        return out;
    }

    /** One (already rewritten) chat chunk as a completions chunk, or {@code null} when it carries nothing for the tool. */
    public ObjectNode fromChunk(ObjectNode chunk) {
        ObjectNode out = header(chunk.path("model").asText(null));
        ArrayNode choices = out.putArray("choices");
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode content = choice.path("delta").path("content");
            boolean finished = choice.hasNonNull("finish_reason");
            if ((!content.isTextual() || content.asText().isEmpty()) && !finished) {
                continue;
            }
            ObjectNode c = choices.addObject();
            c.put("text", content.asText(""));
            c.put("index", choice.path("index").asInt());
            c.putNull("logprobs");
            c.set("finish_reason", finished ? choice.get("finish_reason") : json.nullNode());
        }
        if (chunk.path("usage").isObject()) {
            out.set("usage", chunk.get("usage"));
        }
        return choices.isEmpty() && !out.has("usage") ? null : out;
    }

    private ObjectNode header(String model) {
        ObjectNode out = json.createObjectNode();
        out.put("id", id);
        out.put("object", "text_completion");
        out.put("created", created);
        out.put("model", model);
        return out;
    }
}
