package nl.dijkwacht.audit.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.AuditSink;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A staff member flags a purpose-guard refusal as wrong (issue 10 item 2), from the tool, on the refusal's trace id —
 * so false refusals reach the policy owners. A flag is two things: a record in the audit chain (action
 * {@value #ACTION}, object {@code trace:<id>}, the staff member's pseudonym as actor; written first, so a flag never
 * exists without its chained record) and a complaint of kind {@link Oversight#REFUSAL_FLAG} that the policy owners
 * handle like any complaint (upheld: the refusal was wrong). The rate of flags per use-case is in the transparency
 * report. Only the tool and staff member the refusal went to may flag it, once.
 */
public final class RefusalFlags {

    public static final String ACTION = "refusal.flag";

    /** The refusals a flag may concern: the purpose guard's (a forbidden purpose, a person's special-category data). */
    public static final List<String> PURPOSE_GUARD_CODES = List.of("forbidden_purpose", "special_category_not_allowed");

    private final JdbcTemplate jdbc;
    private final Oversight oversight;
    private final AuditSink sink;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public RefusalFlags(DataSource dataSource, Oversight oversight, AuditSink sink, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.oversight = oversight;
        this.sink = sink;
        this.clock = clock;
    }

    /** The audit facts of a refused request. */
    public record Refused(String traceId, String toolId, String actorPseudonym, String useCase, String tenant,
                          String errorCode, String policyVersion, String purposeVerdict, String purposeLayer) {

        /** Whether this refusal went to this tool of this tenant and this staff member (both without one: the tool's key alone). */
        public boolean wentTo(String tool, String tenantId, String pseudonym) {
            return tool.equals(toolId) && java.util.Objects.equals(tenantId, tenant) && java.util.Objects.equals(pseudonym, actorPseudonym);
        }

        public boolean byPurposeGuard() {
            return PURPOSE_GUARD_CODES.contains(errorCode);
        }
    }

    /** The refused request with this trace id, or null. */
    public Refused refused(String traceId) {
        return jdbc.query("""
                SELECT trace_id, tool_id, actor_pseudonym, use_case, tenant, error_code, policy_version, purpose_verdict, purpose_layer
                FROM audit_record WHERE trace_id = ? AND endpoint <> ? AND decision = 'refused'""",
                (ResultSet rs) -> rs.next() ? new Refused(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)) : null,
                traceId, AuditRecord.OPERATOR_ENDPOINT);
    }

    public boolean flagged(String traceId) {
        return oversight.refusalFlagged(traceId);
    }

    /**
     * Records the flag: first the chained audit record (a failed write throws and nothing is stored), then the complaint.
     *
     * @param reason what the staff member wrote, PII-redacted and cut to 2,000 characters in the complaint; the chained
     *               record keeps only its length
     * @return the complaint id
     */
    public long flag(Refused refused, String reason) {
        Map<String, String> params = new TreeMap<>();
        params.put("trace_id", refused.traceId());
        params.put("error_code", refused.errorCode());
        if (refused.purposeVerdict() != null) {
            params.put("purpose", refused.purposeVerdict() + "/" + refused.purposeLayer());
        }
        params.put("reason_length", Integer.toString(reason == null ? 0 : reason.length()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        sink.append(AuditRecord.builder()
                .traceId(nl.dijkwacht.pipeline.TraceIds.next())
                .occurredAt(now)
                .bioAction(ACTION)
                .bioObject("trace:" + refused.traceId())
                .bioResult("success")
                .bioOrigin("tool:" + refused.toolId())
                .endpoint(AuditRecord.OPERATOR_ENDPOINT)
                .toolId(refused.toolId())
                .actorPseudonym(refused.actorPseudonym())
                .tenant(refused.tenant())
                .useCase(refused.useCase())
                .policyVersion(refused.policyVersion())
                .decision("allowed")
                .httpStatus(201)
                .actionParameters(write(params))
                .build());
        return oversight.refusalFlag(refused.traceId(), reason, "tool:" + refused.toolId(), refused.tenant());
    }

    private String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
