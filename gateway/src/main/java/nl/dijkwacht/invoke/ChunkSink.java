package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives a streamed answer as OpenAI {@code chat.completion.chunk} objects, in order. */
public interface ChunkSink {

    /** The upstream accepted the call; from here on errors can only be reported inside the stream. */
    void open();

    void chunk(ObjectNode chunk);

    /** The upstream finished the stream properly ({@code [DONE]} or equivalent). */
    void complete();
}
