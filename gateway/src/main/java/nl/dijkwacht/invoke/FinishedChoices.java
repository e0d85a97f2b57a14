package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a stream that ends without {@code data: [DONE]} has still finished its answer (answer49). Perplexity's Sonar
 * API sends no {@code [DONE]} (perplexityai/api-discussion issue #209; Portkey's gateway adds one after Perplexity's
 * finishing event, its pull request #654): its stream ends, after the event whose choice has a {@code finish_reason},
 * with the end of the body. Such a stream is whole when every choice it carried has a finish reason in its last event
 * and the body ended cleanly (its chunked framing or its declared length complete, else the reader fails); a stream cut
 * mid-answer — a choice whose last event has no finish reason — is still {@code STREAM_CUT}.
 */
final class FinishedChoices {

    /** The choices whose last event had no finish reason. */
    private final Set<Integer> open = new HashSet<>();
    private boolean anyChoice;

    /** A plain text event: choice 0, no finish reason ({@link RawChunk#plainContent}). */
    void plain() {
        anyChoice = true;
        open.add(0);
    }

    /** Any other event, read before a sink may change it. */
    void event(JsonNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            anyChoice = true;
            int index = choice.path("index").asInt(0);
            if (choice.hasNonNull("finish_reason")) {
                open.remove(index);
            } else {
                open.add(index);
            }
        }
    }

    /** Every choice the stream carried ended with a finish reason (and there was one). */
    boolean all() {
        return anyChoice && open.isEmpty();
    }
}
