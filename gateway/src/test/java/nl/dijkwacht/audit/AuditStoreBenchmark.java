package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.chain.CommitHook;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Audit store cost: bytes per stored record (metadata tier) and the writer's throughput with group commit, on the
 * embedded H2 file store (the README's default URL) and on PostgreSQL. Not part of the normal test run (Surefire
 * excludes *Benchmark; without {@code DW_BENCH=1} it skips):
 *
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -pl gateway test -Dtest=AuditStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddw.records=20000
 * grep BENCH gateway/target/surefire-reports/nl.dijkwacht.audit.AuditStoreBenchmark-output.txt
 * </pre>
 *
 * <p>For each store and each number of concurrent writers (1, 8, 64 request threads waiting on the one chained
 * writer) it appends {@code dw.records} records and reports records/s; then the size: H2 — the database file while
 * open, after a clean close of the pool (what the gateway's shutdown does) and the file's live data; PostgreSQL —
 * {@code pg_total_relation_size} of every {@code audit_record} partition (heap, TOAST and indexes) divided by rows.
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class AuditStoreBenchmark {

    private static final int RECORDS = Integer.getInteger("dw.records", 20_000);
    /** Extra H2 URL settings to try (e.g. {@code -Ddw.h2.settings=";PAGE_SIZE=4096"}); empty = the default URL. */
    private static final String H2_SETTINGS = System.getProperty("dw.h2.settings", "");
    /** {@code -Ddw.h2.fsync=true}: one fsync of the embedded file per group commit. */
    private static final boolean FSYNC = Boolean.getBoolean("dw.h2.fsync");
    /**
     * Journal mode (ADR 0010, what ships): each group commit to the journal, H2 writes about once a second;
     * {@code -Ddw.h2.journal=false} measures the old write-every-commit mode.
     */
    private static final boolean JOURNAL = !"false".equals(System.getProperty("dw.h2.journal"));
    /** {@code -Ddw.trace=random}: random (version 4) trace ids as before ADR 0008; default the gateway's own. */
    private static final boolean RANDOM_TRACE = "random".equals(System.getProperty("dw.trace"));
    private static final int[] WRITERS = java.util.Arrays.stream(System.getProperty("dw.writers", "1,8,64").split(","))
            .mapToInt(Integer::parseInt).toArray();

    @Test
    void h2File() throws Exception {
        for (int writers : WRITERS) {
            Path dir = Files.createTempDirectory("dw-store-bench");
            Path base = dir.resolve("dijkwacht-audit");
            Path file = dir.resolve("dijkwacht-audit.mv.db");
            Rate rate;
            long openSize;
            try (AuditDb db = AuditDb.h2File(base, H2_SETTINGS)) {
                for (String index : System.getProperty("dw.h2.drop", "").split(",")) {
                    if (!index.isBlank()) {
                        db.update("DROP INDEX audit_record_" + index.strip() + "_idx"); // a variant to measure
                    }
                }
                if (!"off".equals(System.getProperty("dw.h2.durability"))) {
                    StoreDurability.ensure(db.dataSource()); // off: the URL's WRITE_DELAY stays (an upper bound to measure)
                }
                // as the gateway runs it: the embedded store's housekeeping, closed before the pool
                try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(
                        "off".equals(System.getProperty("dw.h2.compaction")) ? java.util.Optional.empty()
                                : EmbeddedStoreCompaction.start(db.dataSource()), JOURNAL)) {
                    long empty = Files.size(file);
                    long versions = storeVersion(db);
                    CommitHook hook;
                    if (JOURNAL) { // as the gateway runs it by default (ADR 0010)
                        var journal = new nl.dijkwacht.audit.chain.AuditJournal(
                                nl.dijkwacht.audit.chain.AuditJournal.fileFor(base, "store-bench"), FSYNC, () -> housekeeping.flush(FSYNC));
                        housekeeping.closeLater(journal);
                        hook = journal;
                    } else {
                        Runnable sync = housekeeping.commitSync(FSYNC);
                        hook = batch -> sync.run();
                    }
                    rate = append(db, writers, hook);
                    versions = storeVersion(db) - versions;
                    System.out.printf("BENCH store=h2-file writers=%d store commits=%d (%.1f records per commit,"
                            + " compaction commits included)%n", writers, versions, (RECORDS - 500) / (double) Math.max(1, versions));
                    openSize = Files.size(file) - empty;
                }
            }
            long closedSize = Files.size(file);
            // the same file reopened, to show that nothing was lost and what the store holds after the close
            long rows;
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
                 var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_record")) {
                rs.next();
                rows = rs.getLong(1);
            }
            System.out.printf("BENCH store=h2-file%s%s%s writers=%d records=%d rate=%.0f records/s  cpu=%.0f us/record"
                            + "  written=%.0f B/record  file-open=%.0f B/record  file-after-close=%.0f B/record"
                            + " (%d bytes, %d rows)%n",
                    H2_SETTINGS, FSYNC ? " fsync" : "", JOURNAL ? " journal" : "", writers, RECORDS, rate.perSecond(), rate.cpuMicros(), rate.writtenBytes(),
                    openSize / (double) RECORDS, closedSize / (double) rows, closedSize, rows);
            liveBytes(base, file, rows);
        }
    }

    /** The file's live data ({@code SHUTDOWN COMPACT} rewrites it without free space) and the share of each map:
     * {@code table.N} is a table's rows, {@code index.N} a secondary index (N in order of creation: for audit_record
     * chain, trace, time, actor, department, tool, use-case, model, then endpoint). */
    private static void liveBytes(Path base, Path file, long rows) throws Exception {
        // the live pages copied as they are (SHUTDOWN COMPACT below also compresses them)
        Path copy = file.resolveSibling("live-copy.mv.db");
        Files.copy(file, copy);
        org.h2.mvstore.MVStoreTool.compact(copy.toString(), false);
        System.out.printf("BENCH store=h2-file live-as-written=%.0f B/record%n", Files.size(copy) / (double) rows);
        Files.delete(copy);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            c.createStatement().execute("SHUTDOWN COMPACT");
        }
        java.io.StringWriter dump = new java.io.StringWriter();
        org.h2.mvstore.MVStoreTool.dump(file.toString(), dump, false);
        StringBuilder maps = new StringBuilder();
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            String[] lines = dump.toString().split("\\R");
            boolean totals = false;
            for (String line : lines) {
                totals |= line.startsWith("page size total");
                var m = java.util.regex.Pattern.compile("map (\\p{XDigit}+): (\\d+) bytes").matcher(line);
                if (totals && m.find() && Long.parseLong(m.group(2)) >= 10 * rows) {
                    maps.append(String.format(" %s=%.0f", store.getMapName(Integer.parseInt(m.group(1), 16)),
                            Long.parseLong(m.group(2)) / (double) rows));
                }
            }
        }
        System.out.printf("BENCH store=h2-file live=%.0f B/record (SHUTDOWN COMPACT), page bytes per record:%s%n",
                Files.size(file) / (double) rows, maps);
    }

    @Test
    void postgres() throws Exception {
        for (int writers : WRITERS) {
            try (AuditDb db = AuditDb.postgres()) {
                Rate rate = append(db, writers);
                db.update("VACUUM ANALYZE audit_record");
                long bytes = db.count("""
                        SELECT COALESCE(SUM(pg_total_relation_size(i.inhrelid)), 0) FROM pg_inherits i
                        WHERE i.inhparent = 'audit_record'::regclass""");
                long rows = db.count("SELECT COUNT(*) FROM audit_record");
                System.out.printf("BENCH store=postgresql writers=%d records=%d rate=%.0f records/s  cpu=%.0f us/record"
                                + " (this JVM only)  total=%.0f B/record (%d bytes incl. indexes and TOAST, %d rows)%n",
                        writers, RECORDS, rate.perSecond(), rate.cpuMicros(), bytes / (double) rows, bytes, rows);
                // where the bytes are: the partitions' heap (with TOAST) and each index of the partitioned table
                long heap = db.count("""
                        SELECT COALESCE(SUM(pg_table_size(i.inhrelid)), 0) FROM pg_inherits i
                        WHERE i.inhparent = 'audit_record'::regclass""");
                StringBuilder parts = new StringBuilder(String.format("heap=%.0f", heap / (double) rows));
                try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery("""
                        SELECT p.relname, SUM(pg_relation_size(h.inhrelid)) FROM pg_index x
                        JOIN pg_class p ON p.oid = x.indexrelid JOIN pg_inherits h ON h.inhparent = x.indexrelid
                        WHERE x.indrelid = 'audit_record'::regclass GROUP BY p.relname ORDER BY 2 DESC""")) {
                    while (rs.next()) {
                        parts.append(String.format(" %s=%.0f", rs.getString(1), rs.getLong(2) / (double) rows));
                    }
                }
                System.out.printf("BENCH store=postgresql writers=%d bytes per record: %s%n", writers, parts);
            }
        }
    }

    /** Records/s, this process's CPU time per record (all threads: writers, the chain's writer, compaction) and the
     * bytes it handed to write calls per record ({@code wchar} of /proc/self/io; 0 where there is none). */
    private record Rate(double perSecond, double cpuMicros, double writtenBytes) {
    }

    /** The embedded store's version: one more per store commit (a chunk written). */
    private static long storeVersion(AuditDb db) throws java.sql.SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
            return session.getDatabase().getStore().getMvStore().getCurrentVersion();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long writtenBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                    .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@code -Ddw.record=sample}: the same record every time (as before 2026-12-02 07:45); default varied. */
    private static AuditRecord record(long n) {
        return "sample".equals(System.getProperty("dw.record")) ? Records.sample(traceId(), Instant.now())
                : Records.varied(n, traceId(), Instant.now());
    }

    private static String traceId() {
        return RANDOM_TRACE ? UUID.randomUUID().toString() : nl.dijkwacht.pipeline.TraceIds.next();
    }

    /** Appends {@link #RECORDS} records from {@code writers} threads (after 500 warm-up appends), trace ids as the
     * gateway makes them. */
    private static Rate append(AuditDb db, int writers) throws Exception {
        return append(db, writers, batch -> { });
    }

    private static Rate append(AuditDb db, int writers, CommitHook afterCommit) throws Exception {
        ChainedJdbcAuditSink sink = ChainedJdbcAuditSink.builder(db.dataSource(),
                ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes()), new AuditRows(new ObjectMapper()),
                "store-bench").afterCommit(afterCommit).start();
        try {
            int warm = 500;
            for (int i = 0; i < warm; i++) {
                sink.append(record(i));
            }
            AtomicLong next = new AtomicLong(warm);
            int total = RECORDS;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            long writtenStart = writtenBytes();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                futures.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < total) {
                        sink.append(record(n));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int appended = total - warm;
            Rate rate = new Rate(appended / seconds, (cpuNanos() - cpuStart) / 1e3 / appended,
                    (writtenBytes() - writtenStart) / (double) appended);
            pool.shutdown();
            return rate;
        } finally {
            sink.close();
        }
    }
}
