package nl.dijkwacht.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The limit on requests whose key or token has not been accepted yet, per source address (limits.yaml
 * {@code unauthenticated.requests-per-minute}). A request takes an attempt before anything else; a caller that
 * authenticates gets it back at once, a failed one keeps it taken and is counted by {@link AuthFailureCounter}. Its
 * buckets are always in this process: checking a source must cost no round trip, and a flood spread over N
 * replicas gets at most N times the limit.
 */
public final class SourceGuard {

    private final BucketStore buckets;
    private final LongSupplier perMinute;
    private final AuthFailureCounter failures;
    /** The bucket configuration of the limit in force, built once per limit (not twice per request). */
    private volatile Configured configured;

    private record Configured(long limit, BucketConfiguration configuration) {
    }

    /** @param perMinute the limit in force (read per request, so a reloaded limits.yaml applies at once) */
    public SourceGuard(BucketStore buckets, LongSupplier perMinute, AuthFailureCounter failures) {
        this.buckets = buckets;
        this.perMinute = perMinute;
        this.failures = failures;
    }

    /** The answer for one request from {@code source}: admitted (the attempt is taken), or refused with a wait. */
    record Decision(boolean admitted, long limit, Duration retryAfter, Duration reset) {
    }

    Decision admit(String source) {
        long limit = perMinute.getAsLong();
        ConsumptionProbe probe = buckets.tryConsume(key(source, limit), 1, configuration(limit), 1);
        Duration reset = Duration.ofNanos(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit, null, reset);
        }
        failures.count(source, "rate-limited");
        return new Decision(false, limit, Duration.ofNanos(probe.getNanosToWaitForRefill()), reset);
    }

    /** The caller authenticated (or the route needs no authentication): its attempt comes back. */
    void giveBack(String source) {
        long limit = perMinute.getAsLong();
        buckets.giveBack(key(source, limit), 1, configuration(limit), 1);
    }

    /** The caller's key or token was refused: the attempt stays taken, the failure is counted. */
    void failed(String source, String reason) {
        failures.count(source, reason);
    }

    /** The limit is part of the key: a changed limit starts new buckets (the old ones expire within a minute). */
    private static String key(String source, long limit) {
        return "source:" + source + ':' + limit;
    }

    /** The configuration for {@code limit}: the one in hand, or a new one when the limit was changed by a reload. */
    BucketConfiguration configuration(long limit) {
        Configured current = configured;
        if (current == null || current.limit() != limit) {
            current = new Configured(limit, build(limit));
            configured = current;
        }
        return current.configuration();
    }

    private static BucketConfiguration build(long limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build();
    }
}
