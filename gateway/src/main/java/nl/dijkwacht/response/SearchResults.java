package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.dijkwacht.openai.AnswerFields;
import nl.dijkwacht.pipeline.Exchange;

/**
 * What a search model (Perplexity's Sonar) sends beside its answer, at the answer's level (answer49, ADR 0014):
 * {@code citations} (the URLs the answer's {@code [1]} marks point to), {@code search_results} (per page a title, its URL,
 * a snippet of its text, dates), {@code images} (an image's and its page's URL, a title, its size) and
 * {@code related_questions} (follow-up questions the model wrote). Under {@code redact} they were dropped and named as
 * unscanned on every such answer, so the marks pointed nowhere and every record carried {@code UNSCANNED_FIELD}. A title,
 * a snippet and a question are text a reader sees with the answer: restored and scanned as answer text (redacted under
 * {@code redact}), as a web-search citation's title is ({@link WebCitations}). A URL is a link, not text: it passes as it
 * came (a redacted link is a broken one), as a citation's {@code url} does. Inside a result or an image only the fields
 * named here pass under {@code redact}; the others are dropped and named, as any unknown answer field is
 * ({@link UnknownFieldsUnderRedact}).
 *
 * <p>Perplexity repeats the lists in every event of a stream: {@link Repeats} scans them when they change, so a stream's
 * records count what a whole answer's count.
 */
final class SearchResults {

    /** A search result's fields, and which of them are text. */
    private static final Set<String> RESULT = Set.of("title", "url", "snippet", "date", "last_updated", "source", "id");
    private static final Set<String> RESULT_TEXT = Set.of("title", "snippet");
    /** An image's fields ({@code title} text). */
    private static final Set<String> IMAGE = Set.of("image_url", "origin_url", "title", "width", "height");
    private static final Set<String> IMAGE_TEXT = Set.of("title");

    private SearchResults() {
    }

    /** The answer's (or a chunk's) search fields rewritten in place: texts given to {@code text}, URLs as they came. */
    static void rewrite(ObjectNode answer, UnaryOperator<String> text, boolean redact, Exchange exchange) {
        for (String field : AnswerFields.SEARCH) {
            rewrite(answer, field, text, redact, exchange);
        }
    }

    private static void rewrite(ObjectNode answer, String field, UnaryOperator<String> text, boolean redact, Exchange exchange) {
        if (!(answer.get(field) instanceof ArrayNode items)) {
            return;
        }
        ArrayNode kept = items.arrayNode(items.size());
        for (JsonNode item : items) {
            JsonNode out = switch (field) {
                case "related_questions" -> item.isTextual() ? TextNode.valueOf(text.apply(item.asText())) : null;
                case "search_results" -> entry(item, RESULT, RESULT_TEXT, field, text, redact, exchange);
                case "images" -> item.isTextual() ? item : entry(item, IMAGE, IMAGE_TEXT, field, text, redact, exchange);
                default -> item.isTextual() || item instanceof ObjectNode o && o.size() == 1 && o.path("url").isTextual()
                        ? item : null; // citations: URLs (or an object with one)
            };
            if (out == null && redact && !item.isNull()) {
                exchange.answerFieldDropped(field + "[]"); // no result, image, question or URL the gateway knows
            } else {
                kept.add(out == null ? item : out);
            }
        }
        answer.set(field, kept);
    }

    /** One result or image: its texts rewritten, under redact its other unknown fields dropped; null when it is no object. */
    private static JsonNode entry(JsonNode item, Set<String> known, Set<String> texts, String field, UnaryOperator<String> text,
                                  boolean redact, Exchange exchange) {
        if (!(item instanceof ObjectNode entry)) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = entry.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (texts.contains(f.getKey()) && f.getValue().isTextual()) {
                f.setValue(TextNode.valueOf(text.apply(f.getValue().asText())));
            } else if (redact && !f.getValue().isNull() && (!known.contains(f.getKey()) || texts.contains(f.getKey()))) {
                fields.remove(); // an unknown field, or a text field that holds no text
                exchange.answerFieldDropped(field + "[]." + f.getKey());
            }
        }
        return entry;
    }

    /**
     * A stream's lists, rewritten when they change: Perplexity sends the same {@code citations} and
     * {@code search_results} in every event, and scanning each copy would count its findings once per event.
     */
    static final class Repeats {

        /** Per field: the upstream's last list as it came, and what it became. */
        private final Map<String, JsonNode> lastSent = new HashMap<>(4);
        private final Map<String, JsonNode> lastRewritten = new HashMap<>(4);

        void rewrite(ObjectNode chunk, UnaryOperator<String> text, boolean redact, Exchange exchange) {
            for (String field : AnswerFields.SEARCH) {
                JsonNode sent = chunk.get(field);
                if (sent == null || sent.isNull()) {
                    continue;
                }
                if (sent.equals(lastSent.get(field))) {
                    chunk.set(field, lastRewritten.get(field).deepCopy());
                    continue;
                }
                JsonNode copy = sent.deepCopy();
                SearchResults.rewrite(chunk, field, text, redact, exchange);
                lastSent.put(field, copy);
                lastRewritten.put(field, chunk.get(field).deepCopy());
            }
        }
    }
}
