package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.catalog.ProviderKind;

/** Talks to one kind of model provider, always in OpenAI wire format towards the gateway. */
public interface ModelClient {

    ProviderKind kind();

    /** A whole {@code chat.completion} object. */
    ObjectNode reply(ModelCall call);

    /** Streams {@code chat.completion.chunk} objects to the sink; returns when the stream ended. */
    void stream(ModelCall call, ChunkSink sink);

    /** An OpenAI {@code embeddings} response (object "list"). */
    ObjectNode embed(ModelCall call);
}
