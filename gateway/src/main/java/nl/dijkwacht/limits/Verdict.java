package nl.dijkwacht.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The result of charging a request to its buckets: all taken, or none (then {@link #refused()} is the limit to
 * report: the one with the longest wait). {@link #tightest()} is the limit with the least left, which the
 * x-ratelimit-* headers describe.
 */
record Verdict(Drawn refused, Drawn tightest) {

    /** One bucket's answer. */
    record Drawn(Charge charge, ConsumptionProbe probe) {

        /** How long until this bucket is full again (x-ratelimit-reset-*). */
        Duration untilReset(Instant now) {
            return charge.periodEnd() != null ? Duration.between(now, charge.periodEnd())
                    : Duration.ofNanos(probe.getNanosToWaitForReset());
        }

        /** How long until the request would fit (Retry-After); {@code null} when it never will. */
        Duration untilFits(Instant now) {
            if (charge.neverFits()) {
                return null;
            }
            return charge.periodEnd() != null ? Duration.between(now, charge.periodEnd())
                    : Duration.ofNanos(probe.getNanosToWaitForRefill());
        }
    }

    static final Verdict NOTHING = new Verdict(null, null);

    boolean allowed() {
        return refused == null;
    }

    static Verdict of(List<Drawn> drawn, Instant now) {
        if (drawn.isEmpty()) {
            return NOTHING;
        }
        Drawn tightest = drawn.stream().filter(d -> d.probe().isConsumed())
                .min(Comparator.comparingLong((Drawn d) -> d.probe().getRemainingTokens())
                        .thenComparing(d -> d.untilReset(now), Comparator.reverseOrder()))
                .orElse(null);
        Drawn refused = drawn.stream().filter(d -> !d.probe().isConsumed())
                .max(Comparator.comparing((Drawn d) -> d.charge().neverFits())
                        .thenComparing(d -> d.untilFits(now) == null ? Duration.ZERO : d.untilFits(now)))
                .orElse(null);
        return new Verdict(refused, refused != null ? refused : tightest);
    }
}
