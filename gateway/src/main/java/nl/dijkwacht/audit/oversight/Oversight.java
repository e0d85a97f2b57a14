package nl.dijkwacht.audit.oversight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.dijkwacht.audit.ContentRedactor;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.audit.store.StreamingQuery;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Human oversight and complaints, attached to trace ids: what happened to an answer (accepted as is, edited,
 * rejected — by whom, hash of the final text), the share accepted unchanged per use-case (automation-bias measure),
 * answers still waiting for a required review, and objections / error reports with their handling.
 */
public final class Oversight {

    public static final Set<String> OUTCOMES = Set.of("accepted", "edited", "rejected");
    public static final Set<String> COMPLAINT_KINDS = Set.of("objection", "error_report");
    /** A staff member's flag that a purpose-guard refusal was wrong ({@link RefusalFlags}); not a kind a caller may choose. */
    public static final String REFUSAL_FLAG = "refusal_flag";

    private final JdbcTemplate jdbc;
    private final StreamingQuery streaming;
    private final ContentRedactor redactor;
    private final ChainCodec codec;
    private final Clock clock;

    public Oversight(DataSource dataSource, ContentRedactor redactor, ChainCodec codec, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new StreamingQuery(dataSource);
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

    static Object[] outcomeFields(long complaintId, String status, String explanation, String decidedBy, Instant at) {
        return new Object[] {complaintId, status, explanation, decidedBy, at};
    }

    /** Recomputes the row MAC of every review, complaint and complaint outcome; reports the first edited row. */
    public RowsVerification verifyRows() {
        return verifyRows(TenantScope.everything());
    }

    /**
     * The rows of one tenant: its complaints and their outcomes (by the complaint's tenant) and the reviews of its
     * answers (by the tenant of the trace's records) — so neither the count nor a problem names another tenant's rows.
     */
    public RowsVerification verifyRows(TenantScope scope) {
        long[] checked = {0};
        String[] problem = {null};
        List<Object> reviewParams = new ArrayList<>();
        String reviewTenant = scope.condition("r.tenant", reviewParams);
        String reviews = reviewTenant == null ? "SELECT * FROM audit_review ORDER BY trace_id"
                : "SELECT v.* FROM audit_review v WHERE EXISTS (SELECT 1 FROM audit_record r WHERE r.trace_id = v.trace_id AND "
                + reviewTenant + ") ORDER BY v.trace_id";
        List<Object> complaintParams = new ArrayList<>();
        String complaintTenant = scope.condition("c.tenant", complaintParams);
        String complaints = "SELECT c.* FROM audit_complaint c" + (complaintTenant == null ? "" : " WHERE " + complaintTenant)
                + " ORDER BY c.id";
        String outcomes = complaintTenant == null ? "SELECT * FROM audit_complaint_outcome ORDER BY id"
                : "SELECT o.* FROM audit_complaint_outcome o WHERE o.complaint_id IN (SELECT c.id FROM audit_complaint c WHERE "
                + complaintTenant + ") ORDER BY o.id";
        streaming.stream(reviews, reviewParams, rs -> {
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
            streaming.stream(complaints, complaintParams, rs -> {
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
        if (problem[0] == null) {
            streaming.stream(outcomes, complaintParams, rs -> {
                String mac = codec.rowMac("audit_complaint_outcome", outcomeFields(rs.getLong("complaint_id"),
                        rs.getString("status"), rs.getString("explanation"), rs.getString("decided_by"),
                        AuditRows.instant(rs, "decided_at")));
                checked[0]++;
                if (!mac.equals(rs.getString("row_mac"))) {
                    problem[0] = "outcome " + rs.getLong("id") + " of complaint " + rs.getLong("complaint_id") + " was changed";
                    return false;
                }
                return true;
            });
        }
        return new RowsVerification(problem[0] == null, checked[0], problem[0]);
    }

    /** The audit facts of a trace the caller may report on, or null when unknown. */
    public record Answered(String traceId, String toolId, String useCase, boolean reviewRequired, String tenant) {

        /** Whether this answer went to this tool of this tenant (tool ids are only unique within a tenant). */
        public boolean wentTo(String tool, String tenantId) {
            return tool.equals(toolId) && java.util.Objects.equals(tenantId, tenant);
        }
    }

    public Answered answered(String traceId) {
        return jdbc.query("""
                SELECT trace_id, tool_id, use_case, review_required, tenant FROM audit_record
                WHERE trace_id = ? AND endpoint IN ('chat.completions', 'responses', 'completions') AND http_status = 200 AND error_code IS NULL""",
                (ResultSet rs) -> rs.next()
                        ? new Answered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)) : null,
                traceId);
    }

    public enum Stored { STORED, DUPLICATE }

    public Stored review(Answered answer, String outcome, String reviewerPseudonym, String finalTextHash,
                         String finalHashKeyId) {
        String o = outcome.toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(o)) {
            throw new IllegalArgumentException("outcome moet accepted, edited of rejected zijn.");
        }
        Instant at = now();
        try {
            jdbc.update("""
                    INSERT INTO audit_review (trace_id, outcome, reviewer_pseudonym, tool_id, use_case, final_text_hash,
                      final_hash_key_id, reported_at, row_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    answer.traceId(), o, reviewerPseudonym, answer.toolId(), answer.useCase(), finalTextHash,
                    finalHashKeyId, AuditRows.time(at), codec.rowMac("audit_review", reviewFields(answer.traceId(), o,
                            reviewerPseudonym, answer.toolId(), answer.useCase(), finalTextHash, finalHashKeyId, at)));
            return Stored.STORED;
        } catch (DataIntegrityViolationException e) {
            return Stored.DUPLICATE;
        }
    }

    public long complaint(String traceId, String kind, String reference, String summary, String reportedBy, String channel) {
        return complaint(traceId, kind, reference, summary, reportedBy, channel, null);
    }

    /** @param tenant the tenant of the answer the complaint concerns (its auditors see it) */
    public long complaint(String traceId, String kind, String reference, String summary, String reportedBy, String channel,
                          String tenant) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!COMPLAINT_KINDS.contains(k)) {
            throw new IllegalArgumentException("kind moet objection (bezwaar van een inwoner) of error_report (foutmelding) zijn.");
        }
        return insertComplaint(traceId, k, reference, summary, reportedBy, channel, tenant);
    }

    /** Stores a staff member's flag on a refusal as a complaint of kind {@link #REFUSAL_FLAG} (its handling as for any complaint). */
    long refusalFlag(String traceId, String reason, String reportedBy, String tenant) {
        return insertComplaint(traceId, REFUSAL_FLAG, null, reason, reportedBy, "tool", tenant);
    }

    /** Whether this refusal was already flagged. */
    boolean refusalFlagged(String traceId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_complaint WHERE trace_id = ? AND kind = ?", Long.class,
                traceId, REFUSAL_FLAG);
        return n != null && n > 0;
    }

    private long insertComplaint(String traceId, String k, String reference, String summary, String reportedBy, String channel,
                                 String tenant) {
        String clean = redacted(summary, 2000);
        String ref = redacted(reference, 100);
        Instant at = now();
        return insert("""
                INSERT INTO audit_complaint (trace_id, kind, reference, summary, reported_by, channel, created_at, row_mac, tenant)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", traceId, k, ref, clean, reportedBy, channel, AuditRows.time(at),
                codec.rowMac("audit_complaint", complaintFields(traceId, k, ref, clean, reportedBy, channel, at)), tenant);
    }

    /**
     * Appends the handling of a complaint (status and explanation, PII-redacted). A complaint that is upheld,
     * rejected or withdrawn is closed: it takes no further outcome.
     *
     * @return the stored outcome, or null when there is no complaint with this id
     */
    public ComplaintOutcome recordOutcome(long complaintId, String status, String explanation, String decidedBy) {
        return recordOutcome(complaintId, status, explanation, decidedBy, TenantScope.everything());
    }

    /** As {@link #recordOutcome(long, String, String, String)}; another tenant's complaint does not exist (null). */
    public ComplaintOutcome recordOutcome(long complaintId, String status, String explanation, String decidedBy, TenantScope scope) {
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!ComplaintOutcome.STATUSES.contains(s)) {
            throw new IllegalArgumentException("status moet in_progress, upheld (gegrond), rejected (ongegrond) of withdrawn (ingetrokken) zijn.");
        }
        Complaint complaint = complaint(complaintId, scope);
        if (complaint == null) {
            return null;
        }
        if (!complaint.status().equals(Complaint.OPEN) && !complaint.status().equals("in_progress")) {
            throw new IllegalArgumentException("Deze klacht is al afgehandeld (" + complaint.status() + "); er kan geen uitkomst meer bij.");
        }
        String clean = redacted(explanation, 2000);
        Instant at = now();
        long id = insert("""
                INSERT INTO audit_complaint_outcome (complaint_id, status, explanation, decided_by, decided_at, row_mac)
                VALUES (?, ?, ?, ?, ?, ?)""", complaintId, s, clean, decidedBy, AuditRows.time(at),
                codec.rowMac("audit_complaint_outcome", outcomeFields(complaintId, s, clean, decidedBy, at)));
        return new ComplaintOutcome(id, complaintId, s, clean, decidedBy, at);
    }

    public Review reviewOf(String traceId) {
        List<Review> reviews = jdbc.query("SELECT * FROM audit_review WHERE trace_id = ?", (rs, i) -> new Review(
                rs.getString("outcome"), rs.getString("reviewer_pseudonym"), rs.getString("tool_id"),
                rs.getString("final_text_hash"), rs.getString("final_hash_key_id"), AuditRows.instant(rs, "reported_at")),
                traceId);
        return reviews.isEmpty() ? null : reviews.getFirst();
    }

    public List<Complaint> complaintsOf(String traceId) {
        return withOutcomes(jdbc.query("SELECT * FROM audit_complaint WHERE trace_id = ? ORDER BY id", COMPLAINT, traceId));
    }

    public Complaint complaint(long id) {
        List<Complaint> found = withOutcomes(jdbc.query("SELECT * FROM audit_complaint WHERE id = ?", COMPLAINT, id));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The complaint, or {@code null} when there is none with this id in the tenant's scope. */
    public Complaint complaint(long id, TenantScope scope) {
        Complaint c = complaint(id);
        return c != null && scope.includes(c.tenant()) ? c : null;
    }

    /**
     * Complaints, newest first, optionally only those with a given status ({@code open}, {@code in_progress},
     * {@code upheld}, …; {@code unresolved} = open or in progress).
     */
    public List<Complaint> complaints(String status, int limit) {
        return complaints(status, limit, TenantScope.everything());
    }

    /** As {@link #complaints(String, int)}, only the tenant's own. */
    public List<Complaint> complaints(String status, int limit, TenantScope scope) {
        String latest = "(SELECT o.status FROM audit_complaint_outcome o WHERE o.complaint_id = c.id ORDER BY o.id DESC LIMIT 1)";
        String where = "";
        List<Object> params = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            String s = status.strip().toLowerCase(Locale.ROOT);
            if (s.equals(Complaint.OPEN)) {
                where = " WHERE " + latest + " IS NULL";
            } else if (s.equals("unresolved")) {
                where = " WHERE " + latest + " IS NULL OR " + latest + " = 'in_progress'";
            } else if (ComplaintOutcome.STATUSES.contains(s)) {
                where = " WHERE " + latest + " = ?";
                params.add(s);
            } else {
                throw new IllegalArgumentException("status moet open, unresolved, in_progress, upheld, rejected of withdrawn zijn.");
            }
        }
        String tenantCondition = scope.condition("c.tenant", params);
        if (tenantCondition != null) {
            where = where.isEmpty() ? " WHERE " + tenantCondition : " WHERE (" + where.substring(7) + ") AND " + tenantCondition;
        }
        params.add(Math.max(1, Math.min(limit, 1000)));
        return withOutcomes(jdbc.query("SELECT c.* FROM audit_complaint c" + where + " ORDER BY c.id DESC LIMIT ?",
                COMPLAINT, params.toArray()));
    }

    private static final RowMapper<Complaint> COMPLAINT = (rs, i) -> new Complaint(rs.getLong("id"), rs.getString("trace_id"),
            rs.getString("kind"), rs.getString("reference"), rs.getString("summary"), rs.getString("reported_by"),
            rs.getString("channel"), AuditRows.instant(rs, "created_at"), Complaint.OPEN, List.of(), rs.getString("tenant"));

    private List<Complaint> withOutcomes(List<Complaint> complaints) {
        if (complaints.isEmpty()) {
            return complaints;
        }
        Map<Long, List<ComplaintOutcome>> byComplaint = new LinkedHashMap<>();
        List<Long> ids = complaints.stream().map(Complaint::id).toList();
        jdbc.query("SELECT * FROM audit_complaint_outcome WHERE complaint_id IN (" + "?,".repeat(ids.size() - 1) + "?) ORDER BY id",
                (ResultSet rs) -> {
                    while (rs.next()) {
                        ComplaintOutcome o = new ComplaintOutcome(rs.getLong("id"), rs.getLong("complaint_id"),
                                rs.getString("status"), rs.getString("explanation"), rs.getString("decided_by"),
                                AuditRows.instant(rs, "decided_at"));
                        byComplaint.computeIfAbsent(o.complaintId(), k -> new ArrayList<>()).add(o);
                    }
                    return null;
                }, ids.toArray());
        return complaints.stream().map(c -> {
            List<ComplaintOutcome> outcomes = byComplaint.getOrDefault(c.id(), List.of());
            return new Complaint(c.id(), c.traceId(), c.kind(), c.reference(), c.summary(), c.reportedBy(), c.channel(),
                    c.createdAt(), outcomes.isEmpty() ? Complaint.OPEN : outcomes.getLast().status(), outcomes, c.tenant());
        }).toList();
    }

    /** Per use-case over answered chat requests in [from, to). */
    public List<ReviewStats> stats(Instant from, Instant to) {
        return stats(from, to, TenantScope.everything());
    }

    /** As {@link #stats(Instant, Instant)} over the tenant's own answers. */
    public List<ReviewStats> stats(Instant from, Instant to, TenantScope scope) {
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
        String tenantCondition = scope.condition("r.tenant", params);
        if (tenantCondition != null) {
            where.append(" AND ").append(tenantCondition);
        }
        return jdbc.query("""
                SELECT r.use_case, COUNT(*), COUNT(v.trace_id),
                  SUM(CASE WHEN v.outcome = 'accepted' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.outcome = 'edited' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN v.outcome = 'rejected' THEN 1 ELSE 0 END),
                  SUM(CASE WHEN r.review_required AND v.trace_id IS NULL THEN 1 ELSE 0 END),
                  MAX(CASE WHEN r.review_required THEN 1 ELSE 0 END)
                FROM audit_record r LEFT JOIN audit_review v ON v.trace_id = r.trace_id""" + where
                + " GROUP BY r.use_case ORDER BY r.use_case", (rs, i) -> {
                    long reviewed = rs.getLong(3);
                    long accepted = rs.getLong(4);
                    return new ReviewStats(rs.getString(1), rs.getLong(2), reviewed, accepted, rs.getLong(5), rs.getLong(6),
                            reviewed == 0 ? null : Math.round(accepted * 1000.0 / reviewed) / 1000.0, rs.getInt(8) == 1,
                            rs.getLong(7));
                }, params.toArray());
    }

    /** Answers that require review and have none, oldest first. */
    public List<UnreviewedAnswer> unreviewed(String useCase, int limit) {
        return unreviewed(useCase, limit, TenantScope.everything());
    }

    /** As {@link #unreviewed(String, int)} among the tenant's own answers. */
    public List<UnreviewedAnswer> unreviewed(String useCase, int limit, TenantScope scope) {
        List<Object> params = new ArrayList<>();
        String extra = "";
        if (useCase != null && !useCase.isBlank()) {
            extra = " AND r.use_case = ?";
            params.add(useCase);
        }
        String tenantCondition = scope.condition("r.tenant", params);
        if (tenantCondition != null) {
            extra += " AND " + tenantCondition;
        }
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.query("""
                SELECT r.trace_id, r.occurred_at, r.use_case, r.tool_id, r.actor_pseudonym, r.department, r.model_id
                FROM audit_record r WHERE r.review_required
                  AND NOT EXISTS (SELECT 1 FROM audit_review v WHERE v.trace_id = r.trace_id)""" + extra
                + " ORDER BY r.occurred_at LIMIT ?", (rs, i) -> new UnreviewedAnswer(rs.getString(1),
                        AuditRows.instant(rs, "occurred_at"), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), params.toArray());
    }

    private String redacted(String text, int max) {
        return text == null ? null : redactor.redact(text.length() > max ? text.substring(0, max) : text);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private long insert(String sql, Object... values) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps;
        }, keys);
        return java.util.Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }
}
