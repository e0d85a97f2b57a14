package nl.dijkwacht.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file close to the size of the data it holds.
 *
 * <p>Why this exists: H2 (MVStore) never overwrites data in place; every commit is written as a new "chunk" holding
 * the changed pages of the table and of each index. With {@code WRITE_DELAY=0} (see {@link StoreDurability}: an
 * acknowledged request's record must survive a killed process) each commit is written at once — and H2 then also
 * stops its background thread, which is the one that normally compacts the file by copying the few live pages out
 * of mostly-dead chunks. Without it almost every chunk keeps a page or two alive (a leaf of the trace-id index, say)
 * and can never be freed: the file held ~27 KB per audit record, also after a clean shutdown.
 *
 * <p>This does that thread's housekeeping ourselves, on the embedded store only: every {@value #PERIOD_MILLIS} ms, when less than
 * {@value #TARGET_FILL}% of the chunks' space is live, it rewrites live pages into a new chunk
 * ({@link MVStore#compact(int, int)}), so the old chunks become dead and their space is reused — but no more than
 * {@value #REWRITE_SHARE} byte per byte H2 wrote since the previous rewrite (at most {@value #WRITE_LIMIT_BYTES} bytes
 * in a round), and not again before the previous rewrite is saved. {@code compact} uses the target only to decide
 * whether to run: it then rewrites any chunk with a dead page, old and empty ones first, up to the byte limit — also chunks that
 * are 90 % live. Called every round with a fixed 4 MB, the housekeeping rewrote up to 4 MB of live pages whenever the
 * fill rate dipped under the target (compact12, 400 records/s: 239 µs CPU, 108 KB of allocation and 5.2 KB written
 * to the file per record; with the credit 21 µs, 11 KB and 1.5 KB, the file 620 instead of 555 B per record, the fill
 * rate settling near 60 %; docs/history/benchmark-sessions.md, Session 28).
 * {@code RETENTION_TIME} (how long H2 keeps a dead chunk before reusing its space; default 45 s) is set to
 * {@value #RETENTION_MILLIS} by {@link StoreDurability}: at hundreds of commits a second even one second of dead
 * chunks is tens of megabytes. Durability is unchanged: commits are still written before
 * the request is answered; compaction only moves data that is already committed, in a commit of its own.
 *
 * <p>Gentle while a retention run removes records ({@link #gentleDuringPurge}): a purge writes much and fast, so the
 * credit let every round rewrite its full 4 MB, and those rewrites and the purge's commits took turns at the store
 * with the audit writer's — a request's append waited up to 0.7–0.95 s (p99 709 ms at 100,000 records, 165–235 ms
 * without the rewrites; docs/history/benchmark-sessions.md, Session 45, audit45). While held, and afterwards until
 * the credit is back under {@value #WRITE_LIMIT_BYTES} bytes, a round rewrites at most {@value #GENTLE_LIMIT_BYTES}
 * bytes and the rest of the credit the purge's writes earn is kept (up to {@value #CREDIT_LIMIT_BYTES} bytes), so the
 * file is brought down in small steps instead of in none (without any rewrites it kept 233 MB instead of 54 MB) or in
 * 4 MB ones. Held without any rewrite, the file grew to 231 MB during the purge and the catch-up afterwards in 4 MB
 * rounds held the writer up to 0.7 s (audit46).
 *
 * <p>No compaction on close ({@code MAX_COMPACT_TIME=0} in the default URL turns off H2's compaction on close;
 * {@code AUTO_COMPACT_FILL_RATE=0} turns off its background compaction, see ADR 0010 and h2store50): cut short by a
 * time limit, {@link MVStore#compactFile} leaves the closed file larger than the open one (it first moves chunks towards
 * the end of the file), so the file is closed as the housekeeping keeps it while open (docs/benchmarks.md, "Session 21").
 */
public final class EmbeddedStoreCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);
    static final int TARGET_FILL = 80;
    static final int WRITE_LIMIT_BYTES = 4 * 1024 * 1024;
    static final int RETENTION_MILLIS = 0;
    static final int PERIOD_MILLIS = 100;
    /** Bytes of live pages a round may rewrite per byte H2 wrote to the file since the previous round. */
    static final double REWRITE_SHARE = 0.5;
    /** Bytes a round may rewrite while held and until the credit kept meanwhile is spent. */
    static final int GENTLE_LIMIT_BYTES = 256 * 1024;
    /** Credit kept while held (what a purge writing 512 MB earns), spent in gentle rounds after it. */
    static final long CREDIT_LIMIT_BYTES = 256L * 1024 * 1024;

    private final MVStore store;
    private final ScheduledExecutorService timer;
    private volatile boolean writesDeferred;
    private final java.util.concurrent.atomic.AtomicInteger holds = new java.util.concurrent.atomic.AtomicInteger();
    // the compaction thread's own state
    private long writtenAtLastRound = -1;
    private long rewriteCredit;
    private long versionOfLastRewrite = -1;
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failedRounds = new java.util.concurrent.atomic.AtomicLong();
    /** Runs first in every timer round (a test's round that fails; nothing in the gateway). */
    private final Runnable beforeRound;

    /** @param period null: no rounds of its own (a test runs {@link #compactRound} itself) */
    private EmbeddedStoreCompaction(MVStore store, Duration period, Runnable beforeRound) {
        this.store = store;
        this.beforeRound = beforeRound;
        if (period == null) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-store-compaction");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, period.toMillis());
        timer.scheduleWithFixedDelay(this::compact, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts the housekeeping for an embedded H2 file store; empty for every other database (PostgreSQL, H2 in memory or over TCP). */
    public static Optional<EmbeddedStoreCompaction> start(DataSource dataSource) {
        return start(dataSource, Duration.ofMillis(PERIOD_MILLIS));
    }

    /**
     * @param period how often the file is compacted ({@code dijkwacht.audit.embedded-store-compaction-period}; each
     *               round is a short burst of work that can land on a request: a c=1 p99 suspect, docs/benchmarks.md)
     */
    public static Optional<EmbeddedStoreCompaction> start(DataSource dataSource, Duration period) {
        return of(dataSource, period, () -> { });
    }

    /** The housekeeping without its timer: rounds run when the caller runs {@link #compactRound} (tests). */
    static Optional<EmbeddedStoreCompaction> unscheduled(DataSource dataSource) {
        return of(dataSource, null, () -> { });
    }

    /** The housekeeping with its timer, {@code beforeRound} run first in every round (a test's failing round). */
    static Optional<EmbeddedStoreCompaction> scheduled(DataSource dataSource, Duration period, Runnable beforeRound) {
        return of(dataSource, period, beforeRound);
    }

    private static Optional<EmbeddedStoreCompaction> of(DataSource dataSource, Duration period, Runnable beforeRound) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product == null || !product.toUpperCase(Locale.ROOT).contains("H2") || !c.isWrapperFor(JdbcConnection.class)) {
                return Optional.empty();
            }
            if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty(); // H2 over TCP: the server does its own housekeeping
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.getFileStore() == null || store.getFileStore().isReadOnly()) {
                return Optional.empty(); // in memory
            }
            return Optional.of(new EmbeddedStoreCompaction(store, period, beforeRound));
        } catch (SQLException | RuntimeException e) {
            log.warn("embedded audit store: file compaction not started ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Forces what the store has written to the disk (fsync). A commit with {@code WRITE_DELAY=0} is in the operating
     * system's page cache when it returns: safe from a killed process, not from a power loss or an OS crash.
     */
    public void sync() {
        store.getFileStore().sync();
    }

    /**
     * Journal mode (ADR 0010): a commit no longer writes a chunk; H2 keeps committed transactions in memory until
     * {@link #flush} (the audit journal's cut, about once a second, and {@link DurableCommits} after every other
     * write) or until its unsaved memory runs high. H2's own background writer stays off ({@code -1}, unlike a
     * positive {@code WRITE_DELAY}), so every store runs synchronously in the thread that asks for it: when
     * {@link #flush} returns, everything committed before it is in the file.
     *
     * <p>H2 runs a URL's settings as {@code SET} statements for every new session, so a connection opened with
     * {@code WRITE_DELAY} in its URL (the pool filling up, or replacing a connection after its lifetime) sets the whole
     * database back to writing every commit: safe, but journal mode's saving is gone. The gateway takes the setting out
     * of the pool's URL in journal mode ({@link DurableCommits#withoutWriteDelay}); should something set it back all
     * the same, the next {@link #flush} (at most a second later) defers again.
     */
    public void deferWrites() {
        writesDeferred = true;
        store.setAutoCommitDelay(-1);
    }

    /** True while H2 keeps commits in memory (journal mode) rather than writing each one. */
    public boolean writesDeferred() {
        return store.getAutoCommitDelay() < 0;
    }

    /** Writes what is committed to the file now (and forces it to the disk when {@code sync}). */
    public void flush(boolean sync) {
        if (writesDeferred && store.getAutoCommitDelay() >= 0) {
            log.warn("embedded audit store: a new connection set H2's WRITE_DELAY; writes deferred again (journal mode)");
            store.setAutoCommitDelay(-1);
        }
        store.commit();
        if (sync) {
            store.sync();
        }
    }

    /** The H2 file without its {@code .mv.db} suffix: where the audit journals live. */
    public java.nio.file.Path fileBase() {
        String name = store.getFileStore().getFileName();
        return java.nio.file.Path.of(name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name);
    }

    /**
     * Small rewrites until the returned handle is closed and the credit earned meanwhile is spent (a retention run: see
     * the class comment); handles may overlap. Closing a handle twice releases it once.
     */
    public GentleRounds gentleDuringPurge() {
        holds.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false)) {
                holds.decrementAndGet();
            }
        };
    }

    /** Open while a purge runs; its close throws nothing. */
    @FunctionalInterface
    public interface GentleRounds extends AutoCloseable {
        @Override
        void close();
    }

    /** Live share of the chunks' space, in percent (a gauge; 100 = nothing to reclaim). */
    public int chunksFillRate() {
        return store.isClosed() ? 100 : store.getFileStore().getChunksFillRate();
    }

    /**
     * The timer's round. Nothing may leave it: a scheduled executor runs a task that threw never again, so an
     * {@link Error} (h2store49: an {@code AssertionError} of H2's own checks, a {@code StackOverflowError}, an
     * {@code OutOfMemoryError} that passed) used to end the rounds for the rest of the process without a word, and
     * the file then grew by every commit's chunk (~27 KB per record). Now it is logged (its class only: H2's messages
     * name pages and chunks, never data, but the class is what an operator needs) and counted
     * ({@link #failedRounds}), and the next round tries again.
     */
    private void compact() {
        try {
            beforeRound.run();
            if (!store.isClosed()) {
                compactRound();
            }
        } catch (RuntimeException e) {
            // the store is closing or busy; the next round tries again
            failedRounds.incrementAndGet();
            log.debug("embedded audit store compaction skipped: {}", e.getClass().getSimpleName());
        } catch (Error e) {
            failedRounds.incrementAndGet();
            log.error("embedded audit store compaction round failed ({}); the next round tries again", e.getClass().getName());
        } finally {
            rounds.incrementAndGet();
        }
    }

    /** Rounds the timer ran, failed ones included. */
    long rounds() {
        return rounds.get();
    }

    /**
     * Rounds that ended in an exception or an error (a metric, {@code dijkwacht.audit.embedded.compaction.failed}): a
     * few while the store closes are expected; a count that keeps rising means the file is not being kept small.
     */
    public long failedRounds() {
        return failedRounds.get();
    }

    /**
     * One round: rewrite live pages only (1) after the previous round's rewrite has been saved — until H2 writes its
     * next chunk (in journal mode about once a second) the old chunks still count their moved pages as live, and a
     * round in between would pick them again only to find the pages moved — and (2) within the credit:
     * {@value #REWRITE_SHARE} byte per byte H2 wrote to the file since the previous round, at most {@value #WRITE_LIMIT_BYTES}
     * bytes (the limit is the sum of the chosen chunks' live bytes). The credit, not (1), is what bounds the cost: with
     * the wait alone the compaction took as much CPU as before (docs/history/benchmark-sessions.md, Session 28).
     * While held (a retention run) and until what it earned is spent, rounds are gentle (see the class comment).
     *
     * @return the bytes of live pages this round was allowed to rewrite and H2 rewrote, 0 when it rewrote nothing
     */
    long compactRound() {
        long written = fileBytesWritten();
        long earned = writtenAtLastRound >= 0 && written > writtenAtLastRound ? (long) ((written - writtenAtLastRound) * REWRITE_SHARE) : 0;
        writtenAtLastRound = written;
        boolean held = holds.get() > 0;
        long cap = held ? CREDIT_LIMIT_BYTES : Math.max(WRITE_LIMIT_BYTES, rewriteCredit);
        rewriteCredit = Math.min(cap, rewriteCredit + earned);
        if (store.getCurrentVersion() <= versionOfLastRewrite || rewriteCredit <= 0) {
            return 0;
        }
        long limit = held || rewriteCredit > WRITE_LIMIT_BYTES ? Math.min(rewriteCredit, GENTLE_LIMIT_BYTES) : rewriteCredit;
        long version = store.getCurrentVersion();
        if (store.compact(TARGET_FILL, (int) limit)) {
            versionOfLastRewrite = version;
            rewriteCredit -= limit;
            return limit;
        }
        if (!held) {
            rewriteCredit = Math.min(rewriteCredit, WRITE_LIMIT_BYTES); // nothing left to bring down: rounds as usual
        }
        return 0;
    }

    /** Bytes of rewrites earned and not yet spent (the compaction thread's state; for tests). */
    long rewriteCredit() {
        return rewriteCredit;
    }

    private long fileBytesWritten() {
        long[] bytes = {0};
        store.getFileStore().populateInfo((key, value) -> {
            if (key.equals("info.FILE_WRITE_BYTES")) {
                bytes[0] = Long.parseLong(value);
            }
        });
        return bytes[0];
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
