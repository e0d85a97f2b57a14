package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sink that passes every call on to {@code next} as it came; subclasses override what they watch. Passing
 * {@link #pending} and {@link #flush} on matters: a wrapper that let them fall back to {@link ChunkSink}'s defaults
 * would write every relayed event at once (the stream wrapper did, until session 26), and one that let
 * {@link #pending(RawChunk)} fall back would build a tree for every event. A subclass that watches the chunks
 * overrides both {@code pending} methods.
 */
public abstract class ForwardingChunkSink implements ChunkSink {

    protected final ChunkSink next;

    protected ForwardingChunkSink(ChunkSink next) {
        this.next = next;
    }

    @Override
    public void open() {
        next.open();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        next.chunk(chunk);
    }

    @Override
    public void pending(ObjectNode chunk) {
        next.pending(chunk);
    }

    @Override
    public void pending(RawChunk chunk) {
        next.pending(chunk);
    }

    @Override
    public void flush() {
        next.flush();
    }

    @Override
    public void complete() {
        next.complete();
    }

    @Override
    public void broken() {
        next.broken();
    }

    @Override
    public void close() {
        next.close();
    }
}
