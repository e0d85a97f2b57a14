package nl.dijkwacht.policy;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Suspensions in table {@code policy_suspension} (Flyway V20). A database rather than a file in the data
 * directory, because in production several replicas must all honour a suspension: each one re-reads the table
 * on every policy poll (see {@link PolicyWatcher}).
 */
public final class JdbcSuspensionStore implements SuspensionStore {

    private final JdbcTemplate jdbc;

    public JdbcSuspensionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Suspension> all() {
        return jdbc.query("SELECT kind, target_id, suspended_by, suspended_at, reason FROM policy_suspension ORDER BY kind, target_id",
                (rs, n) -> new Suspension(Suspension.Kind.fromStored(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)));
    }

    @Override
    public void put(Suspension s) {
        jdbc.update("DELETE FROM policy_suspension WHERE kind = ? AND target_id = ?", s.kind().storedName(), s.targetId());
        jdbc.update("INSERT INTO policy_suspension (kind, target_id, suspended_by, suspended_at, reason) VALUES (?, ?, ?, ?, ?)",
                s.kind().storedName(), s.targetId(), s.suspendedBy(), Timestamp.from(s.suspendedAt()), s.reason());
    }

    @Override
    public boolean remove(Suspension.Kind kind, String targetId) {
        return jdbc.update("DELETE FROM policy_suspension WHERE kind = ? AND target_id = ?", kind.storedName(), targetId) > 0;
    }
}
