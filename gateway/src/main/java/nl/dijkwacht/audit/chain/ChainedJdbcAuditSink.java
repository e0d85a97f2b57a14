package nl.dijkwacht.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to one hash chain ({@code chainId}, one per gateway instance); {@link #append} returns only once
 * the record is committed.
 *
 * <p>Concurrency: one writer at a time owns the chain ({@code writing}). Request threads put their record on a queue
 * and wait; the writer thread takes everything that is waiting (up to {@value #MAX_BATCH}), links it in queue order,
 * writes it in ONE transaction (group commit) and then releases the waiting requests. So sequence numbers and
 * predecessor hashes are assigned by one writer at a time, and under load many requests share one commit. Only when
 * {@code alone} says the caller is the one request being served, nothing is queued and no batch is being written, the
 * caller writes its record itself (plus whatever arrived meanwhile): the same transaction, chain order and hook,
 * without the two thread wake-ups of the hand-off (c=1 latency). Under load {@code alone} is false, so every record
 * goes through the queue and group commit is kept (a caller writing alone whenever the queue happened to be empty
 * lost it at c=64: docs/benchmarks.md, session 23). Across processes the chain head row is
 * moved with compare-and-set ({@code WHERE last_seq = ?}) in the same transaction: if two gateways were
 * (mis)configured with the same chain id, the loser rolls back, re-reads the head and relinks — the chain never
 * forks. If a batch fails, its records are retried one by one, so one bad record fails only its own request.
 *
 * <p>Under load ({@code serving} at least {@link #busyFrom()} requests), the writer waits up to {@code groupCommitWait}
 * after each commit before it takes the next batch, so that one commit carries the records that arrive meanwhile instead
 * of one or two (the embedded store's commit is fast enough that without the wait its batches held ~2.4 records at
 * c=64: docs/history/benchmark-sessions.md, h2-14). A record is held at most that long beyond its own commit's work;
 * the wait ends early once every request being served has its record queued, and the writer stops waiting while its
 * waits bring no second record (a slow model: many requests in flight, few records). A lone request (c=1) never waits:
 * it writes its own record as above, and below {@link #busyFrom()} requests in flight the writer does not wait either.
 * Nor on PostgreSQL, once the first write has told which store it is (see {@code waitUnderLoad}).
 *
 * <p>{@code afterCommit} ({@link CommitHook}) runs once per committed batch, with the batch's linked records, before its
 * requests are released: on the embedded store it appends the batch to the store's journal ({@link AuditJournal}, the
 * durable copy while H2 keeps the commit in memory) or forces the file to disk (one fsync per group commit, see
 * {@code AuditStoreHousekeeping#commitHook}). If it fails, the batch's requests are refused; their records are
 * committed and stay in the chain.
 */
public final class ChainedJdbcAuditSink implements AuditSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChainedJdbcAuditSink.class);
    private static final String UPDATE_HEAD = """
            UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, chain_key_id = ?, head_mac = ?, updated_at = ?
            WHERE chain_id = ? AND last_seq = ?""";
    private static final String INSERT_CONTENT = """
            INSERT INTO audit_content (trace_id, occurred_at, expires_at, use_case, redacted_prompt, redacted_answer)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_HEAD = """
            INSERT INTO audit_chain_head (chain_id, last_seq, last_hash, chain_key_id, head_mac, updated_at)
            VALUES (?, 0, ?, ?, ?, ?)""";
    static final int MAX_BATCH = 256;
    private static final int ATTEMPTS = 50;
    private static final long WAIT_SECONDS = 30;

    private final DataSource dataSource;
    private final ChainCodec codec;
    private final AuditRows rows;
    private final String chainId;
    private final boolean rehearsal;
    private final CommitHook afterCommit;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final BooleanSupplier alone;
    private final IntSupplier serving;
    private final long waitNanos;
    private final int busyFrom = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** While the writer waits for a batch to fill: the queue size at which an arriving record wakes it early. */
    private volatile int wakeAt = Integer.MAX_VALUE;
    /** Written by the writer thread only; see {@link #learn}. */
    private volatile boolean worthWaiting = true;
    private final ReentrantLock writing = new ReentrantLock();
    private final LongAdder batchesByCaller = new LongAdder();
    private final LongAdder batchesByWriter = new LongAdder();
    private volatile boolean open = true;
    private volatile boolean failing;
    private volatile long lastProbeNanos;
    private volatile Boolean postgres; // the store's dialect, from the first connection
    private Head head; // only while holding writing; null = read it from the database

    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId) {
        this(dataSource, codec, rows, chainId, () -> { });
    }

    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, Runnable afterCommit) {
        this(dataSource, codec, rows, chainId, false, batch -> afterCommit.run(), () -> false, () -> 0, Duration.ZERO);
    }

    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, CommitHook afterCommit) {
        this(dataSource, codec, rows, chainId, false, afterCommit, () -> false, () -> 0, Duration.ZERO);
    }

    /**
     * @param alone true while the calling request is the only one being served: it may then write its own record
     *              instead of waking the writer thread (never under load, where group commit saves CPU)
     */
    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, CommitHook afterCommit,
                                BooleanSupplier alone) {
        this(dataSource, codec, rows, chainId, false, afterCommit, alone, () -> 0, Duration.ZERO);
    }

    /**
     * @param serving         the model requests being served right now
     * @param groupCommitWait how long the writer may wait for more records under load (zero: never)
     */
    public ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, CommitHook afterCommit,
                                BooleanSupplier alone, IntSupplier serving, Duration groupCommitWait) {
        this(dataSource, codec, rows, chainId, false, afterCommit, alone, serving, groupCommitWait);
    }

    /** What the writer does with each committed batch before it releases the batch's requests (one writer at a time). */
    @FunctionalInterface
    public interface CommitHook {
        /** @param batch the committed records in chain order; a failure refuses the batch's requests */
        void committed(List<Committed> batch);

        /**
         * @param lone true when a lone request wrote the batch on its own thread (c=1, or a member of staff after a
         *             pause): work that only has to happen now and then belongs in {@link #idle}, not on its answer
         */
        default void committed(List<Committed> batch, boolean lone) {
            committed(batch);
        }

        /**
         * Called by the writer thread, holding the chain, when nothing was queued for a while ({@value #IDLE_MILLIS}
         * ms): the place for periodic work that no request should wait for. A failure is logged, no request refused.
         */
        default void idle() {
        }

        /** How long the writer thread waits for a record before it calls {@link #idle}. */
        long IDLE_MILLIS = 500;
    }

    /** A committed record with its place in the chain and its retained content (or {@code null}). */
    public record Committed(AuditRows.ChainLink link, AuditRecord record, RetainedContent content) {
    }

    /**
     * A writer for the start-up warm-up's records: it links, hashes and writes them into the same tables exactly as
     * the chain's writer does, and then rolls the transaction back, so the database code is warm and nothing stays
     * (only an identity counter moves on; ids are not part of the chain). It holds the head row's lock for the
     * length of one transaction, as a second writer of the chain would.
     */
    public static ChainedJdbcAuditSink rehearsal(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId) {
        return new ChainedJdbcAuditSink(dataSource, codec, rows, chainId, true, batch -> { }, () -> false, () -> 0, Duration.ZERO);
    }

    private ChainedJdbcAuditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, String chainId, boolean rehearsal,
                                 CommitHook afterCommit, BooleanSupplier alone, IntSupplier serving, Duration groupCommitWait) {
        this.alone = alone;
        this.serving = serving;
        this.waitNanos = groupCommitWait.toNanos();
        this.dataSource = dataSource;
        this.codec = codec;
        this.rows = rows;
        this.chainId = chainId;
        this.rehearsal = rehearsal;
        this.afterCommit = afterCommit;
        this.writer = new Thread(this::writeLoop, (rehearsal ? "audit-rehearsal-" : "audit-writer-") + chainId);
        this.writer.setDaemon(true);
        this.writer.start();
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
        return batchesByWriter.sum();
    }

    /** Records waiting for the writer (a gauge: it grows when the store slows down). */
    public int queueDepth() {
        return queue.size();
    }

    private record Head(long seq, String hash) {
    }

    private record Pending(AuditRecord record, RetainedContent content, CompletableFuture<Void> done) {
    }

    static final class HeadMoved extends Exception {
        HeadMoved() {
            super(null, null, false, false);
        }
    }

    @Override
    public void append(AuditRecord record, RetainedContent content) {
        if (!open) {
            throw new IllegalStateException("audit writer is shut down");
        }
        Pending pending = new Pending(record, content, new CompletableFuture<>());
        // an interrupted caller would close the store's file channels mid-write: such a caller hands off
        if (queue.isEmpty() && alone.getAsBoolean() && !Thread.currentThread().isInterrupted() && writing.tryLock()) {
            try {
                List<Pending> batch = new ArrayList<>(4);
                batch.add(pending);
                queue.drainTo(batch, MAX_BATCH - 1);
                batchesByCaller.increment(); // before its requests are released, so they see it counted
                writeOrFail(batch, true);
            } finally {
                writing.unlock();
            }
        } else {
            queue.add(pending);
            if (queue.size() >= wakeAt) {
                LockSupport.unpark(writer);
            }
        }
        try {
            pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit store write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("audit store did not confirm the write within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit store", e);
        }
    }

    /** From how many requests in flight the writer waits for its batches to fill. */
    int busyFrom() {
        return busyFrom;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                boolean waited = waitUnderLoad();
                Pending first = queue.poll(CommitHook.IDLE_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    idle();
                    continue;
                }
                batch.add(first);
                writing.lock();
                try {
                    queue.drainTo(batch, MAX_BATCH - 1);
                    learn(waited, batch.size());
                    batchesByWriter.increment();
                    writeOrFail(batch, false);
                } finally {
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                if (!open) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("audit writer shut down"));
        }
    }

    /**
     * Under load, lets the next batch fill for up to {@code groupCommitWait}; returns at once when fewer than
     * {@link #busyFrom()} requests are being served or the last wait brought nothing, and early when every request
     * being served has its record queued.
     *
     * @return whether it waited
     */
    private boolean waitUnderLoad() {
        // PostgreSQL's round trip already gathers ~10 records per commit at c=64; the wait took its batches past the 16
        // that fit one statement (PostgresAppend) and cost its backends more (docs/history/benchmark-sessions.md, audit16)
        if (waitNanos <= 0 || !open || !worthWaiting || Boolean.TRUE.equals(postgres)) {
            return false;
        }
        int busy = serving.getAsInt();
        if (busy < busyFrom || queue.size() >= busy) {
            return false;
        }
        wakeAt = busy;
        if (queue.size() < busy) { // an arrival between the check and wakeAt being set would not have woken us
            LockSupport.parkNanos(this, waitNanos);
        }
        wakeAt = Integer.MAX_VALUE;
        return true;
    }

    /**
     * Many requests in flight need not mean many records: with a slow model most of them wait for its answer, and a
     * wait would only delay a lone record. So a wait that brought one record ends the waiting, and a batch that filled
     * without one (records arrived while the last was being written) starts it again.
     */
    private void learn(boolean waited, int taken) {
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

    /** The writer thread, with nothing queued: the commit hook's periodic work, holding the chain. */
    private void idle() {
        writing.lock();
        try {
            afterCommit.idle();
        } catch (RuntimeException e) {
            log.warn("audit writer: periodic work failed ({}); tried again when idle", e.getClass().getSimpleName());
        } finally {
            writing.unlock();
        }
    }

    /**
     * Holding {@code writing}: writes the batch; whatever goes wrong, every request of the batch is released.
     *
     * @param lone written by a lone request on its own thread (see {@link CommitHook#committed(List, boolean)})
     */
    private void writeOrFail(List<Pending> batch, boolean lone) {
        try {
            write(batch, lone);
        } catch (Throwable t) {
            log.error("audit writer error: {}", t.getClass().getSimpleName());
            batch.forEach(p -> p.done().completeExceptionally(t));
        }
    }

    private void write(List<Pending> batch, boolean lone) {
        List<Committed> committed;
        try {
            committed = writeWithRetry(batch);
        } catch (SQLException | RuntimeException e) {
            head = null;
            failing = true;
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            // isolate the failure: each record on its own
            for (Pending p : batch) {
                try {
                    afterCommit.committed(writeWithRetry(List.of(p)), lone);
                    p.done().complete(null);
                } catch (SQLException | RuntimeException single) {
                    head = null;
                    p.done().completeExceptionally(single);
                }
            }
            return;
        }
        try {
            afterCommit.committed(committed, lone);
        } catch (RuntimeException e) {
            // committed but not confirmed on disk: refuse these requests, never write the records again
            failing = true;
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        failing = false;
        batch.forEach(p -> p.done().complete(null));
    }

    private List<Committed> writeWithRetry(List<Pending> batch) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryWrite(batch);
            } catch (HeadMoved moved) {
                head = null;
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("chain " + chainId + " head kept moving; another writer uses this chain id");
                }
                if (attempt == 1) {
                    log.warn("audit chain {} was moved by another writer: give every gateway its own dijkwacht.audit.chain-id", chainId);
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 5 + attempt)); // back off
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private List<Committed> tryWrite(List<Pending> batch) throws SQLException, HeadMoved {
        try (Connection c = dataSource.getConnection()) {
            if (postgres == null) {
                postgres = PostgresAppend.isPostgres(c);
            }
            // PostgreSQL, up to 16 records: one statement, its own transaction (auto-commit); otherwise a transaction
            // of three statements
            boolean oneStatement = postgres && PostgresAppend.takes(batch.size());
            boolean autoCommit = oneStatement && !rehearsal;
            c.setAutoCommit(autoCommit);
            try {
                Head start = head != null ? head : loadHead(c);
                long seq = start.seq();
                String prev = start.hash();
                List<Committed> linked = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    seq++;
                    String hash = codec.recordHash(chainId, seq, prev, p.record());
                    linked.add(new Committed(new AuditRows.ChainLink(chainId, seq, prev, hash, codec.keyId()), p.record(), p.content()));
                    prev = hash;
                }
                if (oneStatement) {
                    PostgresAppend.store(c, codec, rows, chainId, start.seq(), linked);
                } else {
                    store(c, codec, rows, chainId, start.seq(), linked);
                }
                if (rehearsal) {
                    c.rollback();
                    head = null;
                } else {
                    if (!autoCommit) {
                        c.commit();
                    }
                    head = new Head(seq, prev);
                }
                return linked;
            } catch (SQLException | RuntimeException | HeadMoved e) {
                if (!autoCommit) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is broken; the pool drops it
                    }
                }
                throw e;
            }
        }
    }

    /**
     * Writes linked records of one chain after the head {@code expectedSeq} in the connection's transaction: moves
     * the head (compare-and-set), inserts the records and their retained content. The writer and the journal's
     * recovery ({@link JournalRecovery}) both write through here. The caller commits.
     */
    static void store(Connection c, ChainCodec codec, AuditRows rows, String chainId, long expectedSeq, List<Committed> linked)
            throws SQLException, HeadMoved {
        Committed last = linked.getLast();
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, last.link().seq());
            ps.setString(2, last.link().recordHash());
            ps.setString(3, codec.keyId());
            ps.setString(4, codec.headMac(chainId, last.link().seq(), last.link().recordHash()));
            ps.setObject(5, AuditRows.time(Instant.now()));
            ps.setString(6, chainId);
            ps.setLong(7, expectedSeq);
            if (ps.executeUpdate() != 1) {
                throw new HeadMoved();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
            for (Committed r : linked) {
                rows.bind(ps, r.link(), r.record());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (linked.stream().anyMatch(p -> p.content() != null)) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
                for (Committed p : linked) {
                    if (p.content() != null) {
                        AuditRecord r = p.record();
                        ps.setString(1, r.traceId());
                        ps.setObject(2, AuditRows.time(r.occurredAt()));
                        ps.setObject(3, AuditRows.time(p.content().expiresAt()));
                        ps.setString(4, r.useCase());
                        ps.setString(5, p.content().redactedPrompt());
                        ps.setString(6, p.content().redactedAnswer());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    private Head loadHead(Connection c) throws SQLException {
        Head found = readHead(c);
        if (found != null) {
            return found;
        }
        // a new chain: create its head (seq 0, genesis) in a transaction of its own
        try (Connection own = dataSource.getConnection()) {
            own.setAutoCommit(true);
            insertGenesisHead(own, codec, chainId);
        } catch (SQLException duplicate) {
            // created meanwhile by another writer: fine, read it below
        }
        found = readHead(c);
        if (found == null) {
            throw new SQLException("chain head for " + chainId + " could not be created");
        }
        return found;
    }

    /** A new chain's head row: sequence 0, the genesis hash, signed with the current key. */
    static void insertGenesisHead(Connection c, ChainCodec codec, String chainId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HEAD)) {
            ps.setString(1, chainId);
            ps.setString(2, ChainCodec.GENESIS);
            ps.setString(3, codec.keyId());
            ps.setString(4, codec.headMac(chainId, 0, ChainCodec.GENESIS));
            ps.setObject(5, AuditRows.time(Instant.now()));
            ps.executeUpdate();
        }
    }

    private Head readHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_id = ?")) {
            ps.setString(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /**
     * True unless the last write failed and a probe of both tables (at most every 500 ms) still fails. After a
     * failure the first successful probe lets requests through again.
     */
    @Override
    public boolean available() {
        if (!open) {
            return false;
        }
        if (!failing) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastProbeNanos < 500_000_000L) {
            return false;
        }
        lastProbeNanos = now;
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM audit_chain_head WHERE 1 = 0").close();
            st.executeQuery("SELECT COUNT(*) FROM audit_record WHERE 1 = 0").close();
            failing = false;
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Finishes what is queued, then stops the writer. */
    @Override
    public void close() {
        open = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            // a caller may still be writing its own batch: wait for it
            if (writing.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                writing.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
