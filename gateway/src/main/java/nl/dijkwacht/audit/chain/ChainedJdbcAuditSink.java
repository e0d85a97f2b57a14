package nl.dijkwacht.audit.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;

/**
 * Appends records to one hash chain ({@code chainId}, one per gateway instance and tenant); {@link #append} returns
 * only once the record is committed.
 *
 * <p>Who writes: one writer at a time owns the chain ({@code writing}). Request threads put their record on a queue
 * and wait; the writer thread ({@link WriterThread}) takes everything that is waiting, links it in queue order, writes
 * it in ONE transaction (group commit: {@link BatchWriter}, {@link ChainAppender}) and then releases the waiting
 * requests. So sequence numbers and predecessor hashes are assigned by one writer at a time, and under load many
 * requests share one commit — more of them while the writer waits for fuller batches ({@link GroupCommitWait}). Only
 * when {@code alone} says the caller is the one request being served, nothing is queued and no batch is being written,
 * the caller writes its record itself (plus whatever arrived meanwhile): the same transaction, chain order and hook,
 * without the two thread wake-ups of the hand-off (c=1 latency). Under load {@code alone} is false, so every record
 * goes through the queue and group commit is kept (a caller writing alone whenever the queue happened to be empty
 * lost it at c=64: docs/benchmarks.md, session 23).
 *
 * <p>{@code afterCommit} ({@link CommitHook}) runs once per committed batch, with the batch's linked records, before its
 * requests are released.
 */
public final class ChainedJdbcAuditSink implements AuditSink, AutoCloseable {

    private static final long WAIT_SECONDS = 30;
    /** How long a request waits for its record's commit before it is refused (503): {@link ConfirmationWatch}. */
    static final Duration CONFIRM_WITHIN = Duration.ofSeconds(WAIT_SECONDS);

    private final String chainId;
    private final BooleanSupplier alone;
    private final BlockingQueue<PendingRecord> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final StoreAvailability availability;
    private final BatchWriter batches;
    private final GroupCommitWait pacing;
    private final WriterThread writer;
    private final ConfirmationWatch watch;
    private final LongAdder batchesByCaller = new LongAdder();

    private ChainedJdbcAuditSink(Builder b) {
        this.chainId = b.chainId;
        this.alone = b.alone;
        ChainAppender chain = new ChainAppender(b.dataSource, b.codec, b.rows, b.chainId, b.rehearsal);
        this.availability = new StoreAvailability(b.dataSource);
        this.watch = new ConfirmationWatch((b.rehearsal ? "audit-rehearsal-watch-" : "audit-watch-") + b.chainId,
                b.confirmWithin, queue);
        this.batches = new BatchWriter(chain, b.afterCommit, availability, watch);
        this.pacing = new GroupCommitWait(b.serving, b.groupCommitWait, chain::onPostgres, b.nanoClock);
        this.writer = new WriterThread((b.rehearsal ? "audit-rehearsal-" : "audit-writer-") + b.chainId, queue, writing,
                batches, b.afterCommit, pacing);
        writer.start();
        watch.start();
    }

    /** A writer of chain {@code chainId}, set up with the builder's methods and started with {@link Builder#start()}. */
    public static Builder builder(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId) {
        return new Builder(dataSource, codec, rows, chainId);
    }

    /** How a chain's writer is set up; by default: no commit hook, never alone, no wait for fuller batches. */
    public static final class Builder {

        private final DataSource dataSource;
        private final ChainCodec codec;
        private final AuditRows rows;
        private final String chainId;
        private CommitHook afterCommit = batch -> { };
        private BooleanSupplier alone = () -> false;
        private IntSupplier serving = () -> 0;
        private Duration groupCommitWait = Duration.ZERO;
        private LongSupplier nanoClock = System::nanoTime;
        private Duration confirmWithin = CONFIRM_WITHIN;
        private boolean rehearsal;

        private Builder(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId) {
            this.dataSource = dataSource;
            this.codec = codec;
            this.rows = rows;
            this.chainId = chainId;
        }

