package nl.dijkwacht.invoke;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.catalog.BreakerSettings;
import nl.dijkwacht.catalog.ModelDefinition;

/**
 * The upstream servers of every model, each with its own circuit breaker (Resilience4j). Breaker state outlives a
 * policy reload as long as the model keeps the same base URL and settings. Load is spread by choosing the upstream
 * with the fewest calls in flight (round robin among equals) whose breaker lets a call through.
 */
public final class UpstreamPool {

    /** What {@link #acquire} got: a lease on an upstream, or why there was none ({@code circuit-open}, {@code overloaded}). */
    public record Acquired(Lease lease, String refusedBecause) {
    }

    private final CircuitBreakerRegistry breakers;
    private final ConcurrentMap<String, Upstream> upstreams = new ConcurrentHashMap<>();
    private final AtomicLong rotation = new AtomicLong();

    public UpstreamPool(CircuitBreakerRegistry breakers) {
        BreakerStates.loadAll();
        this.breakers = breakers;
    }

    public UpstreamPool() {
        this(CircuitBreakerRegistry.ofDefaults());
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    /**
     * Closes every breaker and forgets its history (an operator who knows the upstreams are back; tests). A call still
     * in flight then (e.g. a guard call abandoned at its budget) ends without counting in the new history.
     */
    public void resetHealth() {
        upstreams.values().forEach(Upstream::resetHealth);
    }

    /** The model's upstreams in catalogue order (dry-run has one, local, without a URL). */
    public List<Upstream> of(ModelDefinition model) {
        List<URI> urls = model.serving().baseUrls();
        List<Upstream> out = new ArrayList<>(Math.max(1, urls.size()));
        if (urls.isEmpty()) {
            out.add(upstream(model, null));
        } else {
            urls.forEach(url -> out.add(upstream(model, url)));
        }
        return out;
    }

    /** A lease on the least busy upstream of the model that is not in {@code exclude} and whose breaker is closed. */
    Acquired acquire(ModelDefinition model, Set<URI> exclude) {
        List<Upstream> candidates = new ArrayList<>();
        for (Upstream u : of(model)) {
            if (!exclude.contains(u.baseUrl())) {
                candidates.add(u);
            }
        }
        if (candidates.isEmpty()) {
            return new Acquired(null, "no-upstream-left");
        }
        int start = (int) Math.floorMod(rotation.getAndIncrement(), (long) candidates.size());
        List<Upstream> rotated = new ArrayList<>(candidates.subList(start, candidates.size()));
        rotated.addAll(candidates.subList(0, start));
        rotated.sort(Comparator.comparingInt(Upstream::inFlight));
        boolean overloaded = false;
        for (Upstream u : rotated) {
            long resets = u.resets();
            switch (u.tryAcquire()) {
                case GRANTED -> {
                    return new Acquired(new Lease(u, resets), null);
                }
                case OVERLOADED -> overloaded = true;
                case CIRCUIT_OPEN -> { }
            }
        }
        return new Acquired(null, overloaded ? "overloaded" : "circuit-open");
    }

    /** Whether another upstream of the model than those in {@code exclude} could take a call now (without taking it). */
    boolean hasOther(ModelDefinition model, Set<URI> exclude) {
        for (Upstream u : of(model)) {
            if (!exclude.contains(u.baseUrl()) && u.breaker().getState() != CircuitBreaker.State.OPEN
                    && u.breaker().getState() != CircuitBreaker.State.FORCED_OPEN) {
                return true;
            }
        }
        return false;
    }

    private Upstream upstream(ModelDefinition model, URI url) {
        String key = model.id() + " " + (url == null ? "local" : url.toString());
        BreakerSettings settings = model.serving().breaker();
        Integer maxConcurrent = model.serving().maxConcurrent();
        Upstream existing = upstreams.get(key);
        if (existing != null && existing.sameSettings(settings, maxConcurrent)) {
            return existing;
        }
        return upstreams.compute(key, (k, current) -> {
            if (current != null && current.sameSettings(settings, maxConcurrent)) {
                return current;
            }
            String name = model.id() + "@" + Upstream.label(url);
            breakers.remove(name);
            CircuitBreaker breaker = breakers.circuitBreaker(name, breakerConfig(settings));
            Bulkhead bulkhead = maxConcurrent == null ? null : Bulkhead.of(name, BulkheadConfig.custom()
                    .maxConcurrentCalls(maxConcurrent).maxWaitDuration(Duration.ZERO).build());
            return new Upstream(model.id(), url, breaker, bulkhead, settings, maxConcurrent);
        });
    }

    private static CircuitBreakerConfig breakerConfig(BreakerSettings s) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.window())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRatePercent())
                .waitDurationInOpenState(s.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // no timer thread: the first call after openFor is the probe
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /**
     * One call's hold on an upstream; exactly one of {@link #succeeded}, {@link #failed} or {@link #released}. After a
     * {@link #resetHealth reset} that came while the call was in flight, none of them reaches the breaker.
     */
    public static final class Lease {
        private final Upstream upstream;
        private final long resets;
        private final long start = System.nanoTime();
        private boolean closed;

        Lease(Upstream upstream, long resets) {
            this.upstream = upstream;
            this.resets = resets;
        }

        /** Whether the upstream's health was reset since this call began. */
        private boolean outlived() {
            if (upstream.resets() == resets) {
                return false;
            }
            upstream.forgotten();
            return true;
        }

        public Upstream upstream() {
            return upstream;
        }

        long millis() {
            return (System.nanoTime() - start) / 1_000_000;
        }

        boolean closed() {
            return closed;
        }

        void succeeded() {
            if (!closed) {
                closed = true;
                if (!outlived()) {
                    upstream.succeeded(System.nanoTime() - start);
                }
            }
        }

        void failed(Throwable error) {
            if (!closed) {
                closed = true;
                if (!outlived()) {
                    upstream.failed(System.nanoTime() - start, error);
                }
            }
        }

        void released() {
            if (!closed) {
                closed = true;
                if (!outlived()) {
                    upstream.released();
                }
            }
        }
    }
}
