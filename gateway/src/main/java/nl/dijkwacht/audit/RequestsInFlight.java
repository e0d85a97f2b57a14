package nl.dijkwacht.audit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model requests this gateway is serving right now (from the exchange's opening to its last byte, streams
 * included). The audit writer asks it whether a request is {@link #alone()}: only then does the request write its own
 * record instead of handing it to the writer thread (see {@code ChainedJdbcAuditSink}).
 */
public final class RequestsInFlight {

    private final AtomicInteger serving = new AtomicInteger();

    public void enter() {
        serving.incrementAndGet();
    }

    public void exit() {
        serving.decrementAndGet();
    }

    /** The model requests being served right now (the audit writer waits for fuller batches when there are many). */
    public int serving() {
        return serving.get();
    }

    /** True when at most one request is being served: the caller's own, or none (an operator action). */
    public boolean alone() {
        return serving.get() <= 1;
    }
}
