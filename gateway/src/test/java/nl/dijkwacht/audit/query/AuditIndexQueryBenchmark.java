package nl.dijkwacht.audit.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the auditor's and the console's queries cost on the embedded H2 file with and without the per-dimension
 * indexes of the few-valued dimensions (department, use-case, tool, model, endpoint), over a year of a mid-sized
 * municipality's records. Fills the file once with SQL (indexes built after the rows; keep it with
 * {@code -Ddw.file}), times every query with the indexes (median of {@code dw.runs}, default 3, after one warm-up; a
 * query that took over 2 s timed once more), drops them
 * and times again on the same file. Not a unit test (surefire excludes *Benchmark; without {@code DW_BENCH=1} it skips):
 * <pre>
 * DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dtest=AuditIndexQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddw.records=1000000 -Ddw.file=/tmp/dw-index-bench/audit
 * grep BENCH gateway/target/surefire-reports/nl.dijkwacht.audit.query.AuditIndexQueryBenchmark-output.txt
 * </pre>
 * Records: 2,000 staff, 20 departments (+ one with 0.1 % of the records), 8 use-cases (+ one with 0.05 %), 5 tools,
 * 6 models (+ a pilot with 0.02 %), chat completions with 2 % embeddings and 0.05 % operator actions, spread evenly over
 * 365 days from 2026-01-01.
 */
@EnabledIfEnvironmentVariable(named = "DW_BENCH", matches = "1", disabledReason = "benchmark: set DW_BENCH=1 to run it")
class AuditIndexQueryBenchmark {

    private static final int RECORDS = Integer.getInteger("dw.records", 1_000_000);
    private static final int RUNS = Integer.getInteger("dw.runs", 3);
    private static final List<String> FEW_VALUED = List.of("department", "use_case", "tool", "model", "endpoint");
    /** Progress as it comes ({@code -Ddw.out=FILE}; surefire keeps a test's output until the test ends). */
    private static final String OUT = System.getProperty("dw.out");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPACING_MS = 365L * 24 * 3600 * 1000 / 1_000_000;

    @Test
    void queriesWithAndWithoutTheFewValuedIndexes() throws Exception {
        String kept = System.getProperty("dw.file");
        Path base = kept != null ? Path.of(kept) : Files.createTempDirectory("dw-index-bench").resolve("audit");
        Files.createDirectories(base.getParent());
        boolean filled = Files.exists(Path.of(base + ".mv.db"));
        try (AuditDb db = AuditDb.h2File(base)) {
            if (!filled || db.count("SELECT COUNT(*) FROM audit_record") == 0) {
                fill(db);
            }
            for (String dimension : FEW_VALUED) { // a run cut short after dropping them: put them back
                db.update("CREATE INDEX IF NOT EXISTS audit_record_" + dimension + "_idx ON audit_record ("
                        + (dimension.equals("tool") ? "tool_id" : dimension.equals("model") ? "model_id" : dimension)
                        + ", occurred_at)");
            }
            db.update("ANALYZE");
            print(String.format("BENCH file=%s records=%d size=%d MB", base, db.count("SELECT COUNT(*) FROM audit_record"),
                    Files.size(Path.of(base + ".mv.db")) >> 20));
            AuditQueries queries = new AuditQueries(db.dataSource(), new AuditRows(new ObjectMapper()), new ObjectMapper());
            Map<String, double[]> with = timeAll(db, queries, "with", false);
            for (String dimension : FEW_VALUED) {
                db.update("DROP INDEX audit_record_" + dimension + "_idx");
            }
            db.update("ANALYZE");
            Map<String, double[]> without = timeAll(db, queries, "without", true);
            print("BENCH | query | with the indexes: median ms (rows) | without: median ms |");
            with.forEach((name, w) -> print(String.format("BENCH | %s | %.1f (%d) | %.1f |", name, w[0], (long) w[1],
                    without.get(name)[0])));
        }
    }

