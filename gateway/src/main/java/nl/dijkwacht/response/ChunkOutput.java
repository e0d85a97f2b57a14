package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.invoke.RawChunk;

/** Where a rewritten stream goes (the tool's SSE connection). */
public interface ChunkOutput {

    /** Commit the response as an event stream; called once, before the first chunk. */
    void start();

    /** Write the chunk and send it, with anything {@link #pending} left. */
    void chunk(ObjectNode chunk);

    /** Write the chunk; it is sent with the next {@link #chunk}, {@link #flush}, {@link #done} or error. */
    default void pending(ObjectNode chunk) {
        chunk(chunk);
    }

    /** An upstream chunk the rewrite left as it came: written as its bytes where the output can, else as its tree. */
    default void pending(RawChunk chunk) {
        pending(chunk.tree());
    }

    /** Send what {@link #pending} left. */
    default void flush() {
    }

    /** The final {@code data: [DONE]}. */
    void done();
}
