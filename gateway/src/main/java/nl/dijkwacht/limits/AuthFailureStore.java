package nl.dijkwacht.limits;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The table {@code auth_failure_minute} (Flyway V40): failed authentications per source, minute and reason. */
public final class AuthFailureStore {

    /** One minute of failed attempts from one source for one reason. */
    public record Row(Instant minute, String source, String reason, long attempts) {
    }

    private final JdbcTemplate jdbc;
    private final String recordedBy;

    public AuthFailureStore(JdbcTemplate jdbc, String recordedBy) {
        this.jdbc = jdbc;
        this.recordedBy = recordedBy;
    }

    void append(List<Row> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (Row row : rows) {
            args.add(new Object[] {Timestamp.from(row.minute()), row.source(), row.reason(), row.attempts(), recordedBy});
        }
        jdbc.batchUpdate("INSERT INTO auth_failure_minute (window_start, source, reason, attempts, recorded_by) VALUES (?, ?, ?, ?, ?)", args);
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM auth_failure_minute WHERE window_start < ?", Timestamp.from(cutoff));
    }

    /** Attempts per minute, source and reason in {@code [from, to)}, the rows of all replicas added up; newest first. */
    public List<Row> minutes(Instant from, Instant to, String source, int limit) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        String where = "window_start >= ? AND window_start < ?";
        if (source != null) {
            where += " AND source = ?";
            args.add(source);
        }
        args.add(limit);
        return jdbc.query("SELECT window_start, source, reason, SUM(attempts) AS attempts FROM auth_failure_minute WHERE " + where
                        + " GROUP BY window_start, source, reason ORDER BY window_start DESC, attempts DESC, source, reason FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getLong(4)), args.toArray());
    }

    /** Attempts per source in {@code [from, to)}, most first. */
    public List<Row> sources(Instant from, Instant to, int limit) {
        return jdbc.query("SELECT source, SUM(attempts) AS attempts, MIN(window_start) FROM auth_failure_minute"
                        + " WHERE window_start >= ? AND window_start < ? GROUP BY source ORDER BY attempts DESC, source FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Row(rs.getTimestamp(3).toInstant(), rs.getString(1), null, rs.getLong(2)),
                Timestamp.from(from), Timestamp.from(to), limit);
    }
}
