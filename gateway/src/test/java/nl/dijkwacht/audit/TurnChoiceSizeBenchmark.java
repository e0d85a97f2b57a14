package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.AuditStoreHousekeeping;
import nl.dijkwacht.audit.store.EmbeddedStoreCompaction;
import nl.dijkwacht.audit.store.StoreDurability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * What answers with {@code n > 1} add to the audit store (since audit47 {@code audit_choice_key}: an 8-byte key, seq
 * and chain per other choice, one index on the key; before, turns45's {@code audit_turn_choice} with tenant, a 16-byte
 * hash, a hash index and a (chain, seq) btree, which stays empty for older replicas and is counted too), measured
 * against issue 15's target of at most 1 KB per record: the same {@code dw.records} varied records written through the
 * gateway's writer with 1, 2, 4 and 8 choices each, then PostgreSQL's {@code pg_total_relation_size} (table, TOAST and
 * indexes, after {@code VACUUM ANALYZE}) of {@code audit_record} and the choice tables, and the H2 file after
 * a close (durability settings and compaction as the gateway runs them) and after {@code SHUTDOWN COMPACT}. Then the cost of retention's sweep for
 * rows an older gateway left behind, over the table. Prints BENCH lines; not a unit test (set {@code DW_BENCH=1}):
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dtest=TurnChoiceSizeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddw.records=20000 -Ddw.out=/tmp/dw-choices.txt
 * </pre>
 * For the H2 file's reopen defect (h2store49; {@code EmbeddedStoreReopenBenchmark}): {@code -Ddw.h2.journal=true} writes
 * in journal mode as the gateway does by default (else every commit is written), {@code -Ddw.h2.retention=ms} sets
 * H2's {@code RETENTION_TIME} after {@link StoreDurability}, {@code -Ddw.h2.compaction=off} leaves the gateway's
 * compaction out (and with it journal mode, which needs the housekeeping).
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class TurnChoiceSizeBenchmark {

    private static final int RECORDS = Integer.getInteger("dw.records", 20_000);
    private static final String OUT = System.getProperty("dw.out");
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int[] CHOICES = java.util.Arrays.stream(System.getProperty("dw.choices", "1,2,4,8").split(","))
            .mapToInt(Integer::parseInt).toArray();

    private final AuditRows rows = new AuditRows(new ObjectMapper());
    private final ChainCodec codec = ChainCodec.fromSecret("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void postgres() throws Exception {
        for (int choices : CHOICES) {
            try (AuditDb db = AuditDb.postgres()) {
                fill(db, choices);
                db.update("VACUUM ANALYZE");
                long record = pgSize(db, "audit_record");
                long choice = pgSize(db, "audit_choice_key") + pgSize(db, "audit_turn_choice");
                long choiceRows = db.count("SELECT COUNT(*) FROM audit_choice_key");
                print("BENCH store=pg choices=%d records=%,d: audit_record %,d B per record; audit_choice_key %,d rows, %,d bytes,"
                                + " %s B per row, %,d B per record; together %,d B per record",
                        choices, RECORDS, record / RECORDS, choiceRows, choice, choiceRows == 0 ? "-" : String.valueOf(choice / choiceRows),
                        choice / RECORDS, (record + choice) / RECORDS);
                breakdown(db, choices);
                sweep(db, "pg", choices);
                lookUp(db, "pg", choices);
                if (System.getProperty("dw.keep") != null) { // for EXPLAIN afterwards: the schema stays under this name
                    db.update("ALTER SCHEMA " + db.schema() + " RENAME TO " + System.getProperty("dw.keep") + "_" + choices);
                }
            }
        }
    }

    /** Where a record's bytes go on PostgreSQL: the heap (with TOAST) and each index, summed over the partitions. */
    private void breakdown(AuditDb db, int choices) {
        new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()).query("""
                SELECT t.relname, COALESCE(SUM(pg_relation_size(t.oid) + COALESCE(pg_total_relation_size(NULLIF(t.reltoastrelid, 0)), 0)), 0)
                FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_inherits h ON h.inhrelid = t.oid
                WHERE n.nspname = ? AND t.relkind = 'r' AND (t.relname LIKE 'audit\\_record%' OR t.relname LIKE 'audit\\_choice%'
                    OR t.relname LIKE 'audit\\_turn\\_choice%') AND t.relname <> 'audit_record_v1'
                GROUP BY t.relname ORDER BY 1""", rs -> {
            print("BENCH store=pg choices=%d heap %s: %,d B per record", choices, rs.getString(1), rs.getLong(2) / RECORDS);
        }, db.schema());
        new org.springframework.jdbc.core.JdbcTemplate(db.dataSource()).query("""
                SELECT COALESCE(p.relname, i.relname), SUM(pg_relation_size(i.oid)) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                LEFT JOIN pg_inherits h ON h.inhrelid = i.oid LEFT JOIN pg_class p ON p.oid = h.inhparent
                WHERE n.nspname = ? AND (t.relname LIKE 'audit\\_record%' OR t.relname LIKE 'audit\\_choice%' OR t.relname LIKE 'audit\\_turn\\_choice%')
                    AND t.relname NOT LIKE 'audit\\_record\\_v1%'
                GROUP BY 1 ORDER BY 2 DESC""", rs -> {
            print("BENCH store=pg choices=%d index %s: %,d B per record", choices, rs.getString(1), rs.getLong(2) / RECORDS);
        }, db.schema());
    }

    @Test
    void h2File() throws Exception {
        for (int choices : CHOICES) {
            Path dir = Files.createTempDirectory("dw-choices");
            Path base = dir.resolve("dijkwacht-audit");
            Path file = dir.resolve("dijkwacht-audit.mv.db");
            try (AuditDb db = AuditDb.h2File(base)) {
                StoreDurability.ensure(db.dataSource());
                if (System.getProperty("dw.h2.retention") != null) {
                    db.update("SET RETENTION_TIME " + Integer.getInteger("dw.h2.retention"));
                }
                boolean compaction = !"off".equals(System.getProperty("dw.h2.compaction"));
                boolean journal = Boolean.getBoolean("dw.h2.journal");
                try (AuditStoreHousekeeping housekeeping = new AuditStoreHousekeeping(
                        compaction ? EmbeddedStoreCompaction.start(db.dataSource()) : java.util.Optional.empty(), journal)) {
                    fill(db, choices, journal ? AuditConfiguration.commitHook(housekeeping, "main", false) : null);
                }
            }
            long closed = Files.size(file);
            try (AuditDb db = AuditDb.h2File(base)) {
                lookUp(db, "h2", choices);
                long choiceRows = db.count("SELECT COUNT(*) FROM audit_choice_key");
                long recordTable = diskSpaceUsed(db, "AUDIT_RECORD");
                long choiceTable = diskSpaceUsed(db, "AUDIT_CHOICE_KEY");
                print("BENCH store=h2 choices=%d records=%,d: file after close %,d bytes, %,d B per record; DISK_SPACE_USED audit_record"
                                + " %,d B per record, audit_choice_key %,d rows, %,d bytes, %s B per row",
                        choices, RECORDS, closed, closed / RECORDS, recordTable / RECORDS, choiceRows, choiceTable,
                        choiceRows == 0 ? "-" : String.valueOf(choiceTable / choiceRows));
                sweep(db, "h2", choices);
            }
            // the file after close depends on how far the gateway's compaction got; packed, it does not
            try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + base + AuditDb.defaultH2Settings(), "sa", "")) {
                c.createStatement().execute("SHUTDOWN COMPACT");
            }
            print("BENCH store=h2 choices=%d records=%,d: file after SHUTDOWN COMPACT %,d bytes, %,d B per record", choices, RECORDS,
                    Files.size(file), Files.size(file) / RECORDS);
        }
    }

    /** A retention run with nothing expired: its cost is the sweep over the choice tables (no checkpoints here). */
    private void sweep(AuditDb db, String store, int choices) {
        RetentionJob job = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(3650, null, null, null),
                java.time.Clock.fixed(START.plus(Duration.ofDays(40)), java.time.ZoneOffset.UTC));
        job.run("bench"); // warm
        long t = System.nanoTime();
        job.run("bench");
        print("BENCH store=%s choices=%d: a retention run with nothing expired (the sweep over the turn hashes): %,d ms", store,
                choices, (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * The delivered-turn look-up of 100 turns that were never delivered (a made-up turn is the look-up's worst case:
     * every answer with other choices of the tenant is read), three times.
     */
    private void lookUp(AuditDb db, String store, int choices) {
        var query = new nl.dijkwacht.audit.query.DeliveredTurnQuery(db.dataSource(), TurnHasher.fromSecret("0123456789abcdef0123456789abcdef".getBytes()));
        // not from java.util.Random: Records.varied draws the stored hashes from it, seeded by the record's number
        List<String> madeUp = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            madeUp.add(TurnHasher.fromSecret("another key".getBytes()).turn("nooit gegeven " + i, List.of()));
        }
        List<String> ms = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            if (!query.delivered("gemeente", madeUp).isEmpty()) {
                throw new IllegalStateException("a made-up turn was found");
            }
            ms.add(String.format("%.1f", (System.nanoTime() - t) / 1e6));
        }
        print("BENCH store=%s choices=%d records=%,d: look-up of 100 made-up turns %s ms", store, choices, RECORDS, String.join(" / ", ms));
    }

    /** H2's {@code DISK_SPACE_USED}; -1 where H2 fails to compute it (seen at 200,000 records: "Chunk … not found"). */
    private static long diskSpaceUsed(AuditDb db, String table) {
        try {
            return db.count("SELECT DISK_SPACE_USED('" + table + "')");
        } catch (IllegalStateException e) {
            print("BENCH DISK_SPACE_USED('%s') failed: %s", table, e.getMessage());
            return -1;
        }
    }

    private void fill(AuditDb db, int choices) throws Exception {
        fill(db, choices, null);
    }

    private void fill(AuditDb db, int choices, nl.dijkwacht.audit.chain.CommitHook hook) throws Exception {
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        long spacing = Duration.ofDays(30).toMillis() / RECORDS;
        try (ChainedJdbcAuditSink sink = (hook == null ? ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "main")
                : ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "main").afterCommit(hook)).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < RECORDS; n = next.getAndIncrement()) {
                        sink.append(Records.varied(n, "t-" + n, START.plusMillis(n * spacing), choices), null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        print("BENCH fill %,d records with %d choices in %.1f s", RECORDS, choices, (System.nanoTime() - t0) / 1e9);
    }

    private long pgSize(AuditDb db, String table) {
        return db.count("""
                SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind = 'r' AND (c.relname = ? OR c.relname LIKE ?)""", db.schema(), table, table + "\\_%");
    }

    private static void print(String format, Object... args) {
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
}
