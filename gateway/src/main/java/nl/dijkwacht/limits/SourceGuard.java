package nl.dijkwacht.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The limit on requests whose key or token has not been accepted yet, per source address (limits.yaml
 * {@code unauthenticated.requests-per-minute}). Its buckets are always in this process: checking a source must
 * cost no round trip, and a flood spread over N replicas gets at most N times the limit. Failures are counted by
 * {@link AuthFailureCounter}.
 */
public final class SourceGuard {

    private final BucketStore buckets;
    private final LongSupplier perMinute;
    private final AuthFailureCounter failures;

    /** @param perMinute the limit in force (read per request, so a reloaded limits.yaml applies at once) */
    public SourceGuard(BucketStore buckets, LongSupplier perMinute, AuthFailureCounter failures) {
        this.buckets = buckets;
        this.perMinute = perMinute;
        this.failures = failures;
    }

    /** The answer for one request from {@code source}: admitted (with the attempt taken), or refused with a wait. */
    record Decision(SourceAdmission admission, long limit, long remaining, Duration retryAfter, Duration reset) {
        boolean admitted() {
            return admission != null;
        }
    }

    Decision admit(String source) {
        long limit = perMinute.getAsLong();
        ConsumptionProbe probe = buckets.tryConsume(key(source, limit), 1, configuration(limit), 1).join();
        Duration reset = Duration.ofNanos(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(new SourceAdmission(this, source), limit, probe.getRemainingTokens(), null, reset);
        }
        failures.count(source, "rate-limited");
        return new Decision(null, limit, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()), reset);
    }

    void giveBack(SourceAdmission admission) {
        long limit = perMinute.getAsLong();
        buckets.giveBack(key(admission.source(), limit), 1, configuration(limit), 1).join();
    }

    void failed(SourceAdmission admission, String reason) {
        failures.count(admission.source(), reason);
    }

    /** The limit is part of the key: a changed limit starts new buckets (the old ones expire within a minute). */
    private static String key(String source, long limit) {
        return "source:" + source + ':' + limit;
    }

    private static BucketConfiguration configuration(long limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build();
    }
}
