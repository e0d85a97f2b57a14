package nl.dijkwacht.audit.query;

import nl.dijkwacht.audit.TenantScope;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.rollup.DailyUsageRollup;
import nl.dijkwacht.audit.rollup.RollupCoverage;
import nl.dijkwacht.audit.rollup.UncountedRecords;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's reads, shared by the auditor API and the console: search (keyset or numbered pages), one trace in
 * full, streamed exports with progress, aggregates. No other class of the API or the console runs SQL on the
 * audit records.
 */
public final class AuditQueries {

    public static final int MAX_PAGE_SIZE = 500;
    /** Aggregation keys an auditor may group by, mapped to their column. */
    public static final Map<String, String> GROUP_BY = Map.of(
            "model", "r.model_id", "department", "r.department", "use_case", "r.use_case", "tool", "r.tool_id",
            "decision", "r.decision", "action", "r.bio_action");
    public static final Set<String> PERIODS = Set.of("day", "month");
    /** Exports report progress every this many rows. */
    public static final int PROGRESS_EVERY = 1000;

    private final JdbcTemplate jdbc;
    private final StreamingQuery streaming;
    private final AuditRows rows;
    private final ObjectMapper json;
    private final DailyUsageRollup daily;

    public AuditQueries(DataSource dataSource, AuditRows rows, ObjectMapper json) {
        this(dataSource, rows, json, null);
    }

