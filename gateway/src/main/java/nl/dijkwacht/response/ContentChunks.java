package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An answer's {@code content} as an array of chunks, as Mistral's reasoning models (Magistral) write it, whole and in
 * a stream's deltas: {@code {"type":"thinking","thinking":[{"type":"text","text":…}]}} and {@code {"type":"text",
 * "text":…}}. The restorer and the output scan read string content only, so such an answer passed as the model wrote
 * it — under {@code redact} unredacted (review47). Read before anything else: the text chunks become the string content
 * OpenAI's format has, the thinking becomes {@code reasoning_content} ({@link ReasoningText}); other chunks (no text
 * to read) are left out.
 */
final class ContentChunks {

    private ContentChunks() {
    }

    /** {@code message} (a whole answer's message or a stream's delta) with string content, when it had chunks. */
    static void flatten(ObjectNode message) {
        if (!(message.get("content") instanceof ArrayNode chunks)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder(message.path("reasoning_content").asText(""));
        for (JsonNode chunk : chunks) {
            if (chunk.path("text").isTextual()) {
                text.append(chunk.get("text").asText());
            }
            JsonNode thought = chunk.path("thinking");
            if (thought.isTextual()) {
                thinking.append(thought.asText());
            }
            for (JsonNode part : thought.isArray() ? thought : List.<JsonNode>of()) {
                thinking.append(part.path("text").asText(""));
            }
        }
        message.put("content", text.toString());
        if (!thinking.isEmpty()) {
            message.put("reasoning_content", thinking.toString());
        }
    }
}
