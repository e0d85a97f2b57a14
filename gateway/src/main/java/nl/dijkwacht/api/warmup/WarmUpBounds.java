package nl.dijkwacht.api.warmup;

import java.time.Duration;

/**
 * How long the warm-up may take.
 *
 * @param requests    at most this many made-up requests ({@code dijkwacht.warm-up.requests})
 * @param maxTime     at most this long ({@code .max-time})
 * @param readyWithin and no longer than until this long after the JVM started (the start-up's budget; zero: no such
 *                    bound; {@code .ready-within}), but never shorter than {@code minTime}
 * @param minTime     the warm-up's least time: also when the start-up before it took longer than {@code readyWithin},
 *                    and before {@code untilSteady} may end it ({@code .min-time})
 * @param untilSteady end the requests early once the JIT compiler has been quiet for a second while they ran: the
 *                    request path is compiled (sooner with a trained AOT cache), more requests would change nothing
 *                    ({@code .until-steady}; {@link JitSettling})
 */
record WarmUpBounds(int requests, Duration maxTime, Duration readyWithin, Duration minTime, boolean untilSteady) {

    /** Nanoseconds the warm-up may run when it starts {@code uptime} after the JVM started. */
    long budgetNanos(Duration uptime) {
        long budget = maxTime.toNanos();
        if (readyWithin.isPositive()) {
            budget = Math.min(budget, Math.max(minTime.toNanos(), readyWithin.minus(uptime).toNanos()));
        }
        return Math.max(0, budget);
    }
}
