package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What one audit record costs on PostgreSQL in round trips to the server (issue 15, pg13): the head's move, the
 * record, its retained content and the commit go in ONE statement in auto-commit mode, so a record (or a group
 * commit of up to 16) is one round trip and one WAL flush; a larger group commit keeps the transaction of three
 * statements (plus one for retained content). Counted at the socket ({@link CountingSocketFactory}), over one
 * kept connection, so nothing else on the wire is counted.
 */
class PostgresAuditRoundTripsTest {

    private static final ChainCodec CODEC = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final AuditRows ROWS = new AuditRows(new ObjectMapper());

    AuditDb db;
    SingleConnectionDataSource counted;
    ChainVerifier verifier;

    @BeforeEach
    void setUp() {
        db = AuditDb.postgres();
        counted = new SingleConnectionDataSource(db.url() + "&socketFactory=" + CountingSocketFactory.class.getName(),
                AuditDb.PG_USER, "", true);
        verifier = new ChainVerifier(db.dataSource(), CODEC, ROWS);
    }

    @AfterEach
    void tearDown() {
        counted.destroy();
        db.close();
    }

    /** The chain's first record, through the pool (a new chain's head is created on a connection of its own). */
    private void start(String chainId) {
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, chainId).start()) {
            sink.append(Records.sample("first", Instant.now()));
        }
    }

    @Test
    void aLoneRecordIsOneRoundTripWithOrWithoutRetainedContent() {
        start("pg-rt");
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(counted, CODEC, ROWS, "pg-rt").alone(() -> true)
                .start()) {
            sink.append(Records.sample("second", Instant.now())); // reads the chain's head once

            long before = CountingSocketFactory.roundTrips();
            for (int i = 0; i < 20; i++) {
                sink.append(Records.sample("lone-" + i, Instant.now()));
            }
            assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(20);

            before = CountingSocketFactory.roundTrips();
            for (int i = 0; i < 5; i++) {
                sink.append(Records.sample("kept-" + i, Instant.now()),
                        new RetainedContent("[NAAM] vraagt iets", "een antwoord", Instant.now().plus(30, ChronoUnit.DAYS)));
            }
            assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(5);
            assertThat(sink.batchesByCaller()).isEqualTo(26);
        }
        VerifyReport report = verifier.verify("pg-rt", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(27);
        assertThat(db.count("SELECT COUNT(*) FROM audit_content WHERE trace_id LIKE 'kept-%'")).isEqualTo(5);
        assertThat(db.count("SELECT COUNT(*) FROM audit_chain_head WHERE chain_id = 'pg-rt' AND last_seq = 27")).isEqualTo(1);
    }

    @Test
    void aGroupCommitOfUpTo16RecordsIsOneRoundTripForAllOfThem() throws Exception {
        start("pg-group");
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> roundTrips = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(counted, CODEC, ROWS, "pg-group")
                .afterCommit(batch -> {
                    sizes.add(batch.size());
                    // up to 16 records one statement; a larger group commit BEGIN + head, records, content if any, COMMIT
                    roundTrips.add(batch.size() <= 16 ? 1 : batch.stream().anyMatch(b -> b.content() != null) ? 4 : 3);
                }).start()) {
            sink.append(Records.sample("second", Instant.now()));
            long before = CountingSocketFactory.roundTrips();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 32; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            sink.append(Records.sample("g-" + thread + "-" + i, Instant.now()),
                                    i % 3 == 0 ? new RetainedContent("vraag", "antwoord", Instant.now().plus(1, ChronoUnit.DAYS)) : null);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            long expected = roundTrips.stream().skip(1).mapToLong(Integer::longValue).sum();
            assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(expected);
            assertThat(sizes.stream().skip(1).mapToInt(Integer::intValue).sum()).isEqualTo(320);
        }
        VerifyReport report = verifier.verify("pg-group", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(322);
        assertThat(db.count("SELECT COUNT(*) FROM audit_content WHERE trace_id LIKE 'g-%'")).isEqualTo(32 * 4);
    }

    @Test
    void aLargerGroupCommitIsThreeRoundTripsForAllItsRecords() throws Exception {
        start("pg-large");
        java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(counted, CODEC, ROWS, "pg-large")
                .afterCommit(batch -> {
                    sizes.add(batch.size());
                    if (sizes.size() == 1) { // hold the writer after its first commit until 40 more records wait
                        try {
                            queued.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).start()) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                futures.add(pool.submit(() -> sink.append(Records.sample("held", Instant.now()))));
                while (sizes.isEmpty()) {
                    Thread.sleep(5);
                }
                long before = CountingSocketFactory.roundTrips();
                for (int t = 0; t < 40; t++) {
                    int n = t;
                    futures.add(pool.submit(() -> sink.append(Records.sample("big-" + n, Instant.now()),
                            n % 2 == 0 ? new RetainedContent("vraag", "antwoord", Instant.now().plus(1, ChronoUnit.DAYS)) : null)));
                }
                while (sink.queueDepth() < 40) {
                    Thread.sleep(5);
                }
                queued.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
                assertThat(sizes).containsExactly(1, 40);
                // BEGIN + head update, the records' batch insert (with the content's), COMMIT
                assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(4);
            }
        }
        VerifyReport report = verifier.verify("pg-large", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(42);
        assertThat(db.count("SELECT COUNT(*) FROM audit_content WHERE trace_id LIKE 'big-%'")).isEqualTo(20);
    }

    @Test
    void twoWritersOnOneChainIdNeverForkOnPostgres() throws Exception {
        // the compare-and-set inside the one statement: a writer whose head moved writes nothing and relinks
        try (ChainedJdbcAuditSink a = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "pg-shared").start();
             ChainedJdbcAuditSink b = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "pg-shared").start()) {
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    ChainedJdbcAuditSink s = t % 2 == 0 ? a : b;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            s.append(Records.sample("w-" + thread + "-" + i, Instant.now()));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        }
        VerifyReport report = verifier.verify("pg-shared", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(160);
        assertThat(db.count("SELECT COUNT(DISTINCT seq) FROM audit_record WHERE chain_id = 'pg-shared'")).isEqualTo(160);
    }

    @Test
    void aBadRecordFailsOnlyItsOwnRequestAndTheRehearsalLeavesNothing() throws Exception {
        try (ChainedJdbcAuditSink rehearsal = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "pg-bad")
                .rehearsal().start()) {
            rehearsal.append(Records.sample("warm-up", Instant.now()));
        }
        assertThat(db.count("SELECT COUNT(*) FROM audit_record WHERE chain_id = 'pg-bad'")).isZero();

        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), CODEC, ROWS, "pg-bad").start()) {
            sink.append(Records.sample("ok-0", Instant.now()));
            // a department longer than its column: the database refuses that record only
            AuditRecord tooLong = Records.sample("bad", Instant.now(), "p-x", "D".repeat(500), "brieven-opstellen", "allowed");
            assertThatThrownBy(() -> sink.append(tooLong)).isInstanceOf(IllegalStateException.class);
            sink.append(Records.sample("ok-1", Instant.now()));
        }
        VerifyReport report = verifier.verify("pg-bad", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(2);
    }
}
