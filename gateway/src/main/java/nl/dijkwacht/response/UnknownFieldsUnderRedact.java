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
 * whose value is {@code null}, {@code []} or <code>{}</code> carries nothing and stays. Under {@code flag} and without an output scan nothing is
 * dropped: the answer is not rewritten there, and a placeholder in such a field stays a placeholder (docs/adr/0014).
 */
final class UnknownFieldsUnderRedact {

    private UnknownFieldsUnderRedact() {
    }

    /**
     * Drops the unknown fields of a whole answer ({@code whole}) or of one stream chunk. A choice's {@code message} is
     * read only in a whole answer and its {@code delta} only in a chunk: a whole answer's {@code delta} is dropped too; a
     * stream's {@code message} (review48: Perplexity streams the text so far beside each {@code delta}, and it passed
     * unscanned) is made anew from the text the tool got by {@link #textSoFar}, after the chunk's rewrite.
     */
    static void drop(ObjectNode answer, Exchange exchange, boolean whole) {
        drop(answer, AnswerFields.ANSWER, "", exchange);
        for (JsonNode choice : answer.path("choices")) {
            if (choice instanceof ObjectNode c) {
                drop(c, AnswerFields.CHOICE, "choices[].", exchange);
                // a stream's message (Perplexity: the text so far) is left to the rewriter, which writes it anew from the
                // text the tool got (answer49: dropped, it named every Perplexity stream as unscanned)
                if (whole && c.hasNonNull("delta") && carries(c.remove("delta"))) {
                    // Perplexity's whole answer has an empty one ({"role": "assistant", "content": ""}): no field dropped
                    exchange.answerFieldDropped("choices[].delta");
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

    /**
     * A stream chunk's choice under {@code redact}: its {@code message}, the text so far as the model wrote it, becomes
     * the text so far as the tool got it ({@code delivered}; null when it was not kept: the message is dropped and named).
     */
    static void textSoFar(ObjectNode choice, String delivered, Exchange exchange) {
        if (!choice.hasNonNull("message")) {
            return;
        }
        if (delivered == null) {
            choice.remove("message");
            exchange.answerFieldDropped("choices[].message");
            return;
        }
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", delivered);
    }

    /**
     * A {@code null}, an empty list or an empty object carries nothing and stays (Azure's asynchronous filter sends
     * {@code content_filter_raw: []} on its verdict events; answer49: named as unscanned on every such stream).
     */
    private static boolean empty(JsonNode value) {
        return value.isNull() || value.isContainerNode() && value.isEmpty();
    }

    /** Whether a whole answer's {@code delta} carries anything but a role and empty or null values. */
    private static boolean carries(JsonNode delta) {
        if (!delta.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = delta.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!field.getKey().equals("role") && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static void drop(ObjectNode node, Set<String> known, String path, Exchange exchange) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!empty(field.getValue()) && !known.contains(field.getKey())) {
                fields.remove();
                exchange.answerFieldDropped(path + field.getKey());
            }
        }
    }
}
