package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The daily roll-up's generation, which each of its transactions moves (see {@link DailyUsageRollup#consistently}). */
final class RollupGeneration {

    private RollupGeneration() {
    }

    static long read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT generation FROM audit_usage_rollup WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage roll-up's generation: " + e.getSQLState(), e);
        }
    }

    /** Marks a change of the roll-up in the transaction that makes it. */
    static void next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_usage_rollup SET generation = generation + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
