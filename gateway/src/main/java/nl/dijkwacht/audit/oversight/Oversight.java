package nl.dijkwacht.audit.oversight;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.dijkwacht.audit.ContentRedactor;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;

/**
 * Human oversight and complaints, attached to trace ids: what happened to an answer (accepted as is, edited,
 * rejected — by whom, hash of the final text), the share accepted unchanged per use-case (automation-bias measure),
 * answers still waiting for a required review, and objections / error reports.
 */
public final class Oversight {

    public static final Set<String> OUTCOMES = Set.of("accepted", "edited", "rejected");
    public static final Set<String> COMPLAINT_KINDS = Set.of("objection", "error_report");

    private final DataSource dataSource;
    private final ContentRedactor redactor;
    private final ChainCodec codec;
    private final Clock clock;

    public Oversight(DataSource dataSource, ContentRedactor redactor, ChainCodec codec, Clock clock) {
        this.dataSource = dataSource;
        this.redactor = redactor;
        this.codec = codec;
        this.clock = clock;
    }

    static Object[] reviewFields(String traceId, String outcome, String reviewer, String tool, String useCase,
                                 String finalHash, String keyId, Instant at) {
        return new Object[] {traceId, outcome, reviewer, tool, useCase, finalHash, keyId, at};
    }

    static Object[] complaintFields(String traceId, String kind, String reference, String summary, String reportedBy,
                                    String channel, Instant at) {
        return new Object[] {traceId, kind, reference, summary, reportedBy, channel, at};
    }

    /** Recomputes the row MAC of every review and complaint; returns the first edited row, or null. */
    public Map<String, Object> verifyRows() {
        Map<String, Object> out = new LinkedHashMap<>();
        long[] checked = {0};
        String[] problem = {null};
        StreamingQuery.run(dataSource, "SELECT * FROM audit_review ORDER BY trace_id", List.of(), rs -> {
            Instant at = AuditRows.instant(rs, "reported_at");
            String mac = codec.rowMac("audit_review", reviewFields(rs.getString("trace_id"), rs.getString("outcome"),
                    rs.getString("reviewer_pseudonym"), rs.getString("tool_id"), rs.getString("use_case"),
                    rs.getString("final_text_hash"), rs.getString("final_hash_key_id"), at));
            checked[0]++;
            if (!mac.equals(rs.getString("row_mac"))) {
                problem[0] = "review of trace " + rs.getString("trace_id") + " was changed";
                return false;
            }
            return true;
        });
        if (problem[0] == null) {
            StreamingQuery.run(dataSource, "SELECT * FROM audit_complaint ORDER BY id", List.of(), rs -> {
                Instant at = AuditRows.instant(rs, "created_at");
                String mac = codec.rowMac("audit_complaint", complaintFields(rs.getString("trace_id"), rs.getString("kind"),
                        rs.getString("reference"), rs.getString("summary"), rs.getString("reported_by"),
                        rs.getString("channel"), at));
                checked[0]++;
                if (!mac.equals(rs.getString("row_mac"))) {
                    problem[0] = "complaint " + rs.getLong("id") + " (trace " + rs.getString("trace_id") + ") was changed";
                    return false;
                }
                return true;
            });
        }
        out.put("ok", problem[0] == null);
        out.put("rows_checked", checked[0]);
        out.put("problem", problem[0]);
        return out;
    }

    /** The audit facts of a trace the caller may report on, or null when unknown. */
    public record Answered(String traceId, String toolId, String useCase, boolean reviewRequired) {
    }

    public Answered answered(String traceId) {
        Answered[] found = new Answered[1];
        StreamingQuery.run(dataSource, """
                SELECT trace_id, tool_id, use_case, review_required FROM audit_record
                WHERE trace_id = ? AND endpoint IN ('chat.completions', 'responses', 'completions') AND http_status = 200 AND error_code IS NULL""",
                List.of(traceId), rs -> {
                    found[0] = new Answered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                    return false;
                });
        return found[0];
    }

    public enum Stored { STORED, DUPLICATE }

