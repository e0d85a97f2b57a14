package nl.dijkwacht.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stores audit records in the {@code audit_record} table (H2 by default, PostgreSQL in production). */
public final class JdbcAuditSink implements AuditSink {

    private static final String INSERT = """
            INSERT INTO audit_record (trace_id, occurred_at, endpoint, tool_id, actor_pseudonym, department, tenant,
              use_case, model_id, upstream_model, provider, policy_version, decision, rule, error_code, http_status,
              upstream_status, entity_counts, output_entity_counts, prompt_tokens, completion_tokens, latency_ms,
              streamed, placeholders_restored, placeholders_unknown)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public JdbcAuditSink(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void append(AuditRecord r) {
        jdbc.update(INSERT, ps -> {
            ps.setString(1, r.traceId());
            ps.setTimestamp(2, Timestamp.from(r.occurredAt()));
            ps.setString(3, r.endpoint());
            ps.setString(4, r.toolId());
            ps.setString(5, r.actorPseudonym());
            ps.setString(6, r.department());
            ps.setString(7, r.tenant());
            ps.setString(8, r.useCase());
            ps.setString(9, r.modelId());
            ps.setString(10, r.upstreamModel());
            ps.setString(11, r.provider());
            ps.setString(12, r.policyVersion());
            ps.setString(13, r.decision());
            ps.setString(14, r.rule());
            ps.setString(15, r.errorCode());
            ps.setInt(16, r.httpStatus());
            if (r.upstreamStatus() == null) {
                ps.setNull(17, Types.INTEGER);
            } else {
                ps.setInt(17, r.upstreamStatus());
            }
            ps.setString(18, toJson(r.entityCounts()));
            ps.setString(19, toJson(r.outputEntityCounts()));
            ps.setInt(20, r.promptTokens());
            ps.setInt(21, r.completionTokens());
            ps.setLong(22, r.latencyMillis());
            ps.setBoolean(23, r.streamed());
            ps.setInt(24, r.placeholdersRestored());
            ps.setInt(25, r.placeholdersUnknown());
        });
    }

    private String toJson(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
