package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.store.AuditPartitions;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production store: the machine's real PostgreSQL, in a schema of its own (dropped afterwards). */
class PostgresStoreTest {

    static final Instant NOW = Instant.parse("2026-11-15T10:00:00Z");
    AuditDb db;
    ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    AuditRows rows = new AuditRows(new ObjectMapper());

    @BeforeEach
    void setUp() {
        db = AuditDb.postgres();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void partitionedChainedStoreWithConcurrentWritersAndTamperDetection() throws Exception {
        assertThat(db.count("SELECT COUNT(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid "
                + "WHERE c.relname = 'audit_record' AND c.relnamespace = to_regnamespace(current_schema())::oid")).isEqualTo(1);
        List<String> created = new AuditPartitions(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), 2).ensure();
        assertThat(created).containsExactly("audit_record_y2026m11", "audit_record_y2026m12", "audit_record_y2027m01");
        assertThat(new AuditPartitions(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), 2).ensure()).isEmpty();

        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "pg-node").start();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    Instant at = NOW.plusSeconds(thread * 1000L + i).plusSeconds(i % 2 == 0 ? 0 : 40L * 86400); // Nov and Dec
                    sink.append(Records.sample("pg-" + thread + "-" + i, at, "p-u" + thread, "Dep" + (thread % 2),
                            "brieven-opstellen", i % 10 == 0 ? "refused" : "allowed"));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        VerifyReport report = verifier.verify("pg-node", null, null);
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(300);
        // rows are in their monthly partitions, none in the default one
        assertThat(db.count("SELECT COUNT(*) FROM audit_record_y2026m11")).isEqualTo(150);
        assertThat(db.count("SELECT COUNT(*) FROM audit_record_y2026m12")).isEqualTo(150);
        assertThat(db.count("SELECT COUNT(*) FROM audit_record_default")).isZero();

        AuditQueries queries = new AuditQueries(db.dataSource(), rows, new ObjectMapper());
        AuditFilter dep0 = new AuditFilter(NOW.minusSeconds(1), null, null, "Dep0", null, null, "dry-run", null, null, "BSN", null);
        assertThat(queries.search(dep0, 0, 500).items()).hasSize(150);
        AuditFilter refused = new AuditFilter(null, null, "p-u1", null, null, null, null, "refused", null, null, null);
        assertThat(queries.search(refused, 0, 500).items()).hasSize(5);
        var agg = queries.aggregate(AuditFilter.none(), "month", "department");
        assertThat(agg).hasSize(4);
        assertThat(agg.stream().mapToLong(m -> m.requests()).sum()).isEqualTo(300);
        assertThat(agg.stream().mapToLong(m -> m.refused()).sum()).isEqualTo(30);

        // tampering in a partition is found like anywhere else
        db.update("UPDATE audit_record SET prompt_tokens = 1 WHERE chain_id = 'pg-node' AND seq = 123");
        VerifyReport edited = verifier.verify("pg-node", null, null);
        assertThat(edited.problem().kind()).isEqualTo("hash_mismatch");
        assertThat(edited.problem().seq()).isEqualTo(123);
    }
}
