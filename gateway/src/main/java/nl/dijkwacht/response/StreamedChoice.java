package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** One choice of a streamed answer: its text and refusal rows, its tool calls, what kind of answer it is and whether it was flushed. */
final class StreamedChoice {

    final StreamedText content;
    /** The refusal's text, restored and scanned like content in a row of its own; made with the first refusal text. */
    private StreamedText refusal;
    private final Supplier<StreamedText> newRefusal;
    final StreamedToolCalls toolCalls = new StreamedToolCalls();
    boolean sawContent;
    boolean sawToolCalls;
    boolean sawRefusal;
    boolean flushed;

    /** @param newRefusal makes the refusal's row: always text, even in JSON mode */
    StreamedChoice(StreamedText content, Supplier<StreamedText> newRefusal) {
        this.content = content;
        this.newRefusal = newRefusal;
    }

    /**
     * What kind of answer a delta makes this choice: text, even an empty one (as a whole answer's {@code "content": ""}
     * is), gets the disclaimer; a refusal does not (its content is null, as in a whole answer).
     */
    void saw(JsonNode delta) {
        sawContent |= delta.path("content").isTextual();
        sawRefusal |= delta.path("refusal").isTextual() && !delta.path("refusal").asText().isEmpty();
    }

    /** Non-empty content text: restored, then scanned. @return what may go to the tool now */
    String content(String text, boolean restore) {
        sawContent = true;
        return content.add(text, restore);
    }

    /** Non-empty refusal text, as {@link #content}. */
    String refusal(String text, boolean restore) {
        if (refusal == null) {
            refusal = newRefusal.get();
        }
        return refusal.add(text, restore);
    }

    /** The refusal's row, or null when the choice had no refusal text. */
    StreamedText refusal() {
        return refusal;
    }
}
