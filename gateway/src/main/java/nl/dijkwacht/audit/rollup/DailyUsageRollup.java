package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.AuditRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daily roll-up of usage ({@code audit_usage_day}, {@code audit_outcome_day}): per closed UTC day, tenant,
 * endpoint and value of each dimension the aggregates group by, the sums they show. A scheduled job, not the writer:
 * the request path's cost stays what it was. A day is rolled up once it ended {@link #GRACE} ago (records reach the
 * store within seconds of their time), in one short transaction per day; the days covered are one contiguous range
 * ({@code audit_usage_rollup}), which the query services read from here and the rest (today, a period's partial
 * first and last day) from the records. Retention does not touch the roll-up: a purged record's counts stay.
 */
public final class DailyUsageRollup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyUsageRollup.class);

    /** How long after a day's end it is rolled up. */
    public static final Duration GRACE = Duration.ofHours(1);
    /** The dimensions rolled up, with their column in {@code audit_record}. */
    public static final Map<String, String> DIMENSIONS = Map.of("model", "model_id", "department", "department",
            "use_case", "use_case", "tool", "tool_id", "decision", "decision", "action", "bio_action");
    private static final List<String> ORDER = List.of("model", "department", "use_case", "tool", "decision", "action");

    private final DataSource dataSource;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    /** The days the roll-up holds: {@code from <= day < to}. */
    public record Coverage(LocalDate from, LocalDate to) {

        /** The part of {@code [start, end)} made of whole covered days, or empty. */
        public Optional<Coverage> within(Instant start, Instant end) {
            LocalDate first = day(start);
            if (!first.atStartOfDay(ZoneOffset.UTC).toInstant().equals(start)) {
                first = first.plusDays(1);
            }
            LocalDate last = day(end); // exclusive: the day end falls in is whole only if end is its start
            LocalDate a = first.isAfter(from) ? first : from;
            LocalDate b = last.isBefore(to) ? last : to;
            return a.isBefore(b) ? Optional.of(new Coverage(a, b)) : Optional.empty();
        }

        public Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public Instant end() {
            return to.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /**
     * @param interval how often to roll up the days that closed (0: only when {@link #rollUp()} is called)
     */
    public DailyUsageRollup(DataSource dataSource, Clock clock, Duration interval) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-usage-rollup");
            t.setDaemon(true);
            return t;
        });
        if (!interval.isZero() && !interval.isNegative()) {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    rollUp();
                } catch (RuntimeException e) {
                    log.warn("audit usage roll-up failed: {}", e.getMessage());
                }
            }, Math.min(interval.toMillis(), 120_000), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The days the roll-up holds, if any. */
    public Optional<Coverage> coverage() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT covered_from, covered_to FROM audit_usage_rollup WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Coverage cov = new Coverage(LocalDate.parse(rs.getString(1).strip()), LocalDate.parse(rs.getString(2).strip()));
            return cov.from().isBefore(cov.to()) ? Optional.of(cov) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage roll-up's coverage: " + e.getSQLState(), e);
        }
    }

    /**
     * Rolls up every day that closed at least {@link #GRACE} ago and is not yet covered, from the oldest record's day
     * on (the first run over a year's store takes one short transaction per day).
     *
     * @return the number of days rolled up
     */
    public synchronized int rollUp() {
        LocalDate until = day(clock.instant().minus(GRACE)); // days before this one are closed
        try {
            Optional<Coverage> cov = coverage();
            LocalDate next;
            LocalDate first;
            if (cov.isPresent()) {
                first = cov.get().from();
                next = cov.get().to();
            } else {
                Instant oldest = oldestRecord();
                if (oldest == null) {
                    return 0;
                }
                first = day(oldest);
                next = first;
            }
            int days = 0;
            for (LocalDate d = next; d.isBefore(until); d = d.plusDays(1)) {
                rollUpDay(first, d);
                days++;
            }
            if (days > 0) {
                log.info("audit usage roll-up: {} day(s) rolled up, covering {} to {}", days, first, until.minusDays(1));
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("audit usage roll-up failed: " + e.getSQLState(), e);
        }
    }

    private Instant oldestRecord() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(occurred_at) AS oldest FROM audit_record");
             ResultSet rs = ps.executeQuery()) {
            java.time.OffsetDateTime t = rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class) : null;
            return t == null ? null : t.toInstant();
        }
    }

    /** Sums for one group of one dimension: requests, refused, redacted, failed, prompt, completion; energy apart. */
    private static final class Sums {
        final long[] n = new long[6];
        double energy;
    }

    private void rollUpDay(LocalDate first, LocalDate day) throws SQLException {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // key: dimension, tenant, endpoint, value (a list: values may be null)
        Map<List<String>, Sums> usage = new HashMap<>();
        Map<List<Object>, long[]> outcomes = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT tenant, endpoint, model_id, department, use_case, tool_id, decision, bio_action, error_code,
                          CASE WHEN rule LIKE 'fallback:%' THEN 1 ELSE 0 END, COUNT(*), SUM(prompt_tokens),
                          SUM(completion_tokens), SUM(energy_wh)
                        FROM audit_record WHERE occurred_at >= ? AND occurred_at < ?
                        GROUP BY tenant, endpoint, model_id, department, use_case, tool_id, decision, bio_action, error_code,
                          CASE WHEN rule LIKE 'fallback:%' THEN 1 ELSE 0 END""")) {
                    ps.setObject(1, AuditRows.time(start));
                    ps.setObject(2, AuditRows.time(end));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String tenant = rs.getString(1);
                            String endpoint = rs.getString(2);
                            String decision = rs.getString(7);
                            long count = rs.getLong(11);
                            long prompt = rs.getLong(12);
                            long completion = rs.getLong(13);
                            double energy = rs.getDouble(14);
                            for (int i = 0; i < ORDER.size(); i++) {
                                Sums s = usage.computeIfAbsent(Arrays.asList(ORDER.get(i), tenant, endpoint, rs.getString(3 + i)),
                                        k -> new Sums());
                                s.n[0] += count;
                                s.n[1] += "refused".equals(decision) ? count : 0;
                                s.n[2] += "redacted".equals(decision) ? count : 0;
                                s.n[3] += "failed".equals(decision) ? count : 0;
                                s.n[4] += prompt;
                                s.n[5] += completion;
                                s.energy += energy;
                            }
                            outcomes.computeIfAbsent(Arrays.asList(tenant, endpoint, decision, rs.getString(9), rs.getInt(10) == 1),
                                    k -> new long[1])[0] += count;
                        }
                    }
                }
                String d = day.toString();
                for (String table : new String[] {"audit_usage_day", "audit_outcome_day"}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE period_day = ?")) {
                        ps.setString(1, d);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO audit_usage_day (period_day, period_month, tenant, endpoint, dimension, dim_value, requests,
                          refused, redacted, failed, prompt_tokens, completion_tokens, energy_wh)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (var e : usage.entrySet()) {
                        ps.setString(1, d);
                        ps.setString(2, d.substring(0, 7));
                        ps.setString(3, e.getKey().get(1));
                        ps.setString(4, e.getKey().get(2));
                        ps.setString(5, e.getKey().get(0));
                        ps.setString(6, e.getKey().get(3));
                        for (int i = 0; i < 6; i++) {
                            ps.setLong(7 + i, e.getValue().n[i]);
                        }
                        ps.setDouble(13, e.getValue().energy);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO audit_outcome_day (period_day, tenant, endpoint, decision, error_code, fallback, requests)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                    for (var e : outcomes.entrySet()) {
                        ps.setString(1, d);
                        ps.setString(2, (String) e.getKey().get(0));
                        ps.setString(3, (String) e.getKey().get(1));
                        ps.setString(4, (String) e.getKey().get(2));
                        ps.setString(5, (String) e.getKey().get(3));
                        ps.setBoolean(6, (Boolean) e.getKey().get(4));
                        ps.setLong(7, e.getValue()[0]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                int updated;
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_usage_rollup SET covered_to = ?, updated_at = ? WHERE id = 1")) {
                    ps.setString(1, day.plusDays(1).toString());
                    ps.setObject(2, AuditRows.time(clock.instant()));
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO audit_usage_rollup (id, covered_from, covered_to, updated_at) VALUES (1, ?, ?, ?)")) {
                        ps.setString(1, first.toString());
                        ps.setString(2, day.plusDays(1).toString());
                        ps.setObject(3, AuditRows.time(clock.instant()));
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
