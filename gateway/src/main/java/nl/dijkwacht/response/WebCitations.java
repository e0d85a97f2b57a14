package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * The citations a web-search model puts beside its answer ({@code annotations[].url_citation}: {@code title}, {@code url},
 * the span of the text they support). The title is the cited page's text, shown to the reader with the answer: personal
 * data there ("Jan de Vries benoemd tot …") was recorded and delivered unscanned (redteam45). It is restored and scanned
 * as answer text, in a whole message and in a stream's delta alike (each annotation arrives whole). The URL is a link,
 * not text: a redaction would break it, and it is kept in the audit record as the answer's source.
 */
final class WebCitations {

    private WebCitations() {
    }

    /** Each {@code url_citation} title in {@code message} (a whole answer's message or a stream's delta) given to {@code text}. */
    static void rewriteTitles(JsonNode message, UnaryOperator<String> text) {
        for (JsonNode annotation : message.path("annotations")) {
            if (annotation.get("url_citation") instanceof ObjectNode citation && citation.path("title").isTextual()
                    && !citation.get("title").asText().isEmpty()) {
                citation.put("title", text.apply(citation.get("title").asText()));
            }
        }
    }
}
