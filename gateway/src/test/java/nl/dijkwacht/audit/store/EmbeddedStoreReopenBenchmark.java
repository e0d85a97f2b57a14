package nl.dijkwacht.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.chain.AuditJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 49's defect at its full size (h2store49; found by h2store50): the embedded H2 file, written as the gateway
 * writes it by default (journal mode, {@link StoreDurability}'s settings, the housekeeping's compaction on its timer,
 * records from 16 request threads through the chain writer), closed and opened again, failed to read with
 * {@code MVStoreException: Chunk … not found} — at 200,000 records in every run of session 49 — because H2's own
 * background compaction ran in the first moments after the open (before the gateway sets {@code WRITE_DELAY}) and,
 * with {@code RETENTION_TIME} 0, dropped chunks {@code DISK_SPACE_USED} was still walking. The default URL now sets
 * {@code AUTO_COMPACT_FILL_RATE=0}; {@link EmbeddedStoreReopenTest} is the suite's regression test. The second test
 * reads the whole store over and over while the gateway writes and compacts (the running gateway's case): the chain's
 * verification and a table scan never failed; {@code DISK_SPACE_USED} did (4 of 125 rounds at 100,000 records).
 * Set {@code DW_BENCH=1}:
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dtest=EmbeddedStoreReopenBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddw.reopen.records=200000 [-Ddw.reopen.retention=45000] [-Ddw.reopen.journal=false] [-Ddw.reopen.compaction=off] \
 *     [-Ddw.reopen.versions-to-keep=5] [-Ddw.reopen.settings=";REUSE_SPACE=FALSE"]
 * </pre>
 */
@org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1",
        disabledReason = "200,000 records (minutes): set DW_BENCH=1 to run it")
class EmbeddedStoreReopenBenchmark {

    private static final int RECORDS = Integer.getInteger("dw.reopen.records", 200_000);

    @TempDir
    Path dir;

    @Test
    void theFileOpensAgainWithEveryPageReadable() throws Exception {
        Path base = dir.resolve("dijkwacht-audit");
        try (AuditDb db = AuditDb.h2File(base, System.getProperty("dw.reopen.settings", ""))) {
            StoreDurability.ensure(db.dataSource());
            if (System.getProperty("dw.reopen.versions-to-keep") != null) { // H2's database sets 0; a plain MVStore keeps 5
                try (java.sql.Connection c = db.dataSource().getConnection()) {
                    ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase().getStore()
                            .getMvStore().setVersionsToKeep(Integer.getInteger("dw.reopen.versions-to-keep"));
                }
            }
            if (System.getProperty("dw.reopen.retention") != null) {
                db.update("SET RETENTION_TIME " + Integer.getInteger("dw.reopen.retention"));
            }
            boolean journalMode = !"false".equals(System.getProperty("dw.reopen.journal"));
            var compaction = EmbeddedStoreCompaction.start(db.dataSource());
            if ("off".equals(System.getProperty("dw.reopen.compaction"))) {
                compaction.ifPresent(EmbeddedStoreCompaction::close); // its timer stopped; the journal still flushes through it
            }
            try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(compaction, journalMode)) {
                AuditJournal journal = null;
                if (journalMode) {
                    journal = new AuditJournal(AuditJournal.fileFor(housekeeping.journalBase().orElseThrow(), "main"), false,
                            () -> housekeeping.flush(false));
                    housekeeping.closeLater(journal);
                }
                EmbeddedStoreReopenTest.write(db, journal, RECORDS);
            }
        }
        try (AuditDb db = AuditDb.h2File(base)) {
            assertThat(db.count("SELECT COUNT(*) FROM audit_record")).isEqualTo(RECORDS);
            // every page of the table and of each of its indexes, read from the file
            for (String table : List.of("AUDIT_RECORD", "AUDIT_CHAIN_HEAD", "AUDIT_CONTENT")) {
                assertThat(db.count("SELECT DISK_SPACE_USED('" + table + "')")).as(table).isGreaterThanOrEqualTo(0);
            }
            assertThat(db.count("SELECT COUNT(DISTINCT trace_id) FROM audit_record")).isEqualTo(RECORDS);
            assertThat(db.count("SELECT MAX(seq) FROM audit_record WHERE chain_id = 'main'")).isEqualTo(RECORDS);
        }
    }

    /**
     * The running gateway's case: while 16 threads write through the chain writer (journal mode, the housekeeping's
     * compaction rewriting chunks every 100 ms), a reader walks the whole store over and over — every page
     * ({@code DISK_SPACE_USED}), the chain's verification and a full read of the records.
     */
    @Test
    void readsOfTheWholeStoreWhileTheGatewayWritesAndCompacts() throws Exception {
        Path base = dir.resolve("live");
        try (AuditDb db = AuditDb.h2File(base)) {
            StoreDurability.ensure(db.dataSource());
            try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(EmbeddedStoreCompaction.start(db.dataSource()), true)) {
                AuditJournal journal = new AuditJournal(AuditJournal.fileFor(housekeeping.journalBase().orElseThrow(), "main"), false,
                        () -> housekeeping.flush(false));
                housekeeping.closeLater(journal);
                java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
                List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                java.util.concurrent.atomic.AtomicInteger rounds = new java.util.concurrent.atomic.AtomicInteger();
                Thread reader = Thread.ofPlatform().start(() -> {
                    var verifier = new nl.dijkwacht.audit.chain.ChainVerifier(db.dataSource(), EmbeddedStoreReopenTest.CODEC, new AuditRows(new ObjectMapper()));
                    while (writing.get()) {
                        rounds.incrementAndGet();
                        read("DISK_SPACE_USED", () -> db.count("SELECT DISK_SPACE_USED('AUDIT_RECORD')"), failures);
                        read("chain verification", verifier::verifyAll, failures);
                        read("table scan", () -> db.count("SELECT COUNT(*) FROM audit_record USE INDEX () WHERE LENGTH(trace_id) > 0"), failures);
                    }
                });
                try {
                    EmbeddedStoreReopenTest.write(db, journal, RECORDS);
                } finally {
                    writing.set(false);
                    reader.join();
                }
                System.out.printf("BENCH live reads during %,d records: %d rounds of 3 reads; failed: %s; first: %s%n", RECORDS, rounds.get(),
                        failures.stream().map(f -> f.substring(0, f.indexOf(':'))).collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.TreeMap::new, java.util.stream.Collectors.counting())),
                        failures.stream().limit(3).toList());
                // H2's DISK_SPACE_USED is not safe under the housekeeping's compaction (h2store50: 4 of 125 at 100,000
                // records); the gateway's own reads must be
                assertThat(failures).filteredOn(f -> !f.startsWith("DISK_SPACE_USED")).isEmpty();
            }
        }
    }

    private static void read(String what, Runnable read, List<String> failures) {
        try {
            read.run();
        } catch (RuntimeException e) {
            failures.add(what + ": " + e.getMessage());
        }
    }
}
