package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.AuditJournal;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.JournalClock;
import nl.dijkwacht.audit.chain.JournalRecovery;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.DurableCommits;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import org.junit.jupiter.api.Test;

/**
 * Journal mode of the embedded store (ADR 0010): H2 keeps committed batches in memory and writes them about once a
 * second, the journal holds every acknowledged batch meanwhile. Here the real H2 file is closed without writing
 * ({@code SHUTDOWN IMMEDIATELY}: what H2 has on disk after a killed process) between the journal append and H2's
 * write; at the next start the recovery puts every acknowledged record back and the chain verifies.
 */
class JournalRecoveryTest {

    private static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final AuditRows ROWS = new AuditRows(new ObjectMapper());

    @Test
    void recordsOnlyInTheJournalAreRestoredAfterAKill() throws Exception {
        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(withoutTimer(db), true);
            JournalClock clock = new JournalClock();
            AuditJournal journal = clock.journal(AuditJournal.fileFor(base, "main"), () -> housekeeping.flush(false));
            AuditJournal tenant = clock.journal(AuditJournal.fileFor(base, "main@gemeente-b"), () -> housekeeping.flush(false));
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "main")
                    .afterCommit(journal).start();
            ChainedJdbcAuditSink other = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "main@gemeente-b")
                    .afterCommit(tenant).start();
            append(sink, 300, 8, 0, acknowledged);
            clock.passTheCutInterval(); // the next batch (or the idle writer) cuts the journal: H2 writes, the journal empties
            append(sink, 300, 8, 300, acknowledged);
            append(other, 50, 1, 600, acknowledged);
            long n = 650;
            // one more while the last batch happened to cut, or H2 wrote it all the same (its unsaved-memory limit)
            while ((Files.size(AuditJournal.fileFor(base, "main")) == 0 || !mvStore(db).hasUnsavedChanges()) && n < 2_000) {
                append(sink, 1, 1, n++, acknowledged);
            }
            killStore(db); // as a kill leaves the file: nothing more written
            sink.close();
            other.close();
            housekeeping.close(); // the compaction's timer; the journals stay as the killed process left them
        }
        int total = acknowledged.size();
        long inFileBefore;
        try (AuditDb reopened = AuditDb.h2File(base)) {
            inFileBefore = count(reopened, "SELECT COUNT(*) FROM audit_record");
            assertThat(inFileBefore).as("some acknowledged records are only in the journals").isLessThan(total);
            // a batch cut short by the kill (never acknowledged) ends the journal
            Files.write(AuditJournal.fileFor(base, "main"), new byte[] {0, 0, 1, 0, 1, 2, 3}, StandardOpenOption.APPEND);

            int restored = JournalRecovery.recover(reopened.dataSource(), CODEC, ROWS, AuditJournal.filesOf(base));

            assertThat(restored).isEqualTo(total - inFileBefore);
            assertThat(count(reopened, "SELECT COUNT(*) FROM audit_record")).isEqualTo(total);
            assertThat(count(reopened, "SELECT COUNT(DISTINCT trace_id) FROM audit_record")).isEqualTo(total);
            assertThat(new ChainVerifier(reopened.dataSource(), CODEC, ROWS).verifyAll()).hasSize(2).allMatch(r -> r.ok());
            assertThat(JournalRecovery.recover(reopened.dataSource(), CODEC, ROWS, AuditJournal.filesOf(base)))
                    .as("a second recovery finds nothing missing").isZero();
        }
        try (AuditDb again = AuditDb.h2File(base)) {
            try (Connection c = again.dataSource().getConnection();
                 var rs = c.createStatement().executeQuery("SELECT trace_id FROM audit_record")) {
                while (rs.next()) {
                    acknowledged.remove(rs.getString(1));
                }
            }
        }
        assertThat(acknowledged).as("every acknowledged record is in the store").isEmpty();
    }

    @Test
    void aJournalThatDoesNotContinueTheStoredChainStopsTheStart() throws Exception {
        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(withoutTimer(db), true);
            // no timed cut: the test writes H2's state itself
            AuditJournal journal = new JournalClock().journal(AuditJournal.fileFor(base, "main"), () -> housekeeping.flush(false));
            ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "main")
                    .afterCommit(journal).start();
            append(sink, 10, 1, 0, ConcurrentHashMap.newKeySet());
            housekeeping.flush(false); // the chain's head and first records in the file
            append(sink, 10, 1, 10, ConcurrentHashMap.newKeySet());
            for (long n = 20; Files.size(AuditJournal.fileFor(base, "main")) == 0; n++) {
                append(sink, 1, 1, n, ConcurrentHashMap.newKeySet());
            }
            killStore(db);
            sink.close();
            housekeeping.close();
        }
        try (AuditDb reopened = AuditDb.h2File(base)) {
            long stored = count(reopened, "SELECT COUNT(*) FROM audit_record");
            try (Connection c = reopened.dataSource().getConnection()) { // the stored chain moved on without the journal
                c.createStatement().execute("UPDATE audit_chain_head SET last_hash = '" + "ab".repeat(32) + "' WHERE chain_id = 'main'");
            }
            assertThat(stored).isGreaterThanOrEqualTo(10);
            assertThatThrownBy(() -> JournalRecovery.recover(reopened.dataSource(), CODEC, ROWS, AuditJournal.filesOf(base)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not continue");
            assertThat(count(reopened, "SELECT COUNT(*) FROM audit_record")).isEqualTo(stored);
        }
    }

    @Test
    void aCleanCloseLeavesNothingToRecover() throws Exception {
        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(db.dataSource()), true)) {
                AuditJournal journal = new AuditJournal(AuditJournal.fileFor(base, "main"), false, () -> housekeeping.flush(false));
                housekeeping.closeLater(journal);
                ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "main")
                        .afterCommit(journal).start();
                append(sink, 100, 4, 0, ConcurrentHashMap.newKeySet());
                sink.close();
            }
            assertThat(Files.size(AuditJournal.fileFor(base, "main"))).as("cut on close").isZero();
        }
        try (AuditDb reopened = AuditDb.h2File(base)) {
            assertThat(count(reopened, "SELECT COUNT(*) FROM audit_record")).isEqualTo(100);
            assertThat(JournalRecovery.recover(reopened.dataSource(), CODEC, ROWS, AuditJournal.filesOf(base))).isZero();
        }
    }

    @Test
    void everyOtherWriteIsInTheFileWhenItsCommitReturns() throws Exception {
        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(withoutTimer(db), true);
            javax.sql.DataSource app = DurableCommits.wrap(db.dataSource()); // as the gateway's other writers see it
            assertThat(DurableCommits.raw(app)).isSameAs(db.dataSource());
            String insert = "INSERT INTO policy_suspension (tenant, kind, target_id, suspended_by, suspended_at, reason)"
                    + " VALUES ('default', 'tool', ?, 'beheerder', CURRENT_TIMESTAMP, NULL)";
            new org.springframework.jdbc.core.JdbcTemplate(app).update(insert, "auto-commit");
            try (Connection c = app.getConnection(); var ps = c.prepareStatement(insert)) {
                c.setAutoCommit(false);
                ps.setString(1, "transaction");
                ps.executeUpdate();
                c.commit();
            }
            assertThat(mvStore(db).hasUnsavedChanges()).as("written at their commits").isFalse();
            try (Connection c = db.dataSource().getConnection(); var ps = c.prepareStatement(insert)) {
                ps.setString(1, "unwrapped"); // the audit writers' way: left in memory, the journal covers them
                ps.executeUpdate();
            }
            assertThat(mvStore(db).hasUnsavedChanges()).as("left in memory").isTrue();
            killStore(db);
            housekeeping.close();
        }
        try (AuditDb reopened = AuditDb.h2File(base);
             Connection c = reopened.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT target_id FROM policy_suspension ORDER BY target_id")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            assertThat(ids).containsExactly("auto-commit", "transaction");
        }
    }

    @Test
    void connectionsThePoolOpensLaterLeaveJournalModeOn() throws Exception {
        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            var compaction = withoutTimer(db);
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(compaction, true);
            replaceEveryConnection(db); // as the pool does after a connection's lifetime
            assertThat(compaction.orElseThrow().writesDeferred()).isTrue();
            housekeeping.close();
        }
    }

    @Test
    void aWriteDelayInThePoolsUrlIsTakenOutAndTheNextFlushDefersAgain() throws Exception {
        assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:file:./data/a;DB_CLOSE_ON_EXIT=FALSE;write_delay = 0;COMPRESS=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/a;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE");
        assertThat(DurableCommits.withoutWriteDelay("jdbc:h2:file:./data/a;WRITE_DELAY=500")).isEqualTo("jdbc:h2:file:./data/a");

        Path base = Files.createTempDirectory("dw-journal").resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base, ";WRITE_DELAY=0")) { // a pool whose URL keeps the setting
            StoreDurability.ensure(db.dataSource());
            var compaction = withoutTimer(db);
            AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(compaction, true);
            replaceEveryConnection(db); // each new session runs SET WRITE_DELAY 0
            assertThat(compaction.orElseThrow().writesDeferred()).as("ended by a new session").isFalse();
            housekeeping.flush(false); // what the journal's next cut runs
            assertThat(compaction.orElseThrow().writesDeferred()).isTrue();
            housekeeping.close();
        }
    }

    /**
     * Has the pool replace all its connections while one session stays open (with none, H2 closes the database), so
     * every session after this is one the pool opened later.
     */
    private static void replaceEveryConnection(AuditDb db) throws Exception {
        try (Connection kept = db.dataSource().getConnection()) {
            ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getHikariPoolMXBean().softEvictConnections();
            List<Connection> fresh = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                fresh.add(db.dataSource().getConnection());
            }
            for (Connection c : fresh) {
                c.close();
            }
        }
    }

    private static org.h2.mvstore.MVStore mvStore(AuditDb db) throws java.sql.SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
        }
    }

    private static void append(ChainedJdbcAuditSink sink, int records, int threads, long from, Set<String> acknowledged) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong(from);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < from + records) {
                        String trace = nl.dijkwacht.pipeline.TraceIds.next();
                        sink.append(Records.varied(n, trace, Instant.now()), n % 3 == 0
                                ? new RetainedContent("Vraag over [PERSOON_1]", "Antwoord", Instant.now().plusSeconds(86_400)) : null);
                        acknowledged.add(trace);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The store's compaction without its 100 ms timer: a compaction round also writes what is committed, which would
     * make how many records reach the file before the "kill" a matter of timing.
     */
    private static java.util.Optional<EmbeddedStoreCompaction> withoutTimer(AuditDb db) {
        var compaction = EmbeddedStoreCompaction.start(db.dataSource());
        compaction.orElseThrow().close();
        return compaction;
    }

    /** Closes the H2 file without writing what is only in memory ({@code SHUTDOWN IMMEDIATELY}). */
    private static void killStore(AuditDb db) {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("SHUTDOWN IMMEDIATELY");
        } catch (java.sql.SQLException closed) {
            // the statement's own session is closed with the database
        }
    }

    private static long count(AuditDb db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
