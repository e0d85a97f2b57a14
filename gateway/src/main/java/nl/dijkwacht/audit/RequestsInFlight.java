package nl.dijkwacht.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The model requests this gateway is serving right now (from the exchange's opening to its last byte, streams
 * included). The audit writer asks it whether a request is {@link #alone()}: only then does the request write its own
 * record instead of handing it to the writer thread (see {@code ChainedJdbcAuditSink}). A chain's writer waits for
 * fuller batches while many of the requests whose records go to its chain are in flight
 * ({@link #servingOnChainOf}, see {@code GroupCommitWait}).
 */
public final class RequestsInFlight {

    private final AtomicInteger serving = new AtomicInteger();
    /** Per tenant with an audit chain of its own: its requests in flight (empty with one tenant). */
    private final Map<String, AtomicInteger> ownChains;

    public RequestsInFlight() {
        this(List.of());
    }

    /** @param ownChains the tenants whose records go to an audit chain of their own: every tenant but the default one */
    public RequestsInFlight(Collection<String> ownChains) {
        Map<String, AtomicInteger> counts = new HashMap<>();
        ownChains.forEach(t -> counts.put(t, new AtomicInteger()));
        this.ownChains = Map.copyOf(counts);
    }

    /** @param tenant the caller's tenant ({@code null} when unknown); {@link #exit} is called with the same */
    public void enter(String tenant) {
        serving.incrementAndGet();
        AtomicInteger own = ownChain(tenant);
        if (own != null) {
            own.incrementAndGet();
        }
    }

    public void exit(String tenant) {
        AtomicInteger own = ownChain(tenant);
        if (own != null) {
            own.decrementAndGet();
        }
        serving.decrementAndGet();
    }

    private AtomicInteger ownChain(String tenant) {
        return tenant == null ? null : ownChains.get(tenant);
    }

    /** The model requests being served right now, of every tenant. */
    public int serving() {
        return serving.get();
    }

    /**
     * The model requests being served whose records go to {@code tenant}'s chain: that tenant's own when it has a chain
     * of its own; for the default tenant (or any other) those of every tenant without one.
     */
    public IntSupplier servingOnChainOf(String tenant) {
        AtomicInteger own = ownChain(tenant);
        if (own != null) {
            return own::get;
        }
        if (ownChains.isEmpty()) {
            return serving::get;
        }
        return () -> {
            int rest = serving.get();
            for (AtomicInteger other : ownChains.values()) {
                rest -= other.get();
            }
            return Math.max(0, rest);
        };
    }

    /** True when at most one request is being served: the caller's own, or none (an operator action). */
    public boolean alone() {
        return serving.get() <= 1;
    }
}
