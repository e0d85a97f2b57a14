package nl.dijkwacht.invoke;

/**
 * Passes a stream on to {@code next} and knows whether the upstream opened it: from then on a failure reaches the tool
 * and the call is not retried or sent to a fallback model.
 */
public final class OpenedStream extends ForwardingChunkSink implements ModelInvoker.StreamStart {

    private boolean opened;

    public OpenedStream(ChunkSink next) {
        super(next);
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
}
