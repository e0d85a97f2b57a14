package nl.dijkwacht.audit.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a query and hands its rows to a callback one at a time, with a cursor (fetch size, read-only transaction)
 * so that PostgreSQL streams instead of loading the whole result: a year's export must not fill memory.
 * Built on {@link JdbcTemplate}; the read-only transaction is what makes the PostgreSQL driver use a cursor.
 */
public final class StreamingQuery {

    public static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate snapshot;

    public StreamingQuery(DataSource dataSource) {
        this(dataSource, -1);
    }

    /** With a limit on each statement's time ({@link JdbcTemplate#setQueryTimeout}; -1: none). */
    public StreamingQuery(DataSource dataSource, int queryTimeoutSeconds) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.jdbc.setQueryTimeout(queryTimeoutSeconds);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        this.snapshot = new TransactionTemplate(readOnly.getTransactionManager());
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Runs {@code work} in one read-only repeatable-read transaction: every query inside it on this data source
     * (through any {@link JdbcTemplate}, {@link #stream} included) sees the same committed rows.
     */
    public <T> T snapshot(Supplier<T> work) {
        return snapshot.execute(status -> work.get());
    }

    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading */
        boolean row(ResultSet rs) throws SQLException;
    }

    /** Streams the rows of {@code sql} to {@code handler} until it returns false or the rows end. */
    public void stream(String sql, List<Object> params, RowHandler handler) {
        try {
            readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
                PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                return ps;
            }, (ResultSet rs) -> {
                while (rs.next()) {
                    if (!handler.row(rs)) {
                        break;
                    }
                }
                return null;
            }));
        } catch (DataAccessException e) {
            String state = e.getCause() instanceof SQLException s ? s.getSQLState() : e.getClass().getSimpleName();
            throw new IllegalStateException("audit store query failed: " + state, e);
        }
    }

    /** One-off form of {@link #stream} for classes that hold only a {@link DataSource}. */
    public static void run(DataSource dataSource, String sql, List<Object> params, RowHandler handler) {
        new StreamingQuery(dataSource).stream(sql, params, handler);
    }
}
