package nl.dijkwacht.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
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

    /** Written out rather than as two streams with comparators: it runs for every request. */
    static Verdict of(List<Drawn> drawn, Instant now) {
        if (drawn.isEmpty()) {
            return NOTHING;
        }
        Drawn tightest = null;
        Drawn refused = null;
        for (Drawn d : drawn) {
            if (d.probe().isConsumed()) {
                if (tightest == null || tighter(d, tightest, now)) {
                    tightest = d;
                }
            } else if (refused == null || waitsLonger(d, refused, now)) {
                refused = d;
            }
        }
        return new Verdict(refused, refused != null ? refused : tightest);
    }

    /** Fewer tokens left; on a tie the later reset. The first of equals stays (as {@code Stream.min} keeps it). */
    private static boolean tighter(Drawn a, Drawn b, Instant now) {
        int left = Long.compare(a.probe().getRemainingTokens(), b.probe().getRemainingTokens());
        return left < 0 || left == 0 && a.untilReset(now).compareTo(b.untilReset(now)) > 0;
    }

    /** Never fits before fits later; then the longer wait. The first of equals stays (as {@code Stream.max} keeps it). */
    private static boolean waitsLonger(Drawn a, Drawn b, Instant now) {
        int never = Boolean.compare(a.charge().neverFits(), b.charge().neverFits());
        return never > 0 || never == 0 && untilFitsOrZero(a, now).compareTo(untilFitsOrZero(b, now)) > 0;
    }

    private static Duration untilFitsOrZero(Drawn d, Instant now) {
        Duration wait = d.untilFits(now);
        return wait == null ? Duration.ZERO : wait;
    }
}
