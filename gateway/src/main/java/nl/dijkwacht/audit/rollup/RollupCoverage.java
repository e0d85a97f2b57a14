package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** The days the daily roll-up holds: {@code from <= day < to} ({@code audit_usage_rollup}). */
public record RollupCoverage(LocalDate from, LocalDate to) {

    /** The part of {@code [start, end)} made of whole covered days, or empty. */
    public Optional<RollupCoverage> within(Instant start, Instant end) {
        LocalDate first = day(start);
        if (!first.atStartOfDay(ZoneOffset.UTC).toInstant().equals(start)) {
            first = first.plusDays(1);
        }
        LocalDate last = day(end); // exclusive: the day end falls in is whole only if end is its start
        LocalDate a = first.isAfter(from) ? first : from;
        LocalDate b = last.isBefore(to) ? last : to;
        return a.isBefore(b) ? Optional.of(new RollupCoverage(a, b)) : Optional.empty();
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What the roll-up's row says it covers (empty: nothing yet); {@code lock}: and locks the row for the transaction. */
    static Optional<RollupCoverage> read(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT covered_from, covered_to FROM audit_usage_rollup WHERE id = 1"
                + (lock ? " FOR UPDATE" : ""));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                if (lock) {
                    throw new SQLException("the usage roll-up's row is missing (Flyway V160 inserts it)");
                }
                return Optional.empty();
            }
            RollupCoverage cov = new RollupCoverage(LocalDate.parse(rs.getString(1).strip()), LocalDate.parse(rs.getString(2).strip()));
            return cov.from().isBefore(cov.to()) ? Optional.of(cov) : Optional.empty();
        }
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
