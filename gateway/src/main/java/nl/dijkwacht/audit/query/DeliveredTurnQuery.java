package nl.dijkwacht.audit.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.pipeline.DeliveredTurns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link DeliveredTurns} on the audit store (turns28): one query on the indexed {@code turn_hmac} column, within the
 * caller's tenant. Asked only when an earlier turn would cause a purpose refusal; a store that does not answer throws
 * {@link DeliveredTurns.Unknown} (the guard then refuses).
 */
public final class DeliveredTurnQuery implements DeliveredTurns {

    /** Hashes asked at most in one query (a longer conversation's oldest turns are read as not delivered). */
    static final int MAX_HASHES = 200;

    private final JdbcTemplate jdbc;
    private final TurnHasher hasher;

    public DeliveredTurnQuery(DataSource dataSource, TurnHasher hasher) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.hasher = hasher;
    }

    @Override
    public String hash(String content, List<String[]> calls) {
        return hasher.turn(content, calls);
    }

    @Override
    public String[] beforeNote(String content) {
        return TurnHasher.withoutNote(content);
    }

    @Override
    public Set<String> delivered(String tenant, Collection<String> hashes) {
        Set<String> asked = new LinkedHashSet<>(hashes);
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<String> some = asked.stream().limit(MAX_HASHES).toList();
        StringBuilder sql = new StringBuilder("SELECT DISTINCT turn_hmac FROM audit_record WHERE turn_hmac IN (");
        Object[] args = new Object[some.size() + (tenant == null ? 0 : 1)];
        for (int i = 0; i < some.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            args[i] = AuditRows.hashBytes(some.get(i));
        }
        sql.append(") AND ").append(tenant == null ? "tenant IS NULL" : "tenant = ?");
        if (tenant != null) {
            args[some.size()] = tenant;
        }
        try {
            return new HashSet<>(jdbc.query(sql.toString(), (rs, i) -> AuditRows.hashText(rs.getBytes(1)), args));
        } catch (RuntimeException e) { // DataAccessException, a pool that gives no connection
            throw new DeliveredTurns.Unknown(e);
        }
    }
}
