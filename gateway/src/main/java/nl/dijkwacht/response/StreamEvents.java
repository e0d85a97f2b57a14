package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import nl.dijkwacht.invoke.RawChunk;

/**
 * The events a rewritten stream writes to the tool ({@link ChunkOutput}): the upstream's, rewritten, and those the
 * rewriter makes itself, in the frame of the stream's first event (its id, model, created; without choices and usage).
 * The first event with answer text is sent at once: it is the moment the tool shows that an answer is coming; later ones
 * wait for {@link #flush}.
 */
final class StreamEvents {

    private final ChunkOutput out;
    private final ObjectMapper json;
    private ObjectNode template;
    private boolean textSent;

    StreamEvents(ChunkOutput out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void start() {
        out.start();
    }

    /** Whether the frame was taken from a first event yet. */
    boolean framed() {
        return template != null;
    }

    /** The stream's first chunk without its choices and usage: the frame of the chunks the gateway makes itself. */
    void frame(ObjectNode first) {
        template = first.deepCopy();
        template.remove("usage");
        template.remove("choices");
    }

    void pending(ObjectNode chunk) {
        out.pending(chunk);
    }

    void pending(RawChunk chunk) {
        out.pending(chunk);
    }

    void flush() {
        out.flush();
    }

    /** A chunk with answer text was handed on: the first one is sent at once. */
    void sentText() {
        if (!textSent) {
            textSent = true;
            out.flush();
        }
    }

    boolean textSent() {
        return textSent;
    }

    /** A new event for one choice, in the stream's frame: {@code write} fills its {@code delta}. */
    void choiceEvent(int index, Consumer<ObjectNode> write) {
        ObjectNode chunk = template == null ? json.createObjectNode() : template.deepCopy();
        write.accept(chunk.putArray("choices").addObject().put("index", index).putObject("delta"));
        out.pending(chunk);
    }

    /** A new event for one choice with the tokens it still held ({@code logprobs.content}) and an empty delta. */
    void tokensEvent(int index, List<JsonNode> tokens) {
        ObjectNode chunk = template == null ? json.createObjectNode() : template.deepCopy();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
        choice.putObject("delta");
        choice.putObject("logprobs").putArray("content").addAll(tokens);
        out.pending(chunk);
    }

    /** The closing event the gateway makes when no upstream event finished the last choice: the frame, no choices. */
    ObjectNode lastChunk() {
        ObjectNode last = template == null ? json.createObjectNode() : template.deepCopy();
        last.putArray("choices");
        return last;
    }

    void done() {
        out.done();
    }
}
