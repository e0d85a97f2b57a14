package nl.dijkwacht.invoke;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.catalog.BreakerSettings;

/**
 * One server of one model (one base URL), with its own circuit breaker and, when the catalogue sets
 * {@code max-concurrent}, a bulkhead that bounds the calls it gets at once.
 */
public final class Upstream {

    private final String modelId;
    private final URI baseUrl;
    private final String label;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final BreakerSettings settings;
    private final Integer maxConcurrent;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong resets = new AtomicLong();

    Upstream(String modelId, URI baseUrl, CircuitBreaker breaker, Bulkhead bulkhead, BreakerSettings settings, Integer maxConcurrent) {
        this.modelId = modelId;
        this.baseUrl = baseUrl;
        this.label = label(baseUrl);
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.settings = settings;
        this.maxConcurrent = maxConcurrent;
    }

    /** {@code host:port/path}: names the server in route logs, audit records and health reports (no credentials). */
    static String label(URI baseUrl) {
        if (baseUrl == null) {
            return "local";
        }
        int port = baseUrl.getPort();
        return baseUrl.getHost() + (port < 0 ? "" : ":" + port) + (baseUrl.getPath() == null ? "" : baseUrl.getPath());
    }

    public String modelId() { return modelId; }
    public URI baseUrl() { return baseUrl; }
    public String label() { return label; }
    public CircuitBreaker breaker() { return breaker; }
    public int inFlight() { return inFlight.get(); }

    boolean sameSettings(BreakerSettings breakerSettings, Integer concurrent) {
        return settings.equals(breakerSettings) && java.util.Objects.equals(maxConcurrent, concurrent);
    }

    /** How often the health was reset: a call that began before the last reset has no say in the new history. */
    long resets() {
        return resets.get();
    }

    /** Closes the breaker and forgets its history, including the outcome of calls still in flight. */
    void resetHealth() {
        resets.incrementAndGet();
        breaker.reset();
    }

    /** Takes a place (bulkhead) and a breaker permission, or nothing. */
    Permit tryAcquire() {
        if (bulkhead != null && !bulkhead.tryAcquirePermission()) {
            return Permit.OVERLOADED;
        }
        if (!breaker.tryAcquirePermission()) {
            if (bulkhead != null) {
                bulkhead.onComplete();
            }
            return Permit.CIRCUIT_OPEN;
        }
        inFlight.incrementAndGet();
        return Permit.GRANTED;
    }

    enum Permit { GRANTED, OVERLOADED, CIRCUIT_OPEN }

    void succeeded(long nanos) {
        breaker.onSuccess(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        done();
    }

    void failed(long nanos, Throwable error) {
        breaker.onError(nanos, java.util.concurrent.TimeUnit.NANOSECONDS, error);
        done();
    }

    /** The call ended in a way that says nothing about the upstream's health (the tool left, a 4xx). */
    void released() {
        breaker.releasePermission();
        done();
    }

    /**
     * The call began before a {@link #resetHealth reset}: its outcome belongs to the history the reset forgot (its
     * breaker permission was of the state the reset replaced), so the breaker hears nothing; only its place is freed.
     */
    void forgotten() {
        done();
    }

    private void done() {
        inFlight.decrementAndGet();
        if (bulkhead != null) {
            bulkhead.onComplete();
        }
    }
}
