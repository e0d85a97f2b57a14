package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.dijkwacht.pipeline.Exchange;

/** One choice of a streamed answer: its text, refusal and transcript rows, its tool calls, what kind of answer it is and whether it was flushed. */
final class StreamedChoice {

    final StreamedText content;
    /** The refusal's text, restored and scanned like content in a row of its own; made with the first refusal text. */
    private StreamedText refusal;
    /** A spoken answer's transcript ({@code delta.audio.transcript}), the same; made with the first transcript text. */
    private StreamedText transcript;
    /** Reasoning text beside the answer ({@link ReasoningText}), a row per field; a row goes when it is finished. */
    private final Map<String, StreamedText> reasoning = new LinkedHashMap<>(2);
    private final Supplier<StreamedText> newText;
    final StreamedToolCalls toolCalls = new StreamedToolCalls();
    boolean sawContent;
    boolean sawToolCalls;
    boolean sawRefusal;
    /** A spoken answer: its transcript gets the disclaimer when there is no text content to carry it. */
    boolean sawTranscript;
    boolean flushed;
    /** Web-search citations held until the content is finished, when their spans must be moved (answer47); else null. */
    ArrayNode annotations;
    /** The tokens a tool asked for, held while they could end in part of a placeholder (answer48); null until a chunk has some. */
    RestoredTokens tokens;

    /** @param newText makes the refusal's and the transcript's rows: always text, even in JSON mode */
    StreamedChoice(StreamedText content, Supplier<StreamedText> newText) {
        this.content = content;
        this.newText = newText;
    }

    /**
     * What kind of answer a delta makes this choice: text, even an empty one (as a whole answer's {@code "content": ""}
     * is), gets the disclaimer; a refusal does not (its content is null, as in a whole answer).
     */
    void saw(JsonNode delta) {
        sawContent |= delta.path("content").isTextual();
        sawRefusal |= delta.path("refusal").isTextual() && !delta.path("refusal").asText().isEmpty();
        sawTranscript |= delta.path("audio").path("transcript").isTextual();
    }

    /** Non-empty content text: restored, then scanned. @return what may go to the tool now */
    String content(String text, boolean restore) {
        sawContent = true;
        return content.add(text, restore);
    }

    /** Non-empty refusal text, as {@link #content}. */
    String refusal(String text, boolean restore) {
        if (refusal == null) {
            refusal = newText.get();
        }
        return refusal.add(text, restore);
    }

    /** Non-empty transcript text, as {@link #content}. */
    String transcript(String text, boolean restore) {
        if (transcript == null) {
            transcript = newText.get();
        }
        return transcript.add(text, restore);
    }

    /** Non-empty reasoning text of {@code field}, as {@link #content}. */
    String reasoning(String field, String text, boolean restore) {
        return reasoning.computeIfAbsent(field, f -> newText.get()).add(text, restore);
    }

    /**
     * Finishes the reasoning rows (the answer has begun after them, or the choice ended): what each still held is put in
     * {@code delta} after what {@code delta} already carries of that field.
     */
    void finishReasoning(ObjectNode delta, boolean restore, Exchange exchange) {
        reasoning.forEach((field, row) -> {
            StringBuilder tail = new StringBuilder(delta.path(field).asText(""));
            row.finish(restore, tail);
            if (restore) {
                exchange.placeholders(row.restorer.restoredCount(), row.restorer.unknownCount());
            }
            if (!tail.isEmpty()) {
                delta.put(field, tail.toString());
            }
        });
        reasoning.clear();
    }

    boolean reasoningHeld() {
        return !reasoning.isEmpty();
    }

    /** The refusal's row, or null when the choice had no refusal text. */
    StreamedText refusal() {
        return refusal;
    }

    /** The transcript's row, or null when the choice had no transcript text. */
    StreamedText transcript() {
        return transcript;
    }
}
