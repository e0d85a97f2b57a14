package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * A retention run over a long expired tier never removes more than {@code batch-size} rows in one statement or
 * transaction — content as well as records — so the writer is not held up until the last row is gone (a year's
 * content in one DELETE was one transaction of ~75,000 rows at a million records). Holds still keep what they cover.
 */
class RetentionBatchesTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final int BATCH = 7;

    @Test
    void contentAndRecordsGoInBoundedBatchesOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            run(db);
        }
    }

    @Test
    void contentAndRecordsGoInBoundedBatchesOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            run(db);
        }
    }

    /**
     * Between batches the run waits {@code batch-pause} once {@code batch-size} rows went since the last wait (the
     * writer has the store to itself meanwhile: on H2 a purge without pauses held the writer's appends up to 1.2 s);
     * many short ranges (a hold splits them) do not each cost a pause.
     */
    @Test
    void theRunPausesAfterEveryBatchForTheWriter() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            AuditRows rows = new AuditRows(new ObjectMapper());
            ChainCodec codec = ChainCodec.fromSecret(SECRET);
            writeSixtyDaysWithContent(db, codec, rows);
            List<java.time.Duration> pauses = new ArrayList<>();
            java.time.Duration pause = java.time.Duration.ofMillis(40);
            RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, BATCH, pause),
                    Clock.fixed(NOW, ZoneOffset.UTC), pauses::add);
            RetentionJob.Run run = job.run("test");

            assertThat(run.recordsDeleted()).isEqualTo(60);
            assertThat(run.checkpoints()).isEqualTo(9); // 60 records in ranges of at most 7
            // a pause before a batch once batch-size rows went since the last one: batches hold at most 7 rows, so the
            // rows between two pauses are 7 to 13 — one pause per 7 to 13 rows, none before the first batch
            long removed = run.contentDeleted() + run.recordsDeleted();
            assertThat(pauses).containsOnly(pause);
            assertThat(pauses.size()).isBetween((int) (removed / (2 * BATCH)) - 1, (int) (removed / BATCH));
        }
    }

    @Test
    void withoutASettingTheRunPausesBetweenBatches() {
        assertThat(new AuditProperties.Retention(null, null, null, null).batchPause()).isPositive();
    }

    /** 60 records a day apart, each keeping content for 30 days: 470 days later all content but the last ~30 has expired. */
    private static void writeSixtyDaysWithContent(AuditDb db, ChainCodec codec, AuditRows rows) throws Exception {
        Instant start = NOW.minus(500, ChronoUnit.DAYS);
        BulkChain.write(db, codec, rows, "node-a", 60, seq -> Records.sample("t-" + seq, start.plus(seq, ChronoUnit.DAYS)));
        for (long seq = 1; seq <= 60; seq++) {
            Instant at = start.plus(seq, ChronoUnit.DAYS);
            db.update("INSERT INTO audit_content (trace_id, occurred_at, redacted_prompt, redacted_answer, expires_at) VALUES (?, ?, ?, ?, ?)",
                    "t-" + seq, AuditRows.time(at), "[PERSOON_1] vraagt", "Geachte [PERSOON_1]", AuditRows.time(at.plus(30, ChronoUnit.DAYS)));
        }
    }

    private static void run(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        writeSixtyDaysWithContent(db, codec, rows);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new LegalHolds(db.dataSource(), clock).place("t-4", null, null, null, "bezwaar", "auditor");
        long expiredContent = db.count("SELECT COUNT(*) FROM audit_content WHERE expires_at <= ?", AuditRows.time(NOW));
        assertThat(expiredContent).isGreaterThan(3L * BATCH);

        List<Long> removedPerDelete = new ArrayList<>();
        RetentionJob job = new RetentionJob(counting(db.dataSource(), removedPerDelete), codec,
                new AuditProperties.Retention(365, null, BATCH, null), clock);
        RetentionJob.Run run = job.run("test");

        assertThat(run.contentDeleted()).isEqualTo(expiredContent - 1);
        assertThat(run.contentHeld()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM audit_content WHERE trace_id = 't-4'")).isEqualTo(1);
        // records older than 365 days: seq 1..135 would be, the chain has 60, t-4 held => 3 + 56 in ranges of at most 7
        assertThat(run.recordsDeleted()).isEqualTo(59);
        assertThat(removedPerDelete).as("rows removed by each DELETE").isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(BATCH));
        assertThat(removedPerDelete.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(run.contentDeleted() + run.recordsDeleted());
        assertThat(new ChainVerifier(db.dataSource(), codec, rows).verify("node-a", null, null).ok()).isTrue();
    }

    /** The data source, reporting how many rows each DELETE on the audit tables removed. */
    static DataSource counting(DataSource target, List<Long> removedPerDelete) {
        return (DataSource) Proxy.newProxyInstance(RetentionBatchesTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c, removedPerDelete) : result;
                });
    }

    private static Connection connection(Connection target, List<Long> removedPerDelete) {
        return (Connection) Proxy.newProxyInstance(RetentionBatchesTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                            && ((String) args[0]).strip().startsWith("DELETE FROM audit_")) {
                        return Proxy.newProxyInstance(RetentionBatchesTest.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                                (p, m, a) -> {
                                    Object r = invoke(ps, m, a);
                                    if (m.getName().equals("executeUpdate") || m.getName().equals("executeLargeUpdate")) {
                                        removedPerDelete.add(((Number) r).longValue());
                                    }
                                    return r;
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