    /** @param daily the daily roll-up the aggregates read whole closed days from ({@code null}: count the records) */
    public AuditQueries(DataSource dataSource, AuditRows rows, ObjectMapper json, DailyUsageRollup daily) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new StreamingQuery(dataSource);
        this.rows = rows;
        this.json = json;
        this.daily = daily;
    }

    /** A numbered page (newest first); {@code hasMore} says whether another page exists. */
    public record Page(List<AuditRows.Stored> items, int page, int size, boolean hasMore) {
    }

    /** A keyset page (newest first); {@code next} is where the following page starts, or null on the last page. */
    public record Slice(List<AuditRows.Stored> items, int size, PageCursor next) {
    }

    /** Numbered pages (the auditor API's {@code page} parameter): fine near the start, slower deep into a large result. */
    public Page search(AuditFilter filter, int page, int size) {
        int pageSize = clampSize(size);
        int pageNo = Math.max(0, page);
        AuditFilter.Sql where = filter.where();
        List<Object> params = new ArrayList<>(where.params());
        params.add(pageSize + 1);
        params.add((long) pageNo * pageSize);
        List<AuditRows.Stored> items = jdbc.query("SELECT * FROM audit_record r" + where.sql() + filter.newestFirst()
                + " LIMIT ? OFFSET ?", (rs, i) -> rows.map(rs), params.toArray());
        boolean more = items.size() > pageSize;
        return new Page(more ? items.subList(0, pageSize) : items, pageNo, pageSize, more);
    }

    /** Keyset paging: the page after {@code after} (or the first page when null). Equally fast at any depth. */
    public Slice searchAfter(AuditFilter filter, PageCursor after, int size) {
        int pageSize = clampSize(size);
        List<Object> params = new ArrayList<>();
        String sql = pageSql(filter, after, params);
        params.add(pageSize + 1);
        List<AuditRows.Stored> items = jdbc.query(sql, (rs, i) -> rows.map(rs), params.toArray());
        if (items.size() <= pageSize) {
            return new Slice(items, pageSize, null);
        }
        List<AuditRows.Stored> page = items.subList(0, pageSize);
        AuditRows.Stored last = page.getLast();
        return new Slice(page, pageSize, new PageCursor(last.record().occurredAt(), last.id()));
    }

    /** The keyset page's SQL (ending in {@code LIMIT ?}); fills {@code params} except the limit. */
    static String pageSql(AuditFilter filter, PageCursor after, List<Object> params) {
        AuditFilter.Sql where = filter.where();
        params.addAll(where.params());
        String sql = "SELECT * FROM audit_record r" + where.sql();
        if (after != null) {
            // a row-value comparison, so the database seeks straight into the (occurred_at, id) index
            sql += (where.sql().isEmpty() ? " WHERE " : " AND ") + "(r.occurred_at, r.id) < (?, ?)";
            params.add(AuditRows.time(after.occurredAt()));
            params.add(after.id());
        }
        return sql + filter.newestFirst() + " LIMIT ?";
    }

    private static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    }

    public List<AuditRows.Stored> byTrace(String traceId) {
        return jdbc.query("SELECT * FROM audit_record r WHERE r.trace_id = ? ORDER BY r.chain_id, r.seq",
                (rs, i) -> rows.map(rs), traceId);
    }

    /** The trace's records that are in this tenant's scope (none: to the tenant, the trace does not exist). */
    public List<AuditRows.Stored> byTrace(String traceId, TenantScope scope) {
        return byTrace(traceId).stream().filter(s -> scope.includes(s.record().tenant())).toList();
    }

    /** Whether the trace has a record in this tenant's scope. */
    public boolean exists(String traceId, TenantScope scope) {
        return !byTrace(traceId, scope).isEmpty();
    }

    public boolean exists(String traceId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM audit_record WHERE trace_id = ?", (java.sql.ResultSet rs) -> rs.next(), traceId));
    }

    /** The redacted prompt and answer kept for a trace, if its use-case keeps content and it has not expired. */
    public Optional<RetainedText> retainedContent(String traceId) {
        return jdbc.query("SELECT * FROM audit_content WHERE trace_id = ?", (rs, i) -> new RetainedText(
                rs.getString("redacted_prompt"), rs.getString("redacted_answer"), AuditRows.instant(rs, "expires_at")), traceId)
                .stream().findFirst();
    }

    /** How many records match: the denominator of an export's progress. */
    public long count(AuditFilter filter) {
        AuditFilter.Sql where = filter.where();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record r" + where.sql(), Long.class, where.params().toArray());
        return n == null ? 0 : n;
    }

    /**
     * Runs {@code work} in one snapshot of the store, so that a count and the export after it see the same rows
     * (records the audit writer commits meanwhile are in neither).
     */
    public <T> T inSnapshot(Supplier<T> work) {
        return streaming.snapshot(work);
    }

    /** Oldest first, one row at a time from a cursor into the stream: memory stays flat however long the period. */
    public long exportJson(AuditFilter filter, OutputStream out) {
        return exportJson(filter, out, n -> { });
    }

    /** As {@link #exportJson(AuditFilter, OutputStream)}, reporting the rows written every {@link #PROGRESS_EVERY}. */
    public long exportJson(AuditFilter filter, OutputStream out, LongConsumer progress) {
        AuditFilter.Sql where = filter.where();
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("object", "audit_export");
            g.writeArrayFieldStart("data");
            long n = streamOldestFirst(where, s -> RecordJson.write(g, s), progress);
            g.writeEndArray();
            g.writeNumberField("count", n);
            g.writeEndObject();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long exportCsv(AuditFilter filter, OutputStream out) {
        return exportCsv(filter, out, n -> { });
    }

    public long exportCsv(AuditFilter filter, OutputStream out, LongConsumer progress) {
        AuditFilter.Sql where = filter.where();
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            RecordJson.csvHeader(w);
            long n = streamOldestFirst(where, s -> RecordJson.csv(w, s), progress);
            w.flush();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RecordWriter {
        void write(AuditRows.Stored stored) throws IOException;
    }

    private long streamOldestFirst(AuditFilter.Sql where, RecordWriter writer, LongConsumer progress) {
        long[] n = {0};
        streaming.stream("SELECT * FROM audit_record r" + where.sql() + " ORDER BY r.occurred_at, r.id", where.params(), rs -> {
            try {
                writer.write(rows.map(rs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++n[0] % PROGRESS_EVERY == 0) {
                progress.accept(n[0]);
            }
            return true;
        });
        progress.accept(n[0]);
        return n[0];
    }

    /**
     * Usage per period (day/month, UTC) × one dimension: requests, refused, redacted, failed, tokens, energy. Without a
     * filter other than the period, the endpoint and the tenant, whole closed days come from the daily roll-up
     * ({@link DailyUsageRollup}) and the rest (today, partial days) from the records, summed by the database in one
     * query; with any other filter every record is counted.
     */
    public List<UsageRow> aggregate(AuditFilter filter, String period, String by) {
        if (daily != null) {
            List<UsageRow> read = daily.consistently(uncounted -> aggregate(filter, period, by, uncounted));
            if (read != null) {
                return read;
            }
        }
        return aggregate(filter, period, by, null);
    }

    /** @param uncounted null: everything counted from the records; else whole closed days from the roll-up plus these */
    private List<UsageRow> aggregate(AuditFilter filter, String period, String by, UncountedRecords uncounted) {
        String p = period == null ? "month" : period.toLowerCase(Locale.ROOT);
        String key = by == null ? "model" : by.toLowerCase(Locale.ROOT);
        if (!PERIODS.contains(p) || !GROUP_BY.containsKey(key)) {
            throw new IllegalArgumentException("period moet day of month zijn; by een van " + GROUP_BY.keySet());
        }
        String periodColumn = p.equals("day") ? "period_day" : "period_month";
        String keyColumn = GROUP_BY.get(key);
        boolean withEndpoint = filter.endpoint() != null && !filter.endpoint().isBlank();
        Optional<RollupCoverage> days = uncounted != null ? rolledUp(filter) : Optional.empty();
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<AuditFilter> raw = new ArrayList<>();
        if (days.isEmpty()) {
            raw.add(filter);
        } else {
            RollupCoverage c = days.get();
            if (filter.from() == null || filter.from().isBefore(c.start())) {
                raw.add(filter.withPeriod(filter.from(), c.start()));
            }
            if (filter.to() == null || c.end().isBefore(filter.to())) {
                raw.add(filter.withPeriod(c.end(), filter.to()));
            }
            params.add(key);
            params.add(c.from().toString());
            params.add(c.to().toString());
            String endpoint;
            if (withEndpoint) {
                endpoint = "u.endpoint = ?";
                params.add(filter.endpoint());
            } else {
                endpoint = "u.endpoint <> 'operator'";
            }
            String tenantCondition = filter.scope().condition("u.tenant", params);
            parts.add("SELECT u." + periodColumn + " AS p, u.dim_value AS k, u.requests AS n, u.refused AS rf, u.redacted AS rd,"
                    + " u.failed AS fl, u.prompt_tokens AS pt, u.completion_tokens AS ct, u.energy_wh AS e FROM audit_usage_day u"
                    + " WHERE u.dimension = ? AND u.period_day >= ? AND u.period_day < ? AND " + endpoint
                    + (tenantCondition == null ? "" : " AND " + tenantCondition));
            // the records of those days the roll-up does not hold yet (since its last run, or late for their day)
            List<Object> recordParams = new ArrayList<>(List.of(c.from().toString(), c.to().toString()));
            if (withEndpoint) {
                recordParams.add(filter.endpoint());
            }
            String recordTenant = filter.scope().condition("r.tenant", recordParams);
            parts.set(parts.size() - 1, parts.getLast() + uncounted.branches("r." + periodColumn + ", " + keyColumn + ", 1,"
                    + " CASE WHEN r.decision = 'refused' THEN 1 ELSE 0 END, CASE WHEN r.decision = 'redacted' THEN 1 ELSE 0 END,"
                    + " CASE WHEN r.decision = 'failed' THEN 1 ELSE 0 END, r.prompt_tokens, r.completion_tokens, r.energy_wh",
                    "r.period_day >= ? AND r.period_day < ? AND " + endpoint.replace("u.", "r.")
                    + (recordTenant == null ? "" : " AND " + recordTenant), recordParams, params));
        }
        for (AuditFilter f : raw) {
            AuditFilter.Sql where = f.where();
            // usage counts requests: operator actions only when asked for (endpoint=operator)
            String conditions = withEndpoint ? where.sql()
                    : (where.sql().isEmpty() ? " WHERE " : where.sql() + " AND ") + "r.endpoint <> 'operator'";
            parts.add("SELECT r." + periodColumn + " AS p, " + keyColumn + " AS k, COUNT(*) AS n,"
                    + " SUM(CASE WHEN r.decision = 'refused' THEN 1 ELSE 0 END) AS rf,"
                    + " SUM(CASE WHEN r.decision = 'redacted' THEN 1 ELSE 0 END) AS rd,"
                    + " SUM(CASE WHEN r.decision = 'failed' THEN 1 ELSE 0 END) AS fl,"
                    + " SUM(r.prompt_tokens) AS pt, SUM(r.completion_tokens) AS ct, SUM(r.energy_wh) AS e"
                    + " FROM audit_record r" + conditions + " GROUP BY r." + periodColumn + ", " + keyColumn);
            params.addAll(where.params());
        }
        return jdbc.query("SELECT p, k, SUM(n), SUM(rf), SUM(rd), SUM(fl), SUM(pt), SUM(ct), SUM(e) FROM ("
                + String.join(" UNION ALL ", parts) + ") x GROUP BY p, k ORDER BY 1, 2", (rs, i) -> new UsageRow(
                        rs.getString(1).strip(), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), Math.round(rs.getDouble(9) * 1000) / 1000.0), params.toArray());
    }

    /** The whole closed days of the filter's period the roll-up holds, when the filter is one the roll-up can answer. */
    private Optional<RollupCoverage> rolledUp(AuditFilter f) {
        if (daily == null || !blank(f.actor()) || !blank(f.department()) || !blank(f.tool()) || !blank(f.useCase())
                || !blank(f.model()) || !blank(f.decision()) || !blank(f.rule()) || !blank(f.entityType())
                || !blank(f.traceId()) || !blank(f.action())) {
            return Optional.empty();
        }
        return daily.coverage().flatMap(c -> c.within(f.from() == null ? c.start() : f.from(), f.to() == null ? c.end() : f.to()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
