package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Passes a stream on to {@code next} and knows whether the upstream opened it: from then on a failure reaches the tool
 * and the call is not retried or sent to a fallback model. Every {@link ChunkSink} call is passed on as it came, so
 * {@link #pending} chunks wait for the source's {@link #flush} (one socket write for the events that arrived together).
 */
public final class OpenedStream implements ModelInvoker.StreamStart {

    private final ChunkSink next;
    private boolean opened;

    public OpenedStream(ChunkSink next) {
        this.next = next;
    }

    @Override
    public boolean started() {
        return opened;
    }

    @Override
    public void open() {
        opened = true;
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
    public void flush() {
        next.flush();
    }

    @Override
    public void complete() {
        next.complete();
    }
}
