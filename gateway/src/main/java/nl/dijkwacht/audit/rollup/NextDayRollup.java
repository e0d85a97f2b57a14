package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.AuditRows;

/** The daily roll-up of the next closed day (see {@link DailyUsageRollup}). */
final class NextDayRollup {

    private NextDayRollup() {
    }

    /**
     * One transaction: rolls up the day after the covered ones if it closed before {@code until} — its records each
     * chain's counted seq includes (the later ones are the query services' to add, and the next run's).
     *
     * @return the day rolled up, or null when there was none to roll up
     */
    static LocalDate rollUp(DataSource dataSource, Clock clock, LocalDate until) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<RollupCoverage> cov = RollupCoverage.read(c, true);
                LocalDate first;
                LocalDate day;
                if (cov.isPresent()) {
                    first = cov.get().from();
                    day = cov.get().to();
                } else {
                    Instant oldest = oldestRecord(c);
                    first = oldest == null ? null : RollupCoverage.day(oldest);
                    day = first;
                }
                if (day == null || !day.isBefore(until)) {
                    c.rollback();
                    return null;
                }
                String d = day.toString();
                for (String table : new String[] {"audit_usage_day", "audit_outcome_day"}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE period_day = ?")) {
                        ps.setString(1, d);
                        ps.executeUpdate();
                    }
                }
                DayCounts counts = new DayCounts();
                // the day's records through the time index; a join to the counted seqs let H2 walk each chain's whole
                // index per day instead (the first roll-up of 200,000 records did not finish in 8 minutes)
                counts.collect(c, " FROM audit_record r WHERE r.occurred_at >= ? AND r.occurred_at < ? AND r.seq <= COALESCE("
                        + "(SELECT w.counted_seq FROM audit_usage_rollup_chain w WHERE w.chain_id = r.chain_id), 0)",
                        List.of(AuditRows.time(day.atStartOfDay(ZoneOffset.UTC).toInstant()),
                                AuditRows.time(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())), null);
                counts.insert(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_usage_rollup SET covered_from = ?, covered_to = ?, updated_at = ? WHERE id = 1")) {
                    ps.setString(1, first.toString());
                    ps.setString(2, day.plusDays(1).toString());
                    ps.setObject(3, AuditRows.time(clock.instant()));
                    ps.executeUpdate();
                }
                RollupGeneration.next(c);
                c.commit();
                return day;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Instant oldestRecord(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(occurred_at) AS oldest FROM audit_record");
             ResultSet rs = ps.executeQuery()) {
            java.time.OffsetDateTime t = rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class) : null;
            return t == null ? null : t.toInstant();
        }
    }
}
