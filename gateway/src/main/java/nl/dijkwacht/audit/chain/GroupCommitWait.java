package nl.dijkwacht.audit.chain;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The writer thread's wait for fuller group commits under load. With at least {@link #BUSY_FROM} requests in flight
 * whose records go to this chain, the writer waits up to {@code groupCommitWait} after each commit before it takes the
 * next batch, so that one commit carries the records that arrive meanwhile instead of one or two (the embedded store's
 * commit is fast enough that without the wait its batches held ~2.4 records at c=64: docs/history/benchmark-sessions.md,
 * h2-14). A record is held at most that long beyond its own commit's work. The wait ends early once every one of
 * those requests has its record queued — on PostgreSQL already once a batch fills one statement
 * ({@value PostgresAppend#RECORDS_UP_TO} records, {@link PostgresAppend}) —, and the writer waits only while records have
 * recently been arriving fast enough for a wait to bring at least one more ({@link RecordArrivals}). Below
 * {@link #BUSY_FROM} requests it does not wait; a lone request (c=1) never reaches the writer thread at all.
 *
 * <p>PostgreSQL's round trip gathers records by itself while the gateway's cores are busy (JSON at c=64: 12 records per
 * commit), but not while they have time to spare: streamed answers, whose requests park on the model's events, reached
 * it 3.9 to a commit, each commit a round trip and a WAL flush of the database (docs/history/benchmark-sessions.md,
 * "Session 47 — quiet window", audit48). Its wait stops at one statement's records, which is where an unbounded wait
 * took the JSON batches past that statement before (audit16).
 */
final class GroupCommitWait {

    /** From how many requests in flight the writer waits for its batches to fill. */
    static final int BUSY_FROM = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final IntSupplier serving;
    private final long waitNanos;
    private final BooleanSupplier onPostgres;
    private final LongSupplier nanoClock;
    /** Null when the writer never waits. Used by the writer thread only. */
    private final RecordArrivals arrivals;
    private final LongAdder waits = new LongAdder();
    /** While the writer waits for a batch to fill: the queue size at which an arriving record wakes it early. */
    private volatile int wakeAt = Integer.MAX_VALUE;

    /**
     * @param serving    the model requests in flight whose records go to this chain
     * @param wait       how long the writer may wait for more records under load (zero: never)
     * @param onPostgres true once the store is known to be PostgreSQL
     * @param nanoClock  when batches are taken ({@link System#nanoTime()}; a test's own clock)
     */
    GroupCommitWait(IntSupplier serving, Duration wait, BooleanSupplier onPostgres, LongSupplier nanoClock) {
        this.serving = serving;
        this.waitNanos = wait.toNanos();
        this.onPostgres = onPostgres;
        this.nanoClock = nanoClock;
        this.arrivals = waitNanos > 0 ? new RecordArrivals(waitNanos) : null;
    }

    /**
     * Called by the writer thread before it takes a batch: under load, parks it for up to the wait; returns at once
     * when fewer than {@link #BUSY_FROM} requests are being served or records have not been arriving fast enough for
     * a wait to pay ({@link RecordArrivals}), and early when every request being served has its record queued, on
     * PostgreSQL when one statement's records are ({@link #wakes}).
     */
    void await(Collection<?> queue) {
        if (arrivals == null || !arrivals.waitPays()) {
            return;
        }
        int busy = serving.getAsInt();
        if (busy < BUSY_FROM) {
            return;
        }
        // PostgreSQL: no further than one statement's records; a wait past them cost its backends more (audit16)
        int enough = onPostgres.getAsBoolean() ? Math.min(busy, PostgresAppend.RECORDS_UP_TO) : busy;
        if (queue.size() >= enough) {
            return;
        }
        wakeAt = enough;
        waits.increment();
        if (queue.size() < enough) { // an arrival between the check and wakeAt being set would not have woken us
            LockSupport.parkNanos(this, waitNanos);
        }
        wakeAt = Integer.MAX_VALUE;
    }

    /** Whether a record that makes the queue {@code queued} long ends the writer's wait (the caller unparks it). */
    boolean wakes(int queued) {
        return queued >= wakeAt;
    }

    /** Called by the writer thread with each batch it takes (waited for or not): what the next waits are decided on. */
    void batchTaken(int count) {
        if (arrivals != null) {
            arrivals.batchTaken(count, nanoClock.getAsLong());
        }
    }

    /** Whether the writer waits for fuller batches under load now (see {@link RecordArrivals}). */
    boolean waitsForFullerBatches() {
        return arrivals != null && arrivals.waitPays();
    }

    /** Waits for a fuller batch taken so far (each ended by time, by the batch filling, or by closing). */
    long waits() {
        return waits.sum();
    }
}
