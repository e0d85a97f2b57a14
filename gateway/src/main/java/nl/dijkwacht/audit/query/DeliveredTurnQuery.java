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

    /** Hashes asked in one query. */
    static final int PER_QUERY = 200;
    /**
     * Hashes asked at most per request, in queries of {@link #PER_QUERY}: the newest turns' (a longer conversation's
     * oldest turns are read as not delivered). Bounds the look-ups a 1 MiB body of tiny turns can cause.
     */
    static final int MAX_HASHES = 1_000;

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
        // review44b: only the first (oldest) 200 were asked, so an agent's conversation of more than 100-200 turns had
        // its newest delivered turns read as made up
        List<String> all = List.copyOf(asked);
        List<String> newest = all.subList(Math.max(0, all.size() - MAX_HASHES), all.size());
        Set<String> found = new HashSet<>();
        for (int from = 0; from < newest.size(); from += PER_QUERY) {
            found.addAll(query(tenant, newest.subList(from, Math.min(newest.size(), from + PER_QUERY))));
        }
        return found;
    }

    /** Choice 0 of every answer in {@code audit_record}, the other choices of answers with n > 1 in {@code audit_turn_choice} (turns45). */
    private List<String> query(String tenant, List<String> some) {
        StringBuilder sql = new StringBuilder();
        int per = some.size() + (tenant == null ? 0 : 1);
        Object[] args = new Object[2 * per];
        for (String table : new String[] {"audit_record", "audit_turn_choice"}) {
            int from = sql.isEmpty() ? 0 : per;
            sql.append(sql.isEmpty() ? "" : " UNION ").append("SELECT turn_hmac FROM ").append(table).append(" WHERE turn_hmac IN (");
            for (int i = 0; i < some.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                args[from + i] = AuditRows.hashBytes(some.get(i));
            }
            sql.append(") AND ").append(tenant == null ? "tenant IS NULL" : "tenant = ?");
            if (tenant != null) {
                args[from + some.size()] = tenant;
            }
        }
        try {
            return jdbc.query(sql.toString(), (rs, i) -> AuditRows.hashText(rs.getBytes(1)), args);
        } catch (RuntimeException e) { // DataAccessException, a pool that gives no connection
            throw new DeliveredTurns.Unknown(e);
        }
    }
}