    private static void fill(AuditDb db) {
        long t0 = System.nanoTime();
        for (String index : secondaryIndexes(db)) {
            db.update("DROP INDEX " + index);
        }
        int chunk = 100_000;
        for (int from = 1; from <= RECORDS; from += chunk) {
            int to = Math.min(RECORDS, from + chunk - 1);
            db.update("""
                    INSERT INTO audit_record (chain_id, seq, prev_hash, record_hash, chain_key_id, trace_id, occurred_at,
                        period_day, period_month, bio_action, bio_object, bio_result, bio_origin, endpoint, tool_id,
                        actor_pseudonym, department, tenant, use_case, model_id, upstream_model, provider, hosting,
                        policy_version, decision, rule, http_status, upstream_status, entity_counts, output_entity_counts,
                        entity_types, prompt_tokens, completion_tokens, latency_ms, energy_wh, streamed,
                        placeholders_restored, placeholders_unknown, hash_key_id, prompt_hmac, answer_hmac, sources,
                        citations, content_retained, review_required, purpose_verdict, purpose_layer, route_summary)
                    SELECT 'main', X, HASH('SHA-256', CAST(X - 1 AS VARCHAR)), HASH('SHA-256', CAST(X AS VARCHAR)), 'k1',
                        CAST(RANDOM_UUID() AS VARCHAR), T, CAST(CAST(T AS DATE) AS VARCHAR),
                        SUBSTRING(CAST(CAST(T AS DATE) AS VARCHAR), 1, 7), 'ai.request',
                        'chat:' || MOD(X * 31, 997), 'success', 'tool:tool-' || MOD(X * 17, 5),
                        CASE WHEN MOD(X, 2000) = 3 THEN 'operator' WHEN MOD(X, 50) = 4 THEN 'embeddings' ELSE 'chat.completions' END,
                        'tool-' || MOD(X * 17, 5), 'p-' || MOD(X * 7919, 2000),
                        CASE WHEN MOD(X, 1000) = 0 THEN 'afd-zeldzaam' ELSE 'afd-' || MOD(X, 20) END, NULL,
                        CASE WHEN MOD(X, 2000) = 1 THEN 'uc-zeldzaam' ELSE 'uc-' || MOD(X * 13, 8) END,
                        CASE WHEN MOD(X, 5000) = 2 THEN 'model-pilot' ELSE 'model-' || MOD(X * 19, 6) END,
                        'upstream-model-' || MOD(X * 19, 6), 'openai', 'eu-west',
                        'pack-2026.11', CASE WHEN MOD(X, 40) = 5 THEN 'refused' WHEN MOD(X, 8) = 6 THEN 'redacted' ELSE 'allowed' END,
                        CASE WHEN MOD(X, 8) = 6 THEN 'pii:redacted' END, 200, 200,
                        CASE WHEN MOD(X, 8) = 6 THEN '{"BSN":1,"EMAIL":1}' ELSE '{}' END, '{}',
                        CASE WHEN MOD(X, 8) = 6 THEN ',BSN,EMAIL,' ELSE ',' END, MOD(X * 37, 900) + 40, MOD(X * 41, 600) + 20,
                        MOD(X * 43, 4000) + 300, 0.01 * MOD(X, 7), FALSE, 0, 0, 'h1',
                        HASH('SHA-256', 'p' || X), HASH('SHA-256', 'a' || X), '[]', '[]', FALSE, MOD(X, 100) = 7,
                        'allowed uc-' || MOD(X * 13, 8) || ' score 0.' || MOD(X * 53, 100), 'classifier',
                        'task=general size=' || MOD(X * 59, 4000) || ' upstream=model-' || MOD(X * 19, 6) || ' reason=default route'
                    FROM (SELECT X, DATEADD(MILLISECOND, X * ?, CAST(? AS TIMESTAMP WITH TIME ZONE)) T
                          FROM SYSTEM_RANGE(?, ?)) s""", SPACING_MS * 1_000_000 / RECORDS, AuditRows.time(START), from, to);
        }
        long t1 = System.nanoTime();
        db.update("CREATE INDEX audit_record_chain_idx ON audit_record (chain_id, seq)");
        db.update("CREATE INDEX audit_record_trace_idx ON audit_record (trace_id)");
        db.update("CREATE INDEX audit_record_time_idx ON audit_record (occurred_at, id)");
        db.update("CREATE INDEX audit_record_actor_idx ON audit_record (actor_pseudonym, occurred_at)");
        print(String.format("BENCH filled %d records in %.0f s, indexes %.0f s", RECORDS, (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9));
    }

    private static void print(String line) {
        System.out.println(line);
        if (OUT != null) {
            try {
                Files.writeString(Path.of(OUT), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static List<String> secondaryIndexes(AuditDb db) {
        List<String> names = new ArrayList<>();
        try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery(
                "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'AUDIT_RECORD' AND INDEX_TYPE_NAME = 'INDEX'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        print("BENCH secondary indexes before the fill: " + names);
        return names;
    }

    /** {@code timeOrder}: the pages ordered as they would have to be without the few-valued dimensions' indexes. */
    private static Map<String, double[]> timeAll(AuditDb db, AuditQueries q, String label, boolean timeOrder) {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        AuditRows rows = new AuditRows(new ObjectMapper());
        Instant year = START;
        Instant lastMonthFrom = START.plusSeconds(334L * 24 * 3600);
        Instant end = START.plusSeconds(365L * 24 * 3600);
        Instant mid = START.plusSeconds(182L * 24 * 3600);
        PageCursor half = new PageCursor(mid, Long.MAX_VALUE);
        Map<String, Supplier<Long>> work = new LinkedHashMap<>();
        page(work, jdbc, rows, timeOrder, "page: no filter", f(null, null, null, null, null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: staff member (kept index)", f(null, null, "p-21", null, null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: department 1 of 20", f(null, null, null, "afd-3", null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: department 1 of 20, half-way (keyset)", f(null, null, null, "afd-3", null, null, null, null, null), half);
        page(work, jdbc, rows, timeOrder, "page: department with 0.1 %", f(null, null, null, "afd-zeldzaam", null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: department with 0.1 %, half-way", f(null, null, null, "afd-zeldzaam", null, null, null, null, null), half);
        page(work, jdbc, rows, timeOrder, "page: department with 0.1 %, last month", f(lastMonthFrom, end, null, "afd-zeldzaam", null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: department that does not exist", f(null, null, null, "afd-onbekend", null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: department that does not exist, last month", f(lastMonthFrom, end, null, "afd-onbekend", null, null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: use-case 1 of 8", f(null, null, null, null, null, "uc-2", null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: use-case with 0.05 %", f(null, null, null, null, null, "uc-zeldzaam", null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: model 1 of 6", f(null, null, null, null, null, null, "model-4", null, null), null);
        page(work, jdbc, rows, timeOrder, "page: model with 0.02 %", f(null, null, null, null, null, null, "model-pilot", null, null), null);
        page(work, jdbc, rows, timeOrder, "page: tool 1 of 5 (API)", f(null, null, null, null, "tool-1", null, null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: operator actions 0.05 % (API)", f(null, null, null, null, null, null, null, null, "operator"), null);
        page(work, jdbc, rows, timeOrder, "page: department + use-case that never occur together", f(null, null, null, "afd-3", null, "uc-2", null, null, null), null);
        page(work, jdbc, rows, timeOrder, "page: decision refused (no index either way)", f(null, null, null, null, null, null, null, "refused", null), null);
        count(work, q, "export count: department 1 of 20, year", f(year, end, null, "afd-3", null, null, null, null, null));
        count(work, q, "export count: department 1 of 20, last month", f(lastMonthFrom, end, null, "afd-3", null, null, null, null, null));
        count(work, q, "export count: department with 0.1 %, year", f(year, end, null, "afd-zeldzaam", null, null, null, null, null));
        count(work, q, "export count: model with 0.02 %, year", f(year, end, null, null, null, null, "model-pilot", null, null));
        count(work, q, "export count: operator actions, year (API)", f(year, end, null, null, null, null, null, null, "operator"));
        work.put("export csv: department 1 of 20, last month", () -> q.exportCsv(
                f(lastMonthFrom, end, null, "afd-3", null, null, null, null, null), OutputStream.nullOutputStream()));
        work.put("export csv: department with 0.1 %, year", () -> q.exportCsv(
                f(year, end, null, "afd-zeldzaam", null, null, null, null, null), OutputStream.nullOutputStream()));
        work.put("aggregate: department 1 of 20 by model per month", () -> (long) q.aggregate(
                f(null, null, null, "afd-3", null, null, null, null, null), "month", "model").size());
        Map<String, double[]> result = new LinkedHashMap<>();
        work.forEach((name, run) -> {
            long t0 = System.nanoTime();
            long found = run.get(); // warm-up
            double first = (System.nanoTime() - t0) / 1e6;
            int runs = first > 2000 ? 1 : RUNS; // a query of seconds: once more is enough
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                run.get();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            result.put(name, new double[] {ms[runs / 2], found});
            print(String.format("BENCH %s %s: first %.1f ms, median of %d %.1f ms, min %.1f, max %.1f, rows %d", label, name,
                    first, runs, ms[runs / 2], ms[0], ms[runs - 1], found));
        });
        return result;
    }

    /**
     * The console's page (50 and one more) as {@link AuditQueries#searchAfter} runs it; {@code timeOrder}: as it would
     * have to run without the few-valued dimensions' indexes — led by the staff member only, else by time (leading
     * with a dimension that has no index makes H2 sort every matching row).
     */
    private static void page(Map<String, Supplier<Long>> work, JdbcTemplate jdbc, AuditRows rows, boolean timeOrder,
                             String name, AuditFilter filter, PageCursor after) {
        List<Object> params = new ArrayList<>();
        String sql = AuditQueries.pageSql(filter, after, params);
        params.add(51);
        String run = timeOrder ? sql.substring(0, sql.indexOf(" ORDER BY ")) + " ORDER BY "
                + (set(filter.actor()) ? "r.actor_pseudonym DESC, " : "") + "r.occurred_at DESC, r.id DESC LIMIT ?" : sql;
        String plan = String.join(" ", jdbc.queryForList("EXPLAIN " + run, String.class, params.toArray()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("AUDIT_RECORD_\\w+_IDX|index sorted[^*]*|tableScan").matcher(plan);
        StringBuilder seen = new StringBuilder();
        while (m.find()) {
            seen.append(m.group().strip()).append("; ");
        }
        print("BENCH plan " + (timeOrder ? "without" : "with") + " | " + name + " |" + run.substring(run.indexOf(" ORDER BY"))
                + " | " + seen);
        work.put(name, () -> (long) jdbc.query(run, (rs, i) -> rows.map(rs), params.toArray()).size());
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    private static void count(Map<String, Supplier<Long>> work, AuditQueries q, String name, AuditFilter filter) {
        work.put(name, () -> q.count(filter));
    }

    private static AuditFilter f(Instant from, Instant to, String actor, String department, String tool, String useCase,
                                 String model, String decision, String endpoint) {
        return new AuditFilter(from, to, actor, department, tool, useCase, model, decision, null, null, null, endpoint, null);
    }
}
