package nl.dijkwacht.audit.chain;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The writer thread's wait for fuller group commits under load. With at least {@link #BUSY_FROM} requests in flight
 * whose records go to this chain, the writer waits up to {@code groupCommitWait} after each commit before it takes the
 * next batch, so that one commit carries the records that arrive meanwhile instead of one or two (the embedded store's
 * commit is fast enough that without the wait its batches held ~2.4 records at c=64: docs/history/benchmark-sessions.md,
 * h2-14). A record is held at most that long beyond its own commit's work. The wait ends early once every one of
 * those requests has its record queued, and the writer stops waiting while its waits bring no second record (see
 * {@link #learn}). Below {@link #BUSY_FROM} requests it does not wait, nor on PostgreSQL once the first write has told
 * which store it is; a lone request (c=1) never reaches the writer thread at all.
 */
final class GroupCommitWait {

    /** From how many requests in flight the writer waits for its batches to fill. */
    static final int BUSY_FROM = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final IntSupplier serving;
    private final long waitNanos;
    private final BooleanSupplier onPostgres;
    /** While the writer waits for a batch to fill: the queue size at which an arriving record wakes it early. */
    private volatile int wakeAt = Integer.MAX_VALUE;
    /** Written by the writer thread only; see {@link #learn}. */
    private volatile boolean worthWaiting = true;

    /**
     * @param serving    the model requests in flight whose records go to this chain
     * @param wait       how long the writer may wait for more records under load (zero: never)
     * @param onPostgres true once the store is known to be PostgreSQL
     */
    GroupCommitWait(IntSupplier serving, Duration wait, BooleanSupplier onPostgres) {
        this.serving = serving;
        this.waitNanos = wait.toNanos();
        this.onPostgres = onPostgres;
    }

    /**
     * Called by the writer thread before it takes a batch: under load, parks it for up to the wait; returns at once
     * when fewer than {@link #BUSY_FROM} requests are being served or the last wait brought nothing, and early when
     * every request being served has its record queued ({@link #wakes}).
     *
     * @return whether it waited
     */
    boolean await(Collection<?> queue) {
        // PostgreSQL's round trip already gathers ~10 records per commit at c=64; the wait took its batches past the 16
        // that fit one statement (PostgresAppend) and cost its backends more (docs/history/benchmark-sessions.md, audit16)
        if (waitNanos <= 0 || !worthWaiting || onPostgres.getAsBoolean()) {
            return false;
        }
        int busy = serving.getAsInt();
        if (busy < BUSY_FROM || queue.size() >= busy) {
            return false;
        }
        wakeAt = busy;
        if (queue.size() < busy) { // an arrival between the check and wakeAt being set would not have woken us
            LockSupport.parkNanos(this, waitNanos);
        }
        wakeAt = Integer.MAX_VALUE;
        return true;
    }

    /** Whether a record that makes the queue {@code queued} long ends the writer's wait (the caller unparks it). */
    boolean wakes(int queued) {
        return queued >= wakeAt;
    }

    /**
     * Many requests in flight need not mean many records: with a slow model most of them wait for its answer, and a
     * wait would only delay a lone record. So a wait that brought one record ends the waiting, and a batch that filled
     * without one (records arrived while the last was being written) starts it again.
     */
    void learn(boolean waited, int taken) {
        if (waited && taken == 1) {
            worthWaiting = false;
        } else if (!waited && taken > 1) {
            worthWaiting = true;
        }
    }

    /** Whether the writer waits for fuller batches under load now (see {@link #learn}). */
    boolean waitsForFullerBatches() {
        return worthWaiting;
    }
}
