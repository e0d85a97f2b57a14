package nl.dijkwacht.audit.query;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;

/** The auditor's reads: search with paging, one trace in full, streamed exports, aggregates. */
public final class AuditQueries {

    public static final int MAX_PAGE_SIZE = 500;
    /** Aggregation keys an auditor may group by, mapped to their column. */
    public static final Map<String, String> GROUP_BY = Map.of(
            "model", "r.model_id", "department", "r.department", "use_case", "r.use_case", "tool", "r.tool_id",
            "decision", "r.decision");
    public static final Set<String> PERIODS = Set.of("day", "month");

    private final DataSource dataSource;
    private final AuditRows rows;
    private final ObjectMapper json;

    public AuditQueries(DataSource dataSource, AuditRows rows, ObjectMapper json) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.json = json;
    }

    public record Page(List<AuditRows.Stored> items, int page, int size, boolean hasMore) {
    }

    /** Newest first. */
    public Page search(AuditFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        AuditFilter.Sql where = filter.where();
        List<Object> params = new ArrayList<>(where.params());
        params.add(pageSize + 1);
        params.add((long) pageNo * pageSize);
        List<AuditRows.Stored> items = new ArrayList<>();
        StreamingQuery.run(dataSource, "SELECT * FROM audit_record r" + where.sql()
                + " ORDER BY r.occurred_at DESC, r.id DESC LIMIT ? OFFSET ?", params, rs -> {
                    items.add(rows.map(rs));
                    return true;
                });
        boolean more = items.size() > pageSize;
        return new Page(more ? items.subList(0, pageSize) : items, pageNo, pageSize, more);
    }

    public List<AuditRows.Stored> byTrace(String traceId) {
        List<AuditRows.Stored> items = new ArrayList<>();
        StreamingQuery.run(dataSource, "SELECT * FROM audit_record r WHERE r.trace_id = ? ORDER BY r.chain_id, r.seq",
                List.of(traceId), rs -> items.add(rows.map(rs)));
        return items;
    }

    /** Oldest first, one row at a time from a cursor into the stream: memory stays flat however long the period. */
    public long exportJson(AuditFilter filter, OutputStream out) {
        AuditFilter.Sql where = filter.where();
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("object", "audit_export");
            g.writeArrayFieldStart("data");
            long[] n = {0};
            StreamingQuery.run(dataSource, "SELECT * FROM audit_record r" + where.sql() + " ORDER BY r.occurred_at, r.id",
                    where.params(), rs -> {
                        try {
                            RecordJson.write(g, rows.map(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        n[0]++;
                        return true;
                    });
            g.writeEndArray();
            g.writeNumberField("count", n[0]);
            g.writeEndObject();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long exportCsv(AuditFilter filter, OutputStream out) {
        AuditFilter.Sql where = filter.where();
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            RecordJson.csvHeader(w);
            long[] n = {0};
            StreamingQuery.run(dataSource, "SELECT * FROM audit_record r" + where.sql() + " ORDER BY r.occurred_at, r.id",
                    where.params(), rs -> {
                        try {
                            RecordJson.csv(w, rows.map(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        n[0]++;
                        return true;
                    });
            w.flush();
            return n[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Usage per period (day/month, UTC) × one dimension: requests, refused, redacted, tokens, energy. */
    public List<Map<String, Object>> aggregate(AuditFilter filter, String period, String by) {
        String p = period == null ? "month" : period.toLowerCase(Locale.ROOT);
        String key = by == null ? "model" : by.toLowerCase(Locale.ROOT);
        if (!PERIODS.contains(p) || !GROUP_BY.containsKey(key)) {
            throw new IllegalArgumentException("period moet day of month zijn; by een van " + GROUP_BY.keySet());
        }
        String periodColumn = p.equals("day") ? "r.period_day" : "r.period_month";
        String keyColumn = GROUP_BY.get(key);
        AuditFilter.Sql where = filter.where();
        List<Map<String, Object>> out = new ArrayList<>();
        StreamingQuery.run(dataSource, "SELECT " + periodColumn + ", " + keyColumn + ", COUNT(*),"
                + " SUM(CASE WHEN r.decision = 'refused' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.decision = 'redacted' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.decision = 'failed' THEN 1 ELSE 0 END),"
                + " SUM(r.prompt_tokens), SUM(r.completion_tokens), SUM(r.energy_wh)"
                + " FROM audit_record r" + where.sql()
                + " GROUP BY " + periodColumn + ", " + keyColumn + " ORDER BY 1, 2", where.params(), rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("period", rs.getString(1).strip());
                    row.put(key, rs.getString(2));
                    row.put("requests", rs.getLong(3));
                    row.put("refused", rs.getLong(4));
                    row.put("redacted", rs.getLong(5));
                    row.put("failed", rs.getLong(6));
                    row.put("prompt_tokens", rs.getLong(7));
                    row.put("completion_tokens", rs.getLong(8));
                    row.put("energy_wh", Math.round(rs.getDouble(9) * 1000) / 1000.0);
                    out.add(row);
                    return true;
                });
        return out;
    }
}