        /** What the writer does with each committed batch before it releases the batch's requests. */
        public Builder afterCommit(CommitHook hook) {
            this.afterCommit = hook;
            return this;
        }

        /**
         * @param alone true while the calling request is the only one being served: it may then write its own record
         *              instead of waking the writer thread (never under load, where group commit saves CPU)
         */
        public Builder alone(BooleanSupplier alone) {
            this.alone = alone;
            return this;
        }

        /**
         * @param serving the model requests in flight whose records go to this chain
         * @param wait    how long the writer may wait for more records under load (zero: never); see {@link GroupCommitWait}
         */
        public Builder groupCommitWait(IntSupplier serving, Duration wait) {
            this.serving = serving;
            this.groupCommitWait = wait;
            return this;
        }

        /** The clock the wait for fuller batches measures how fast records arrive by (tests: a clock of their own). */
        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** How long a request waits for its record before it is refused (tests: shorter than the 30 s). */
        Builder confirmWithin(Duration limit) {
            this.confirmWithin = limit;
            return this;
        }

        /**
         * A writer for the start-up warm-up's records: it links, hashes and writes them into the same tables exactly as
         * the chain's writer does, and then rolls the transaction back, so the database code is warm and nothing stays
         * (only an identity counter moves on; ids are not part of the chain). It holds the head row's lock for the
         * length of one transaction, as a second writer of the chain would.
         */
        public Builder rehearsal() {
            this.rehearsal = true;
            return this;
        }

        /** Starts the chain's writer thread. */
        public ChainedJdbcAuditSink start() {
            return new ChainedJdbcAuditSink(this);
        }
    }

    public String chainId() {
        return chainId;
    }

    /** Batches (transactions) written by a lone request on its own thread so far; see the class comment. */
    public long batchesByCaller() {
        return batchesByCaller.sum();
    }

    /** Batches (group commits) written by the writer thread so far. */
    public long batchesByWriter() {
        return writer.batchesWritten();
    }

    /** Waits of the writer thread for a fuller batch so far (see {@link GroupCommitWait}). */
    public long groupCommitWaits() {
        return writer.waits();
    }

    /** Records waiting for the writer (a gauge: it grows when the store slows down). */
    public int queueDepth() {
        return queue.size();
    }

    /** Whether the writer waits for fuller batches under load now (see {@link RecordArrivals}). */
    boolean waitsForFullerBatches() {
        return pacing.waitsForFullerBatches();
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        if (!writer.open()) {
            throw new IllegalStateException("audit writer is shut down");
        }
        PendingRecord pending = new PendingRecord(record, content);
        // an interrupted caller would close the store's file channels mid-write: such a caller hands off
        if (queue.isEmpty() && alone.getAsBoolean() && !Thread.currentThread().isInterrupted() && writing.tryLock()) {
            try {
                List<PendingRecord> batch = new ArrayList<>(4);
                batch.add(pending);
                queue.drainTo(batch, BatchWriter.MAX_BATCH - 1);
                batchesByCaller.increment(); // before its requests are released, so they see it counted
                batches.writeOrFail(batch, true);
            } finally {
                writing.unlock();
            }
        } else {
            writer.hand(pending);
        }
        try {
            // untimed: a timed wait on a virtual thread wakes the delay-scheduler thread twice; ConfirmationWatch
            // refuses a record the store has not confirmed within the limit
            pending.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException overdue) {
                throw new IllegalStateException(overdue.getMessage(), overdue);
            }
            throw new IllegalStateException("audit store write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit store", e);
        }
    }

    /**
     * True unless the writer is shut down, or the last write failed and a probe of both tables (at most every 500 ms)
     * still fails. After a failure the first successful probe lets requests through again.
     */
    @Override
    public boolean available() {
        return writer.open() && availability.available();
    }

    /** Finishes what is queued, then stops the writer. */
    @Override
    public void close() {
        try {
            writer.stop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            // a caller may still be writing its own batch: wait for it
            if (writing.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                writing.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watch.stop();
        }
    }
}
