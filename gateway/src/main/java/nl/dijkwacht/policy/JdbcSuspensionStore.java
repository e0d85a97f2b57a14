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
    private final String tenant;

    /** The default tenant's suspensions (stored with tenant {@code ''}, as before tenants existed, Flyway V120). */
    public JdbcSuspensionStore(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    /** @param tenant the tenant key the rows are stored under: {@code ''} for the default tenant, else its id */
    public JdbcSuspensionStore(JdbcTemplate jdbc, String tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    @Override
    public List<Suspension> all() {
        return jdbc.query("SELECT kind, target_id, suspended_by, suspended_at, reason FROM policy_suspension WHERE tenant = ? ORDER BY kind, target_id",
                (rs, n) -> new Suspension(Suspension.Kind.fromStored(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), tenant);
    }

    @Override
    public void put(Suspension s) {
        jdbc.update("DELETE FROM policy_suspension WHERE tenant = ? AND kind = ? AND target_id = ?", tenant, s.kind().storedName(), s.targetId());
        jdbc.update("INSERT INTO policy_suspension (tenant, kind, target_id, suspended_by, suspended_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                tenant, s.kind().storedName(), s.targetId(), s.suspendedBy(), Timestamp.from(s.suspendedAt()), s.reason());
    }

    @Override
    public boolean remove(Suspension.Kind kind, String targetId) {
        return jdbc.update("DELETE FROM policy_suspension WHERE tenant = ? AND kind = ? AND target_id = ?", tenant, kind.storedName(), targetId) > 0;
    }
}
