package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a rewritten stream goes (the tool's SSE connection). */
public interface ChunkOutput {

    /** Commit the response as an event stream; called once, before the first chunk. */
    void start();

    void chunk(ObjectNode chunk);

    /** The final {@code data: [DONE]}. */
    void done();
}
