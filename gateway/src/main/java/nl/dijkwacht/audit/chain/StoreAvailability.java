package nl.dijkwacht.audit.chain;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether the audit store takes writes: yes unless the last write failed and a probe of both tables (at most every
 * 500 ms) still fails. After a failure the first successful probe, or write, lets requests through again.
 */
final class StoreAvailability {

    private static final long PROBE_NANOS = 500_000_000L;

    private final DataSource dataSource;
    private volatile boolean failing;
    private volatile long lastProbeNanos;

    StoreAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void writeFailed() {
        failing = true;
    }

    void writeSucceeded() {
        failing = false;
    }

    boolean available() {
        if (!failing) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastProbeNanos < PROBE_NANOS) {
            return false;
        }
        lastProbeNanos = now;
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM audit_chain_head WHERE 1 = 0").close();
            st.executeQuery("SELECT COUNT(*) FROM audit_record WHERE 1 = 0").close();
            failing = false;
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
