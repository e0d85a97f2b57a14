package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives a streamed answer as OpenAI {@code chat.completion.chunk} objects, in order. */
public interface ChunkSink {

    /** The upstream accepted the call; from here on errors can only be reported inside the stream. */
    void open();

    /** A chunk to pass on at once. */
    void chunk(ObjectNode chunk);

    /**
     * A chunk that may wait to be sent with what follows: the source calls {@link #flush()} before it waits for the
     * upstream, so nothing is held while the upstream is quiet. A source that cannot tell uses {@link #chunk}.
     */
    default void pending(ObjectNode chunk) {
        chunk(chunk);
    }

    /**
     * An upstream chunk as it came, which may wait like {@link #pending(ObjectNode)}: a sink that can pass a plain text
     * event on as its bytes does so ({@link RawChunk#plainContent}); the others take its tree.
     */
    default void pending(RawChunk chunk) {
        pending(chunk.tree());
    }

    /** Send what {@link #pending} left; the source is about to wait for the upstream. */
    default void flush() {
    }

    /** The upstream finished the stream properly ({@code [DONE]} or equivalent). */
    void complete();

    /**
     * The upstream's stream broke off after it opened (cut, gone quiet, an error event): what the sink still holds of the
     * answer so far goes on, as far as it can, before the tool hears of the failure (answer49). Not called for a stream
     * the gateway itself ended.
     */
    default void broken() {
    }

    /**
     * The stream is over, however it ended (completed, failed, stopped, the tool gone): let go of what is still held.
     * Called by whoever started the stream, after {@link #complete} too; may be called more than once.
     */
    default void close() {
    }
}
