package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.PageCursor;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditPartitions;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A year of a mid-sized municipality's audit records (2,000 staff, 12 departments, 4 use-cases; default 1,000,000
 * records over 2026) written through the gateway's own writer ({@link ChainedJdbcAuditSink}: the group-commit batches
 * and the chaining the gateway uses; 10 % of the records keep redacted content for 90 days), then what auditors and
 * the privacy officer do with it: exports of a month and of the year (CSV, JSON), searches with filters and deep
 * keyset pages, the console's aggregates, verification of the chain, and a retention run (metadata kept 182 days,
 * three legal holds) while a light load appends and reads. Prints BENCH lines; run it with the heap the gateway is
 * allowed ({@code -Dtest.heap=512m}). Not a unit test (surefire excludes *Benchmark; without {@code DW_BENCH=1} it
 * skips):
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dtest='AuditYearBenchmark#h2File' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest.heap=512m -Ddw.records=1000000 -Ddw.out=/tmp/dw-year/h2.txt
 * </pre>
 * {@code #postgres} for PostgreSQL (a schema of its own, dropped afterwards; monthly partitions as the gateway keeps
 * them). Without a fsync per batch (the writer's commit hook is left out): the chain is the gateway's, the fill rate
 * is not the gateway's (see {@code AuditStoreBenchmark} for that).
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class AuditYearBenchmark {

    private static final int RECORDS = Integer.getInteger("dw.records", 1_000_000);
    private static final int FILLERS = Integer.getInteger("dw.fillers", 64);
    private static final String OUT = System.getProperty("dw.out");
    private static final Instant YEAR = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NEXT_YEAR = Instant.parse("2027-01-01T00:00:00Z");
    private static final long SPACING_MS = Duration.between(YEAR, NEXT_YEAR).toMillis() / RECORDS;
    private static final String CHAIN = "main";
    /** {@code -Ddw.only=retention}: skip the exports, searches, aggregates and the first verification. */
    private static final boolean ONLY_RETENTION = "retention".equals(System.getProperty("dw.only"));
    /** {@code -Ddw.only=aggregates}: only the year's aggregates, counted from the records and from the daily roll-up. */
    private static final boolean ONLY_AGGREGATES = "aggregates".equals(System.getProperty("dw.only"));
    /** {@code -Ddw.h2-compaction=off}: the measurements (retention among them) without the embedded store's compaction thread. */
    private static final boolean COMPACTION_DURING_MEASURE = !"off".equals(System.getProperty("dw.h2-compaction"));
    /** {@code -Ddw.retention-batch=N}: the retention run's batch size (default: the gateway's). */
    private static final Integer RETENTION_BATCH = Integer.getInteger("dw.retention-batch");
    /** {@code -Ddw.retention-pause=MS}: the retention run's pause after each batch (default: the gateway's). */
    private static final Duration RETENTION_PAUSE = Integer.getInteger("dw.retention-pause") == null ? null
            : Duration.ofMillis(Integer.getInteger("dw.retention-pause"));

    /** {@code -Ddw.retention-hold=off}: the retention run leaves the embedded store's compaction as it is (as before audit46). */
    private static final boolean RETENTION_HOLDS_COMPACTION = !"off".equals(System.getProperty("dw.retention-hold"));

    /** The H2 file's housekeeping while measuring (null on PostgreSQL), and the file. */
    private nl.dijkwacht.audit.store.AuditStoreHousekeeping measuring;
    private Path h2FileMeasured;

    private final ObjectMapper json = new ObjectMapper();
    private final AuditRows rows = new AuditRows(json);
    private final ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void h2File() throws Exception {
        Path dir = Files.createTempDirectory("dw-year");
        Path base = dir.resolve("dijkwacht-audit");
        Path file = dir.resolve("dijkwacht-audit.mv.db");
        try (AuditDb db = AuditDb.h2File(base); var housekeeping = asTheGatewayRunsIt(db)) {
            fill(db);
        }
        print("BENCH store=h2 size after fill and close: %,d bytes, %,d B per record", Files.size(file), Files.size(file) / RECORDS);
        try (AuditDb db = AuditDb.h2File(base); var housekeeping = COMPACTION_DURING_MEASURE ? asTheGatewayRunsIt(db) : durableOnly(db)) {
            measuring = housekeeping;
            h2FileMeasured = file;
            measure(db, "h2");
            print("BENCH store=h2 file after retention, open: %,d bytes", Files.size(file));
        }
        print("BENCH store=h2 file after retention and close: %,d bytes", Files.size(file));
        try (AuditDb db = AuditDb.h2File(base)) {
            db.update("SHUTDOWN COMPACT");
        } catch (IllegalStateException | com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            // the pool notices the shutdown
        }
        print("BENCH store=h2 file after SHUTDOWN COMPACT: %,d bytes", Files.size(file));
    }

    @Test
    void postgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            new AuditPartitions(db.dataSource(), Clock.fixed(YEAR, ZoneOffset.UTC), 12).ensure();
            fill(db);
            db.update("VACUUM ANALYZE");
            print("BENCH store=pg size after fill: records %,d B per record (table, indexes, TOAST), content %,d B per kept content",
                    pgSize(db, "audit_record") / RECORDS, pgSize(db, "audit_content") / Math.max(1, db.count("SELECT COUNT(*) FROM audit_content")));
            measure(db, "pg");
            print("BENCH store=pg size after retention: records %,d bytes", pgSize(db, "audit_record"));
            db.update("VACUUM ANALYZE");
            print("BENCH store=pg size after retention and VACUUM: records %,d bytes", pgSize(db, "audit_record"));
        }
    }

    /** The store's durability settings without the compaction thread (for {@code -Ddw.h2-compaction=off}). */
    private static nl.dijkwacht.audit.store.AuditStoreHousekeeping durableOnly(AuditDb db) {
        nl.dijkwacht.audit.store.StoreDurability.ensure(db.dataSource());
        return new nl.dijkwacht.audit.store.AuditStoreHousekeeping(java.util.Optional.empty());
    }

    /** The embedded store's durability settings and compaction thread, as the gateway starts them (closed before the pool). */
    private static nl.dijkwacht.audit.store.AuditStoreHousekeeping asTheGatewayRunsIt(AuditDb db) {
        nl.dijkwacht.audit.store.StoreDurability.ensure(db.dataSource());
        return new nl.dijkwacht.audit.store.AuditStoreHousekeeping(nl.dijkwacht.audit.store.EmbeddedStoreCompaction.start(db.dataSource()));
    }

    private long pgSize(AuditDb db, String table) {
        return db.count("""
                SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'r' AND (c.relname = ? OR c.relname LIKE ?)""", db.schema(), table, table + "\\_%");
    }

    /** 2,000 staff's requests, evenly over the year, from {@link #FILLERS} threads through the gateway's writer. */
    private void fill(AuditDb db) throws Exception {
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, CHAIN).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(FILLERS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < FILLERS; t++) {
                done.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < RECORDS; n = next.getAndIncrement()) {
                        Instant at = YEAR.plusMillis(n * SPACING_MS);
                        AuditRecord r = Records.varied(n, "t-" + n, at);
                        sink.append(r, n % 10 == 0 ? new RetainedContent("[NAAM] vraagt om [BSN] " + n,
                                "Antwoord voor [NAAM] " + n, at.plus(Duration.ofDays(90))) : null);
                        if (n % 100_000 == 0) {
                            print("BENCH fill %,d records after %.0f s", n, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        print("BENCH fill %,d records in %.0f s (%,.0f records/s, %d threads through the writer)", RECORDS, s, RECORDS / s, FILLERS);
    }

    private void measure(AuditDb db, String store) throws Exception {
        AuditQueries queries = new AuditQueries(db.dataSource(), rows, json);
        if (ONLY_RETENTION) {
            retention(db, store, queries, new ChainVerifier(db.dataSource(), codec, rows));
            return;
        }
        if (ONLY_AGGREGATES) {
            aggregates(db, store, queries);
            chainList(db, store);
            filteredAggregates(db, store, queries);
            return;
        }
        Instant december = Instant.parse("2026-12-01T00:00:00Z");
        AuditFilter month = AuditFilter.none().withPeriod(december, NEXT_YEAR);
        for (var format : List.of("csv", "json")) {
            for (var period : List.of("month", "year")) {
                AuditFilter f = period.equals("month") ? month : AuditFilter.none();
                Counting out = new Counting();
                long[] progress = {0};
                Measured<Long> m = measured(() -> queries.inSnapshot(() -> {
                    long total = queries.count(f);
                    return format.equals("csv")
                            ? queries.exportCsv(f, out, n -> progress[0]++)
                            : queries.exportJson(f, out, n -> progress[0]++) + 0 * total;
                }));
                print("BENCH store=%s export %s %s: %,d records, %,d bytes, %.1f s, %d progress events, %s", store, format, period,
                        m.value(), out.bytes, m.seconds(), progress[0], m.heap());
            }
        }

        // the search at the end of the year, and deep
        AuditFilter dept = new AuditFilter(null, null, null, "afdeling-3", null, "samenvatten", null, null, null, null, null);
        timed(store, "search first page (department + use-case)", () -> queries.searchAfter(dept, null, 50).items().size());
        PageCursor lateJanuary = new PageCursor(Instant.parse("2026-01-20T00:00:00Z"), Long.MAX_VALUE);
        timed(store, "search keyset page at January (department + use-case)", () -> queries.searchAfter(dept, lateJanuary, 50).items().size());
        timed(store, "search keyset page at January (no filter)", () -> queries.searchAfter(AuditFilter.none(), lateJanuary, 50).items().size());
        timed(store, "search numbered page 1,000 (OFFSET, department + use-case)", () -> queries.search(dept, 1000, 50).items().size());
        timed(store, "search count (department + use-case)", () -> (int) queries.count(dept));
        String actor = Records.varied(7, "x", YEAR).actorPseudonym();
        AuditFilter person = new AuditFilter(null, null, actor, null, null, null, null, null, null, null, null);
        timed(store, "search one person's first page", () -> queries.searchAfter(person, null, 50).items().size());

        UsageQueries usage = new UsageQueries(db.dataSource());
        timed(store, "console dashboard year by department (UsageQueries.overview)", () -> usage.overview(YEAR, NEXT_YEAR, "department").buckets().size());
        timed(store, "console dashboard December by model", () -> usage.overview(december, NEXT_YEAR, "model").buckets().size());
        timed(store, "auditor aggregate year by month x department", () -> queries.aggregate(AuditFilter.none(), "month", "department").size());
        timed(store, "auditor aggregate year by day x use-case", () -> queries.aggregate(AuditFilter.none(), "day", "use_case").size());
        aggregates(db, store, queries);

        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        timed(store, "chains() (known chain ids)", () -> verifier.chains().size());
        Measured<VerifyReport> v = measured(() -> verifier.verify(CHAIN, null, null));
        print("BENCH store=%s verify year: ok=%s, %,d records, %.1f s, %s", store, v.value().ok(), v.value().recordsChecked(), v.seconds(), v.heap());

        retention(db, store, queries, verifier);
    }

    /** The dashboard's and the auditor's year figures counted from the records, then from the daily roll-up. */
    private void aggregates(AuditDb db, String store, AuditQueries counted) {
        Instant december = Instant.parse("2026-12-01T00:00:00Z");
        UsageQueries usage = new UsageQueries(db.dataSource());
        if (ONLY_AGGREGATES) {
            timed(store, "console dashboard year by department (UsageQueries.overview)", () -> usage.overview(YEAR, NEXT_YEAR, "department").buckets().size());
            timed(store, "auditor aggregate year by month x department", () -> counted.aggregate(AuditFilter.none(), "month", "department").size());
            timed(store, "auditor aggregate year by day x use-case", () -> counted.aggregate(AuditFilter.none(), "day", "use_case").size());
        }
        // "now" is the first hour of 2027 plus the grace: every day of 2026 is closed
        nl.dijkwacht.audit.rollup.DailyUsageRollup daily = new nl.dijkwacht.audit.rollup.DailyUsageRollup(db.dataSource(),
                Clock.fixed(NEXT_YEAR.plus(Duration.ofHours(2)), ZoneOffset.UTC), Duration.ZERO);
        Measured<Integer> m = measured(daily::rollUp);
        print("BENCH store=%s daily roll-up of the year (first run): %d days, %.1f s, %,d rows, %s", store, m.value(), m.seconds(),
                db.count("SELECT COUNT(*) FROM audit_usage_day") + db.count("SELECT COUNT(*) FROM audit_outcome_day"), m.heap());
        UsageQueries rolled = new UsageQueries(db.dataSource(), daily);
        AuditQueries rolledAudit = new AuditQueries(db.dataSource(), rows, json, daily);
        if (!rolled.overview(YEAR, NEXT_YEAR, "department").equals(usage.overview(YEAR, NEXT_YEAR, "department"))
                || !rolledAudit.aggregate(AuditFilter.none(), "month", "department").equals(counted.aggregate(AuditFilter.none(), "month", "department"))) {
            print("BENCH store=%s ROLL-UP DIFFERS from the records", store);
        }
        timed(store, "roll-up: console dashboard year by department", () -> rolled.overview(YEAR, NEXT_YEAR, "department").buckets().size());
        timed(store, "roll-up: console dashboard December by model", () -> rolled.overview(december, NEXT_YEAR, "model").buckets().size());
        timed(store, "roll-up: auditor aggregate year by month x department", () -> rolledAudit.aggregate(AuditFilter.none(), "month", "department").size());
        timed(store, "roll-up: auditor aggregate year by day x use-case", () -> rolledAudit.aggregate(AuditFilter.none(), "day", "use_case").size());
        daily.close();
    }

    /** The verifier's chain list: the former DISTINCT over the records against the skip through the chain index. */
    private void chainList(AuditDb db, String store) {
        ChainVerifier verifier = new ChainVerifier(db.dataSource(), codec, rows);
        timed(store, "chains() before: heads UNION DISTINCT chain_id over the records", () -> (int) db.count(
                "SELECT COUNT(*) FROM (SELECT chain_id FROM audit_chain_head UNION SELECT DISTINCT chain_id FROM audit_record) x"));
        timed(store, "chains() now: heads and a skip through the chain index", () -> verifier.chains().size());
    }

    /**
     * An auditor's year aggregate with a department or model filter, counted from the records (as it is), against a
     * roll-up that would carry department × each other dimension: its rows per day and bytes, and the same aggregate
     * read from it (a table built here for the measurement only).
     */
    private void filteredAggregates(AuditDb db, String store, AuditQueries counted) {
        AuditFilter department = new AuditFilter(null, null, null, "afdeling-3", null, null, null, null, null, null, null);
        AuditFilter model = new AuditFilter(null, null, null, null, null, null, Records.varied(5, "x", YEAR).modelId(), null, null,
                null, null);
        timed(store, "filtered: auditor aggregate year, department = afdeling-3, by month x model (records)",
                () -> counted.aggregate(department, "month", "model").size());
        timed(store, "filtered: auditor aggregate year, department = afdeling-3, by day x use-case (records)",
                () -> counted.aggregate(department, "day", "use_case").size());
        timed(store, "filtered: auditor aggregate year, model = " + model.model() + ", by month x department (records)",
                () -> counted.aggregate(model, "month", "department").size());
        String sums = "COUNT(*) AS requests, SUM(CASE WHEN decision = 'refused' THEN 1 ELSE 0 END) AS refused,"
                + " SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens, SUM(energy_wh) AS energy_wh";
        List<String> parts = new ArrayList<>();
        for (var dim : Map.of("model", "model_id", "use_case", "use_case", "tool", "tool_id", "decision", "decision",
                "action", "bio_action").entrySet()) {
            parts.add("SELECT period_day, period_month, tenant, endpoint, department, CAST('" + dim.getKey() + "' AS VARCHAR(16)) AS dimension, "
                    + dim.getValue() + " AS dim_value, " + sums + " FROM audit_record GROUP BY period_day, period_month, tenant,"
                    + " endpoint, department, " + dim.getValue());
        }
        db.update("DROP TABLE IF EXISTS bench_usage_pair");
        Measured<Integer> built = measured(() -> db.update("CREATE TABLE bench_usage_pair AS " + String.join(" UNION ALL ", parts)));
        db.update("CREATE INDEX bench_usage_pair_idx ON bench_usage_pair (department, dimension, period_day)");
        long pairRows = db.count("SELECT COUNT(*) FROM bench_usage_pair");
        long days = db.count("SELECT COUNT(DISTINCT period_day) FROM audit_record");
        print("BENCH store=%s pair roll-up (department x model/use-case/tool/decision/action): %,d rows, %,d per day (records per day %,d), built in %.1f s",
                store, pairRows, pairRows / Math.max(1, days), RECORDS / Math.max(1, days), built.seconds());
        if (db.isPostgres()) {
            db.update("VACUUM ANALYZE bench_usage_pair");
            long bytes = db.count("SELECT pg_total_relation_size('bench_usage_pair')");
            print("BENCH store=pg pair roll-up size: %,d bytes, %,d B per row, %,d B per day", bytes, bytes / Math.max(1, pairRows),
                    bytes / Math.max(1, days));
        }
        timed(store, "filtered from the pair roll-up: department = afdeling-3, by month x model", () -> {
            List<Object> n = new ArrayList<>();
            StreamingQuery.run(db.dataSource(), "SELECT period_month, dim_value, SUM(requests) FROM bench_usage_pair"
                    + " WHERE department = ? AND dimension = 'model' GROUP BY period_month, dim_value", List.of("afdeling-3"),
                    rs -> n.add(rs.getLong(3)));
            return n.size();
        });
        db.update("DROP TABLE bench_usage_pair");
    }

    private void retention(AuditDb db, String store, AuditQueries queries, ChainVerifier verifier) throws Exception {
        Clock clock = Clock.fixed(NEXT_YEAR, ZoneOffset.UTC);
        LegalHolds holds = new LegalHolds(db.dataSource(), clock);
        String heldActor = Records.varied(11, "x", YEAR).actorPseudonym();
        holds.place(null, heldActor, null, null, "bezwaar", "privacy-officer");
        holds.place(null, null, Instant.parse("2026-02-10T00:00:00Z"), Instant.parse("2026-02-11T00:00:00Z"), "WOO-verzoek", "privacy-officer");
        holds.place("t-12345", null, null, null, "klacht", "privacy-officer");
        Instant cutoff = NEXT_YEAR.minus(Duration.ofDays(182));
        long actorBefore = db.count("SELECT COUNT(*) FROM audit_record WHERE actor_pseudonym = ? AND occurred_at < ?", heldActor, AuditRows.time(cutoff));
        long dayBefore = db.count("SELECT COUNT(*) FROM audit_record WHERE occurred_at >= ? AND occurred_at < ?",
                AuditRows.time(Instant.parse("2026-02-10T00:00:00Z")), AuditRows.time(Instant.parse("2026-02-11T00:00:00Z")));

        RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(182, null, RETENTION_BATCH, RETENTION_PAUSE), clock,
                RetentionJob.Pause.SLEEP, measuring != null && RETENTION_HOLDS_COMPACTION ? measuring::gentleCompaction : () -> () -> { });
        print("BENCH store=%s retention makes the compaction gentle: %s", store, measuring != null && RETENTION_HOLDS_COMPACTION);
        try (ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, CHAIN).start()) {
            Load baseline = load(sink, queries, Duration.ofSeconds(10), null);
            print("BENCH store=%s light load before retention: %s", store, baseline);
            AtomicBoolean finished = new AtomicBoolean();
            RetentionJob.Run[] run = new RetentionJob.Run[1];
            Thread purge = new Thread(() -> {
                Measured<RetentionJob.Run> m = measured(() -> job.run("bench"));
                run[0] = m.value();
                print("BENCH store=%s retention (batch %d, pause %d ms): %,d records, %,d contents deleted, %,d records held, %d checkpoints, %.1f s, %s",
                        store, new AuditProperties.Retention(182, null, RETENTION_BATCH, RETENTION_PAUSE).batchSize(),
                        new AuditProperties.Retention(182, null, RETENTION_BATCH, RETENTION_PAUSE).batchPause().toMillis(), m.value().recordsDeleted(), m.value().contentDeleted(), m.value().recordsHeld(),
                        m.value().checkpoints(), m.seconds(), m.heap());
                finished.set(true);
            });
            purge.start();
            Load during = load(sink, queries, null, finished);
            purge.join();
            print("BENCH store=%s light load during retention: %s", store, during);
            if (h2FileMeasured != null) {
                print("BENCH store=%s file right after retention: %,d bytes, fill %s %%", store, Files.size(h2FileMeasured),
                        measuring.embeddedFillRate().orElse(-1));
            }
            Load after = load(sink, queries, Duration.ofSeconds(20), null);
            print("BENCH store=%s light load in the 20 s after retention: %s", store, after);
            if (h2FileMeasured != null) {
                print("BENCH store=%s file 20 s after retention: %,d bytes, fill %s %%", store, Files.size(h2FileMeasured),
                        measuring.embeddedFillRate().orElse(-1));
            }
        }
        long actorAfter = db.count("SELECT COUNT(*) FROM audit_record WHERE actor_pseudonym = ? AND occurred_at < ?", heldActor, AuditRows.time(cutoff));
        long dayAfter = db.count("SELECT COUNT(*) FROM audit_record WHERE occurred_at >= ? AND occurred_at < ?",
                AuditRows.time(Instant.parse("2026-02-10T00:00:00Z")), AuditRows.time(Instant.parse("2026-02-11T00:00:00Z")));
        long traceAfter = db.count("SELECT COUNT(*) FROM audit_record WHERE trace_id = 't-12345'");
        print("BENCH store=%s legal holds after retention: actor %d of %d, day %d of %d, trace %d of 1", store, actorAfter, actorBefore,
                dayAfter, dayBefore, traceAfter);
        Measured<VerifyReport> v = measured(() -> verifier.verify(CHAIN, null, null));
        print("BENCH store=%s verify after retention: ok=%s, %,d records, %,d checkpoints, %.1f s, %s", store, v.value().ok(),
                v.value().recordsChecked(), v.value().checkpointsUsed(), v.seconds(), v.heap());
    }

    record Load(int appends, long appendP50us, long appendP99us, long appendMaxUs, int pages, long pageP50us, long pageP99us,
                long pageMaxUs) {
        @Override
        public String toString() {
            return String.format("%d appends p50 %,d / p99 %,d / max %,d us; %d first pages p50 %,d / p99 %,d / max %,d us",
                    appends, appendP50us, appendP99us, appendMaxUs, pages, pageP50us, pageP99us, pageMaxUs);
        }
    }

    /** One request's record every 20 ms and one console page every 100 ms, for {@code span} or until {@code stop}. */
    private Load load(ChainedJdbcAuditSink sink, AuditQueries queries, Duration span, AtomicBoolean stop) throws InterruptedException {
        long end = span == null ? Long.MAX_VALUE : System.nanoTime() + span.toNanos();
        List<Long> appends = Collections.synchronizedList(new ArrayList<>());
        List<Long> pages = Collections.synchronizedList(new ArrayList<>());
        AtomicLong n = new AtomicLong(RECORDS * 10L);
        Thread reader = new Thread(() -> {
            while (System.nanoTime() < end && (stop == null || !stop.get())) {
                long t = System.nanoTime();
                queries.searchAfter(AuditFilter.none(), null, 50);
                pages.add((System.nanoTime() - t) / 1000);
                sleep(100);
            }
        });
        reader.start();
        while (System.nanoTime() < end && (stop == null || !stop.get())) {
            long i = n.incrementAndGet();
            long t = System.nanoTime();
            sink.append(Records.varied(i, "load-" + i, Instant.now()), null);
            appends.add((System.nanoTime() - t) / 1000);
            sleep(20);
        }
        reader.join();
        return new Load(appends.size(), pct(appends, 50), pct(appends, 99), pct(appends, 100), pages.size(), pct(pages, 50),
                pct(pages, 99), pct(pages, 100));
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void timed(String store, String what, Supplier<Integer> query) {
        query.get(); // warm
        long[] ms = new long[5];
        int rowsSeen = 0;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            rowsSeen = query.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        print("BENCH store=%s %s: median %,d ms (min %,d, max %,d; %d rows)", store, what, ms[2], ms[0], ms[4], rowsSeen);
    }

    record Measured<T>(T value, double seconds, String heap) {
    }

    /** Runs {@code work} while a sampler keeps the heap's high-water mark and the old generation after collections. */
    private static <T> Measured<T> measured(Supplier<T> work) {
        System.gc();
        long base = used();
        AtomicBoolean done = new AtomicBoolean();
        long[] peak = {base};
        long[] oldAfterGc = {0};
        MemoryPoolMXBean old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old")).findFirst().orElse(null);
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak[0] = Math.max(peak[0], used());
                if (old != null && old.getCollectionUsage() != null) {
                    oldAfterGc[0] = Math.max(oldAfterGc[0], old.getCollectionUsage().getUsed());
                }
                sleep(10);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        T value = work.get();
        double s = (System.nanoTime() - t) / 1e9;
        done.set(true);
        return new Measured<>(value, s, String.format("heap %,d MB before, high-water %,d MB, old gen after GC up to %,d MB (max heap %,d MB)",
                base >> 20, peak[0] >> 20, oldAfterGc[0] >> 20, Runtime.getRuntime().maxMemory() >> 20));
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static synchronized void print(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        if (OUT != null) {
            try {
                Files.createDirectories(Path.of(OUT).toAbsolutePath().getParent());
                Files.writeString(Path.of(OUT), line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
