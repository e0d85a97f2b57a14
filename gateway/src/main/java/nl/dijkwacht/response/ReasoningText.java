package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The reasoning a model served by vLLM ({@code reasoning_content}, also DeepSeek's) or Ollama ({@code reasoning}, also
 * OpenRouter's text) sends beside its answer, in a whole message and in a stream's delta. A tool shows it as the model's
 * text, so it is restored, counted and (under {@code redact}) redacted like a refusal's text (review47: it passed as the
 * model wrote it, personal data the model added unredacted).
 */
final class ReasoningText {

    /** The fields, in the order a row of each is finished. */
    static final List<String> FIELDS = List.of("reasoning_content", "reasoning");

    private ReasoningText() {
    }

    /** Each non-empty reasoning text in {@code message} given to {@code text}. */
    static void rewrite(ObjectNode message, UnaryOperator<String> text) {
        for (String field : FIELDS) {
            if (nonEmpty(message, field)) {
                message.put(field, text.apply(message.get(field).asText()));
            }
        }
    }

    static boolean nonEmpty(JsonNode message, String field) {
        return message.path(field).isTextual() && !message.get(field).asText().isEmpty();
    }
}
