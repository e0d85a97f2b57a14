package nl.dijkwacht.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL only: keeps monthly partitions of {@code audit_record} ready (this month and the next
 * {@code monthsAhead}), so rows never pile up in the DEFAULT partition. Runs at start-up and with every retention
 * run. On H2 it does nothing (one table; fine for the embedded default).
 */
public final class AuditPartitions {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final int monthsAhead;

    public AuditPartitions(DataSource dataSource, Clock clock, int monthsAhead) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    /** @return the partitions created (empty on H2 or when all exist) */
    public List<String> ensure() {
        List<String> created = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                return created;
            }
            YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
            for (int i = 0; i <= monthsAhead; i++) {
                YearMonth m = month.plusMonths(i);
                String name = String.format("audit_record_y%04dm%02d", m.getYear(), m.getMonthValue());
                String sql = "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF audit_record FOR VALUES FROM ('"
                        + m.atDay(1) + " 00:00:00+00') TO ('" + m.plusMonths(1).atDay(1) + " 00:00:00+00')";
                try (Statement st = c.createStatement()) {
                    boolean existed = exists(c, name);
                    st.execute(sql);
                    if (!existed) {
                        created.add(name);
                    }
                } catch (SQLException e) {
                    // e.g. the DEFAULT partition already holds rows of that month: they stay there, still correct
                    log.warn("could not create audit partition {}: {}", name, e.getMessage());
                }
            }
        } catch (SQLException e) {
            log.warn("audit partition maintenance failed: {}", e.getSQLState());
        }
        if (!created.isEmpty()) {
            log.info("created audit partitions {}", created);
        }
        return created;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM pg_class WHERE relname = ? AND relnamespace = to_regnamespace(current_schema())::oid")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
