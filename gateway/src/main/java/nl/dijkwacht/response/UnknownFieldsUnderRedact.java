package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.openai.AnswerFields;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Under {@code pii.output: redact} only the answer fields the gateway knows ({@link AnswerFields}) pass: a field a server
 * adds beside them — OpenRouter's {@code reasoning_details}, LiteLLM's {@code thinking_blocks} — may carry the model's
 * text, which the output scan never read (review47: reasoning passed unscanned one field at a time). It is dropped from
 * the answer, its choices and their messages (a stream's chunks and deltas alike) and named on the exchange
 * ({@code dijkwacht.dropped_fields} in the answer, {@code UNSCANNED_FIELD} in the audit record's output counts). A field
 * whose value is {@code null} carries nothing and stays. Under {@code flag} and without an output scan nothing is
 * dropped: the answer is not rewritten there, and a placeholder in such a field stays a placeholder (docs/adr/0014).
 */
final class UnknownFieldsUnderRedact {

    private UnknownFieldsUnderRedact() {
    }

    /**
     * Drops the unknown fields of a whole answer ({@code whole}) or of one stream chunk. A choice's {@code message} is
     * read only in a whole answer and its {@code delta} only in a chunk: the other one is dropped too (review48:
     * Perplexity streams the text so far as {@code message} beside each {@code delta}, and it passed unscanned).
     */
    static void drop(ObjectNode answer, Exchange exchange, boolean whole) {
        drop(answer, AnswerFields.ANSWER, "", exchange);
        for (JsonNode choice : answer.path("choices")) {
            if (choice instanceof ObjectNode c) {
                drop(c, AnswerFields.CHOICE, "choices[].", exchange);
                String unread = whole ? "delta" : "message";
                if (c.hasNonNull(unread)) {
                    c.remove(unread);
                    exchange.answerFieldDropped("choices[]." + unread);
                }
                if (c.get("message") instanceof ObjectNode message) {
                    drop(message, AnswerFields.MESSAGE, "message.", exchange);
                }
                if (c.get("delta") instanceof ObjectNode delta) {
                    // a delta is the message in pieces: named as the message's field, so whole and streamed say the same
                    drop(delta, AnswerFields.MESSAGE, "message.", exchange);
                }
            }
        }
    }

    private static void drop(ObjectNode node, Set<String> known, String path, Exchange exchange) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull() && !known.contains(field.getKey())) {
                fields.remove();
                exchange.answerFieldDropped(path + field.getKey());
            }
        }
    }
}