    public Stored review(Answered answer, String outcome, String reviewerPseudonym, String finalTextHash,
                         String finalHashKeyId) {
        String o = outcome.toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(o)) {
            throw new IllegalArgumentException("outcome moet accepted, edited of rejected zijn.");
        }
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_review (trace_id, outcome, reviewer_pseudonym, tool_id, use_case, final_text_hash,
                  final_hash_key_id, reported_at, row_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, answer.traceId());
            ps.setString(2, o);
            ps.setString(3, reviewerPseudonym);
            ps.setString(4, answer.toolId());
            ps.setString(5, answer.useCase());
            ps.setString(6, finalTextHash);
            ps.setString(7, finalHashKeyId);
            ps.setObject(8, AuditRows.time(at));
            ps.setString(9, codec.rowMac("audit_review", reviewFields(answer.traceId(), o, reviewerPseudonym,
                    answer.toolId(), answer.useCase(), finalTextHash, finalHashKeyId, at)));
            ps.executeUpdate();
            return Stored.STORED;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return Stored.DUPLICATE;
            }
            throw new IllegalStateException("cannot store review: " + e.getSQLState(), e);
        }
    }

    public long complaint(String traceId, String kind, String reference, String summary, String reportedBy, String channel) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!COMPLAINT_KINDS.contains(k)) {
            throw new IllegalArgumentException("kind moet objection (bezwaar van een inwoner) of error_report (foutmelding) zijn.");
        }
        String clean = summary == null ? null : redactor.redact(summary.length() > 2000 ? summary.substring(0, 2000) : summary);
        String ref = reference == null ? null : redactor.redact(reference.length() > 100 ? reference.substring(0, 100) : reference);
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_complaint (trace_id, kind, reference, summary, reported_by, channel, created_at, row_mac)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            ps.setString(1, traceId);
            ps.setString(2, k);
            ps.setString(3, ref);
            ps.setString(4, clean);
            ps.setString(5, reportedBy);
            ps.setString(6, channel);
            ps.setObject(7, AuditRows.time(at));
            ps.setString(8, codec.rowMac("audit_complaint", complaintFields(traceId, k, ref, clean, reportedBy, channel, at)));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store complaint: " + e.getSQLState(), e);
        }
    }

    public Map<String, Object> reviewOf(String traceId) {
        Map<String, Object> out = new LinkedHashMap<>();
        StreamingQuery.run(dataSource, "SELECT * FROM audit_review WHERE trace_id = ?", List.of(traceId), rs -> {
            out.put("outcome", rs.getString("outcome"));
            out.put("reviewer", rs.getString("reviewer_pseudonym"));
            out.put("tool", rs.getString("tool_id"));
            out.put("final_text_hash", rs.getString("final_text_hash"));
            out.put("final_hash_key_id", rs.getString("final_hash_key_id"));
            out.put("reported_at", AuditRows.instant(rs, "reported_at").toString());
            return false;
        });
        return out.isEmpty() ? null : out;
    }

    public List<Map<String, Object>> complaintsOf(String traceId) {
        List<Map<String, Object>> out = new ArrayList<>();
        StreamingQuery.run(dataSource, "SELECT * FROM audit_complaint WHERE trace_id = ? ORDER BY id", List.of(traceId), rs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rs.getLong("id"));
            m.put("kind", rs.getString("kind"));
            m.put("reference", rs.getString("reference"));
            m.put("summary", rs.getString("summary"));
            m.put("reported_by", rs.getString("reported_by"));
            m.put("channel", rs.getString("channel"));
            m.put("created_at", AuditRows.instant(rs, "created_at").toString());
            out.add(m);
            return true;
        });
        return out;
    }

    /**
     * Per use-case over answered chat requests in [from, to): answers, reviews by outcome, the share accepted
     * unchanged (of reviewed answers) and how many answers that require review have none.
     */
    public List<Map<String, Object>> stats(Instant from, Instant to) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE r.endpoint IN ('chat.completions', 'responses', 'completions') AND r.http_status = 200 AND r.error_code IS NULL");
        if (from != null) {
            where.append(" AND r.occurred_at >= ?");
            params.add(AuditRows.time(from));
        }
        if (to != null) {
            where.append(" AND r.occurred_at < ?");
            params.add(AuditRows.time(to));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        StreamingQuery.run(dataSource, """
                SELECT r.use_case, COUNT(*), COUNT(v.trace_id),
                  SUM(CASE WHEN v.outcome = 'accepted' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.outcome = 'edited' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.outcome = 'rejected' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN r.review_required AND v.trace_id IS NULL THEN 1 ELSE 0 END),
                  MAX(CASE WHEN r.review_required THEN 1 ELSE 0 END)
                FROM audit_record r LEFT JOIN audit_review v ON v.trace_id = r.trace_id""" + where
                + " GROUP BY r.use_case ORDER BY r.use_case", params, rs -> {
                    long answers = rs.getLong(2);
                    long reviewed = rs.getLong(3);
                    long accepted = rs.getLong(4);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("use_case", rs.getString(1));
                    m.put("answers", answers);
                    m.put("reviewed", reviewed);
                    m.put("accepted_unchanged", accepted);
                    m.put("edited", rs.getLong(5));
                    m.put("rejected", rs.getLong(6));
                    m.put("accepted_unchanged_share", reviewed == 0 ? null : Math.round(accepted * 1000.0 / reviewed) / 1000.0);
                    m.put("review_required", rs.getInt(8) == 1);
                    m.put("unreviewed_required", rs.getLong(7));
                    out.add(m);
                    return true;
                });
        return out;
    }

    /** Answers of use-cases that require human review and have no review yet, oldest first. */
    public List<Map<String, Object>> unreviewed(String useCase, int limit) {
        List<Object> params = new ArrayList<>();
        String extra = "";
        if (useCase != null && !useCase.isBlank()) {
            extra = " AND r.use_case = ?";
            params.add(useCase);
        }
        params.add(Math.max(1, Math.min(limit, 1000)));
        List<Map<String, Object>> out = new ArrayList<>();
        StreamingQuery.run(dataSource, """
                SELECT r.trace_id, r.occurred_at, r.use_case, r.tool_id, r.actor_pseudonym, r.department, r.model_id
                FROM audit_record r WHERE r.review_required
                  AND NOT EXISTS (SELECT 1 FROM audit_review v WHERE v.trace_id = r.trace_id)""" + extra
                + " ORDER BY r.occurred_at LIMIT ?", params, rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("trace_id", rs.getString(1));
                    m.put("occurred_at", AuditRows.instant(rs, "occurred_at").toString());
                    m.put("use_case", rs.getString(3));
                    m.put("tool", rs.getString(4));
                    m.put("actor", rs.getString(5));
                    m.put("department", rs.getString(6));
                    m.put("model", rs.getString(7));
                    out.add(m);
                    return true;
                });
        return out;
    }
}
