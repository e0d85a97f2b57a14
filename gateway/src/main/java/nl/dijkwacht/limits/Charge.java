package nl.dijkwacht.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.time.Instant;
import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;

/**
 * What one request takes from one bucket: which limit (scope, member, kind, amount allowed), the bucket's key and
 * how many tokens. Token budgets are calendar periods: the key names the day or month, so a new period starts with
 * a new, full bucket at midnight (or on the first of the month) in the policy's time zone; {@code periodEnd} is then.
 */
record Charge(Scope scope, String subject, Kind kind, String key, long limit, long amount, Instant periodEnd) {

    /**
     * Requests per minute refill continuously (a token every 60/limit seconds). A calendar bucket refills only after
     * a period longer than any day (25 h with daylight saving) or month (31 days), which is after its key has
     * rolled over: within its period it only empties, and it expires once the period is over.
     */
    BucketConfiguration configuration() {
        Bandwidth bandwidth = refillsGreedily()
                ? Bandwidth.builder().capacity(limit).refillGreedy(limit, refillPeriod()).build()
                : Bandwidth.builder().capacity(limit).refillIntervally(limit, refillPeriod()).build();
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    /** The time in which the whole limit refills (see {@link #configuration()}). */
    Duration refillPeriod() {
        return switch (kind) {
            case REQUESTS_PER_MINUTE -> Duration.ofMinutes(1);
            case TOKENS_PER_DAY -> Duration.ofHours(25);
            case TOKENS_PER_MONTH -> Duration.ofDays(31);
        };
    }

    /** Continuously (a token every period/limit), or the whole limit at the end of each period. */
    boolean refillsGreedily() {
        return kind == Kind.REQUESTS_PER_MINUTE;
    }

    /** True when this request alone asks more than the whole limit: waiting will not help. */
    boolean neverFits() {
        return amount > limit;
    }
}
