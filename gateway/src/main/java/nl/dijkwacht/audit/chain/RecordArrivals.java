package nl.dijkwacht.audit.chain;

/**
 * How fast records have been reaching a chain's writer over its recent batches, and so whether a wait for a fuller
 * group commit pays: it does while the records arriving at that rate would bring at least {@link #PAYS_FROM} more
 * within one wait. The rate is the records per batch over the time between batches, both weighted by
 * {@link #WEIGHT} per batch (so about the last dozen batches count); a gap longer than {@link #LONGEST_GAP_IN_WAITS}
 * waits counts as that long, so one pause does not outweigh the batches before it.
 *
 * <p>It replaces a rule on the last wait alone (a wait that brought one record ended the waiting): on one busy core at
 * c=64 a single wait often brings one record even while records arrive ~1 per ms, and that rule halved the group
 * commits' size there (12.07 → 6.83 records per commit: docs/history/benchmark-sessions.md, audit17). A slow model,
 * whose many requests in flight send few records, still ends the waiting after two or three batches.
 *
 * <p>Used by the writer thread only; the clock is the caller's ({@link System#nanoTime()} in the gateway).
 */
final class RecordArrivals {

    /** Records a wait must be expected to bring, beyond the one that may already be queued, for it to pay. */
    static final double PAYS_FROM = 1.0;
    /** The weight of each new batch in the running figures. */
    static final double WEIGHT = 1.0 / 8;
    /** Longer gaps between batches count as this many waits. */
    static final long LONGEST_GAP_IN_WAITS = 8;

    private final long waitNanos;
    private final long longestGap;
    /** Records per batch and nanoseconds between batches, exponentially weighted. */
    private double records;
    private double nanos;
    private long lastBatchAt;
    private boolean any;
    private volatile boolean waitPays;

    /**
     * Starts as if records had arrived twice as fast as needed, so a writer that meets load at once waits from its
     * first batch on, as before; batches far apart end that within two or three.
     *
     * @param waitNanos the longest wait for a fuller batch (positive)
     */
    RecordArrivals(long waitNanos) {
        if (waitNanos <= 0) {
            throw new IllegalArgumentException("waitNanos must be positive: " + waitNanos);
        }
        this.waitNanos = waitNanos;
        this.longestGap = LONGEST_GAP_IN_WAITS * waitNanos;
        this.records = 2 * PAYS_FROM;
        this.nanos = waitNanos;
        this.waitPays = true;
    }

    /** The writer took a batch of {@code count} records at {@code now} (nanoseconds, any fixed origin). */
    void batchTaken(int count, long now) {
        if (any) {
            long gap = Math.min(Math.max(0, now - lastBatchAt), longestGap);
            records += WEIGHT * (count - records);
            nanos += WEIGHT * (gap - nanos);
            waitPays = expectedPerWait() >= PAYS_FROM;
        }
        any = true;
        lastBatchAt = now;
    }

    /** Whether a wait is expected to bring at least {@link #PAYS_FROM} more records. */
    boolean waitPays() {
        return waitPays;
    }

    /** The records a wait is expected to bring at the recent rate. */
    double expectedPerWait() {
        return nanos <= 0 ? Double.MAX_VALUE : records * waitNanos / nanos;
    }
}
