package nl.dijkwacht.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs a query and hands its rows to a callback one at a time, with a cursor (fetch size, read-only transaction)
 * so that PostgreSQL streams instead of loading the whole result: a year's export must not fill memory.
 */
public final class StreamingQuery {

    public static final int FETCH_SIZE = 1000;

    private StreamingQuery() {
    }

    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading */
        boolean row(ResultSet rs) throws SQLException;
    }

    public static void run(DataSource dataSource, String sql, List<Object> params, RowHandler handler) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!handler.row(rs)) {
                            break;
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit store query failed: " + e.getSQLState(), e);
        }
    }
}
