package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tamper evidence: editing, deleting, reordering or truncating any record is found by verify. */
class ChainTamperTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    AuditDb db;
    ChainedJdbcAuditSink sink;
    ChainVerifier verifier;

    @BeforeEach
    void setUp() {
        db = AuditDb.h2();
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start();
        verifier = new ChainVerifier(db.dataSource(), codec, rows);
        Instant t = Instant.parse("2026-01-10T09:00:00Z");
        for (int i = 1; i <= 20; i++) {
            sink.append(Records.sample("trace-" + i, t.plusSeconds(i)));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    VerifyReport verify() {
        return verifier.verify("node-a", null, null);
    }

    @Test
    void intactChainVerifies() {
        VerifyReport report = verify();
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(20);
        assertThat(report.headSeq()).isEqualTo(20);
        assertThat(verifier.verifyAll()).singleElement().matches(VerifyReport::ok);
    }

    @Test
    void editedFieldIsFound() {
        db.update("UPDATE audit_record SET department = 'Sociaal domein' WHERE chain_id = 'node-a' AND seq = 7");
        assertProblem("hash_mismatch", 7);
    }

    @Test
    void editedCountsOrHashesAreFound() {
        db.update("UPDATE audit_record SET entity_counts = '{\"BSN\":0,\"EMAIL\":2}' WHERE seq = 3");
        assertProblem("hash_mismatch", 3);
    }

    @Test
    void editedTimestampIsFound() {
        db.update("UPDATE audit_record SET occurred_at = ? WHERE seq = 12",
                java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertProblem("hash_mismatch", 12);
    }

    @Test
    void editedSearchColumnIsFound() {
        db.update("UPDATE audit_record SET period_month = '2025-12' WHERE seq = 4");
        assertProblem("derived_mismatch", 4);
    }

    @Test
    void rechainingWithoutTheKeyIsFound() {
        // an attacker edits a record and recomputes its hash with a key of his own: the next link breaks, or the MAC does
        ChainCodec forged = new ChainCodec("not-the-gateway-key-not-the-key!".getBytes());
        db.update("UPDATE audit_record SET department = 'X', record_hash = ? WHERE seq = 9",
                AuditRows.hashBytes(forged.recordHash("node-a", 9, "x", Records.sample("trace-9", Instant.EPOCH))));
        VerifyReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problem().seq()).isEqualTo(9);
    }

    @Test
    void deletedRecordIsFound() {
        db.update("DELETE FROM audit_record WHERE seq = 11");
        VerifyReport report = assertProblem("missing", 11);
        assertThat(report.problem().detail()).contains("11..11");
    }

    @Test
    void deletedFirstRecordsAreFound() {
        db.update("DELETE FROM audit_record WHERE seq <= 3");
        assertProblem("missing", 1);
    }

    @Test
    void reorderedRecordsAreFound() {
        // swap the positions of records 5 and 6
        db.update("UPDATE audit_record SET seq = -1 WHERE seq = 5");
        db.update("UPDATE audit_record SET seq = 5 WHERE seq = 6");
        db.update("UPDATE audit_record SET seq = 6 WHERE seq = -1");
        VerifyReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problem().seq()).isEqualTo(5);
        assertThat(report.problem().kind()).isIn("broken_link", "hash_mismatch");
    }

    @Test
    void reorderedByMovingWholeRowsIsFound() {
        // move complete rows (incl. their chain columns) around: the links no longer fit
        db.update("UPDATE audit_record SET prev_hash = (SELECT prev_hash FROM audit_record WHERE seq = 15) WHERE seq = 14");
        assertProblem("broken_link", 14);
    }

    @Test
    void truncatedTailIsFound() {
        db.update("DELETE FROM audit_record WHERE seq > 16");
        VerifyReport report = assertProblem("truncated", 17);
        assertThat(report.lastSeq()).isEqualTo(16);
    }

    @Test
    void truncatedTailWithRewrittenHeadIsFound() {
        db.update("DELETE FROM audit_record WHERE seq > 16");
        db.update("UPDATE audit_chain_head SET last_seq = 16, last_hash = (SELECT LOWER(RAWTOHEX(record_hash)) FROM audit_record WHERE seq = 16)");
        assertProblem("head_invalid", 16);
    }

    @Test
    void truncatedEverythingIncludingHeadIsFoundByAnAnchor() {
        var head = verifier.head("node-a");
        db.update("DELETE FROM audit_record WHERE seq > 10");
        db.update("DELETE FROM audit_chain_head");
        assertThat(verify().problem().kind()).isEqualTo("head_missing");
        VerifyReport anchored = verifier.verify("node-a", head.seq(), head.hash());
        assertThat(anchored.ok()).isFalse();
    }

    @Test
    void externalAnchorConfirmsAnIntactChain() {
        var head = verifier.head("node-a");
        sink.append(Records.sample("trace-later", Instant.parse("2026-01-11T00:00:00Z")));
        VerifyReport report = verifier.verify("node-a", head.seq(), head.hash());
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.headSeq()).isEqualTo(21);
    }

    @Test
    void insertedRecordIsFound() {
        db.update("UPDATE audit_record SET seq = seq + 1 WHERE seq >= 8");
        db.update("UPDATE audit_chain_head SET last_seq = last_seq + 1");
        VerifyReport report = verify();
        assertThat(report.ok()).isFalse();
    }

    @Test
    void concurrentAppendsFormOneCorrectChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    sink.append(Records.sample("c-" + thread + "-" + i, Instant.now()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        VerifyReport report = verify();
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(20 + 8 * 150);
        assertThat(db.count("SELECT COUNT(DISTINCT seq) FROM audit_record")).isEqualTo(20 + 8 * 150);
    }

    @Test
    void aLoneRequestWritesItsOwnRecordAndUnderLoadTheWriterThreadDoes() {
        List<String> writers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean alone = new java.util.concurrent.atomic.AtomicBoolean(true);
        ChainedJdbcAuditSink hooked = ChainedJdbcAuditSink.builder(db.dataSource(), ChainCodec.fromSecret(SECRET),
                new AuditRows(new ObjectMapper()), "node-b")
                .afterCommit(batch -> writers.add(Thread.currentThread().getName() + ":" + batch.size()))
                .alone(alone::get).start();
        try {
            String me = Thread.currentThread().getName();
            for (int i = 0; i < 3; i++) {
                hooked.append(Records.sample("lone-" + i, Instant.now()));
            }
            // the only request in flight, nothing queued: no hand-off to the writer thread
            assertThat(writers).containsExactly(me + ":1", me + ":1", me + ":1");

            alone.set(false);
            hooked.append(Records.sample("loaded", Instant.now()));
            // other requests in flight: the writer thread writes, so concurrent records share its commits
            assertThat(writers).hasSize(4).last().isEqualTo("audit-writer-node-b:1");
            assertThat(hooked.batchesByCaller()).isEqualTo(3);
            assertThat(hooked.batchesByWriter()).isEqualTo(1);

            VerifyReport report = verifier.verify("node-b", null, null);
            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.recordsChecked()).isEqualTo(4);
        } finally {
            hooked.close();
        }
    }

    @Test
    void callersThatAllBelieveThemselvesAloneStillFormOneChain() throws Exception {
        // the worst case of the lone-request path: 64 concurrent callers told they are alone race the writer thread
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        ChainedJdbcAuditSink hooked = ChainedJdbcAuditSink.builder(db.dataSource(), ChainCodec.fromSecret(SECRET),
                new AuditRows(new ObjectMapper()), "node-c").afterCommit(batch -> batchSizes.add(batch.size()))
                .alone(() -> true).start();
        try {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            hooked.append(Records.sample("b-" + thread + "-" + i, Instant.now()));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            VerifyReport report = verifier.verify("node-c", null, null);
            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.recordsChecked()).isEqualTo(64 * 20);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(64 * 20);
        } finally {
            hooked.close();
        }
    }

    @Test
    void twoWritersOnOneChainIdNeverFork() throws Exception {
        // e.g. two replicas misconfigured with the same chain id: the compare-and-set on the head keeps one chain
        ChainedJdbcAuditSink other = ChainedJdbcAuditSink.builder(db.dataSource(), ChainCodec.fromSecret(SECRET),
                new AuditRows(new ObjectMapper()), "node-a").start();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ChainedJdbcAuditSink s = t % 2 == 0 ? sink : other;
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    s.append(Records.sample("w-" + thread + "-" + i, Instant.now()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        VerifyReport report = verify();
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(220);
    }

    @Test
    void verifyCommandChecksStraightFromTheDatabase() throws Exception {
        java.nio.file.Path secretFile = java.nio.file.Files.createTempFile("secret", ".key");
        java.nio.file.Files.writeString(secretFile, java.util.Base64.getEncoder().encodeToString(SECRET));
        var out = new java.io.ByteArrayOutputStream();
        String[] args = {"--url=" + db.url(), "--user=sa", "--secret-file=" + secretFile};
        assertThat(nl.dijkwacht.audit.chain.VerifyCommand.run(args, new java.io.PrintStream(out), System.err)).isZero();
        assertThat(out.toString()).contains("\"ok\" : true", "\"records_checked\" : 20");

        db.update("DELETE FROM audit_record WHERE seq = 13");
        out.reset();
        assertThat(nl.dijkwacht.audit.chain.VerifyCommand.run(args, new java.io.PrintStream(out), System.err)).isEqualTo(1);
        assertThat(out.toString()).contains("\"kind\" : \"missing\"", "\"seq\" : 13");

        java.nio.file.Files.writeString(secretFile, java.util.Base64.getEncoder().encodeToString("another-secret-another-secret-xx".getBytes()));
        out.reset();
        assertThat(nl.dijkwacht.audit.chain.VerifyCommand.run(args, new java.io.PrintStream(out), System.err)).isEqualTo(1);
    }

    private VerifyReport assertProblem(String kind, long seq) {
        VerifyReport report = verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problem().kind()).as("%s", report).isEqualTo(kind);
        assertThat(report.problem().seq()).as("%s", report).isEqualTo(seq);
        return report;
    }
}
