package nl.dijkwacht.audit.retention;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import nl.dijkwacht.audit.TenantScope;
import nl.dijkwacht.audit.store.AuditRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Legal holds: while a hold is active, retention deletes nothing it covers — records, redacted content, reviews,
 * complaints. A hold covers one trace, one (pseudonymous) user, or a period. Released holds stay as a record.
 */
public final class LegalHolds {

    /** SQL condition "an active hold covers the audit_record row aliased {@code r}". */
    static final String HELD_RECORD = """
            EXISTS (SELECT 1 FROM audit_legal_hold h WHERE h.released_at IS NULL AND (
                h.trace_id = r.trace_id
                OR h.actor_pseudonym = r.actor_pseudonym
                OR (h.period_start <= r.occurred_at AND r.occurred_at < h.period_end)))""";

    /** The longest trace id (or actor pseudonym) a hold can name: the width of its column. */
    public static final int TRACE_ID_MAX = 64;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LegalHolds(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    public record Hold(long id, String traceId, String actorPseudonym, Instant periodStart, Instant periodEnd,
                       String reason, String createdBy, Instant createdAt, Instant releasedAt, String releasedBy) {

        /** Serialised as {@code active}: the hold still protects what it covers. */
        public boolean isActive() {
            return releasedAt == null;
        }
    }

    private static final RowMapper<Hold> HOLD = (rs, i) -> new Hold(rs.getLong("id"), rs.getString("trace_id"),
            rs.getString("actor_pseudonym"), AuditRows.instant(rs, "period_start"), AuditRows.instant(rs, "period_end"),
            rs.getString("reason"), rs.getString("created_by"), AuditRows.instant(rs, "created_at"),
            AuditRows.instant(rs, "released_at"), rs.getString("released_by"));

    /** Exactly one scope: a trace id, an actor pseudonym, or a period [start, end). */
    public long place(String traceId, String actorPseudonym, Instant periodStart, Instant periodEnd, String reason,
                      String createdBy) {
        return place(traceId, actorPseudonym, periodStart, periodEnd, reason, createdBy, null);
    }

    /**
     * @param tenant the tenant of the auditor placing it (its auditors see and release it). A hold protects whatever
     *               it covers in the store; holding too much only keeps records longer, never shorter.
     */
    public long place(String traceId, String actorPseudonym, Instant periodStart, Instant periodEnd, String reason,
                      String createdBy, String tenant) {
        int scopes = (traceId != null ? 1 : 0) + (actorPseudonym != null ? 1 : 0) + (periodStart != null || periodEnd != null ? 1 : 0);
        if (scopes != 1) {
            throw new IllegalArgumentException("Geef precies één bereik op: trace_id, user/actor, of period_start + period_end.");
        }
        if ((periodStart == null) != (periodEnd == null) || (periodStart != null && !periodStart.isBefore(periodEnd))) {
            throw new IllegalArgumentException("Een periode heeft een begin vóór het einde nodig (period_start, period_end).");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Geef een reden (reason) voor de bewaarplicht op.");
        }
        if (traceId != null && traceId.length() > TRACE_ID_MAX || actorPseudonym != null && actorPseudonym.length() > TRACE_ID_MAX) {
            // the columns hold 64 characters: a longer value is no trace id or pseudonym (and was a database error, a 5xx)
            throw new IllegalArgumentException("Een trace-id of pseudoniem is hoogstens " + TRACE_ID_MAX + " tekens lang.");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO audit_legal_hold (trace_id, actor_pseudonym, period_start, period_end, reason, created_by, created_at, tenant)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, traceId);
            ps.setString(2, actorPseudonym);
            ps.setObject(3, AuditRows.time(periodStart));
            ps.setObject(4, AuditRows.time(periodEnd));
            ps.setString(5, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.setString(6, createdBy);
            ps.setObject(7, AuditRows.time(clock.instant()));
            ps.setString(8, tenant);
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
    }

    /** @return false when there is no active hold with this id */
    public boolean release(long id, String releasedBy) {
        return release(id, releasedBy, TenantScope.everything());
    }

    /** @return false when the tenant has no active hold with this id (another tenant's hold is not found) */
    public boolean release(long id, String releasedBy, TenantScope scope) {
        List<Object> params = new java.util.ArrayList<>(List.of(AuditRows.time(clock.instant()), releasedBy, id));
        String tenantCondition = scope.condition("tenant", params);
        return jdbc.update("UPDATE audit_legal_hold SET released_at = ?, released_by = ? WHERE id = ? AND released_at IS NULL"
                + (tenantCondition == null ? "" : " AND " + tenantCondition), params.toArray()) == 1;
    }

    /** Every hold, active and released, oldest first. */
    public List<Hold> list() {
        return list(TenantScope.everything());
    }

    /** The tenant's holds, active and released, oldest first. */
    public List<Hold> list(TenantScope scope) {
        List<Object> params = new java.util.ArrayList<>();
        String tenantCondition = scope.condition("tenant", params);
        return jdbc.query("SELECT * FROM audit_legal_hold" + (tenantCondition == null ? "" : " WHERE " + tenantCondition)
                + " ORDER BY id", HOLD, params.toArray());
    }

    /** Active holds that cover a trace (for the record view). */
    public List<Long> holdsCovering(String traceId) {
        return jdbc.queryForList("SELECT h.id FROM audit_record r JOIN audit_legal_hold h ON h.released_at IS NULL AND ("
                + "h.trace_id = r.trace_id OR h.actor_pseudonym = r.actor_pseudonym "
                + "OR (h.period_start <= r.occurred_at AND r.occurred_at < h.period_end)) WHERE r.trace_id = ? ORDER BY h.id",
                Long.class, traceId);
    }
}
