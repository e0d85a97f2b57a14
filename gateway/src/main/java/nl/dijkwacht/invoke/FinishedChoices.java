package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a stream that ends without {@code data: [DONE]} has still finished its answer (answer49). Perplexity's Sonar
 * API sends no {@code [DONE]} (perplexityai/api-discussion issue #209; Portkey's gateway adds one after Perplexity's
 * finishing event, its pull request #654): its stream ends, after the event whose choice has a {@code finish_reason},
 * with the end of the body (so does ik_llama.cpp's server, its issue #467). Such a stream is whole when every choice it
 * carried has had its finish reason and the body ended cleanly (its chunked framing or its declared length complete,
 * else the reader fails); a stream cut mid-answer — a choice without a finish reason — is still {@code STREAM_CUT}.
 */
final class FinishedChoices {

    /** The choices seen without a finish reason so far. */
    private final Set<Integer> open = new HashSet<>();
    private final Set<Integer> finished = new HashSet<>();

    /** Whether a plain event was seen: choice 0 is open or finished since, and another plain event changes nothing. */
    private boolean plainSeen;

    /** A plain text event: choice 0, no finish reason ({@link RawChunk#plainContent}). */
    void plain() {
        if (plainSeen) {
            return; // edges51: two set look-ups per event of every streamed answer before (≈ 0.6 % of its samples)
        }
        plainSeen = true;
        if (!finished.contains(0)) {
            open.add(0);
        }
    }

    /**
     * Any other event, read before a sink may change it. A finished choice stays finished: Azure's asynchronous content
     * filter sends its verdicts on the answer after the finishing event, as events of the same choice without a finish
     * reason.
     */
    void event(JsonNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            int index = choice.path("index").asInt(0);
            if (choice.hasNonNull("finish_reason")) {
                open.remove(index);
                finished.add(index);
            } else if (!finished.contains(index)) {
                open.add(index);
            }
        }
    }

    /** Every choice the stream carried ended with a finish reason (and there was one). */
    boolean all() {
        return !finished.isEmpty() && open.isEmpty();
    }
}
