package nl.dijkwacht.invoke;

import java.time.Duration;

/** The moment by which a request's answer must have begun, across retries and fallbacks. */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    public Duration budget() {
        return budget;
    }

    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return System.nanoTime() >= endNanos;
    }

    /** {@code timeout}, or less when less is left. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return timeout.compareTo(left) <= 0 ? timeout : left;
    }
}
