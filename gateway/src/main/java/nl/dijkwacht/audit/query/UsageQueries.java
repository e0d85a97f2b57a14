package nl.dijkwacht.audit.query;

import nl.dijkwacht.audit.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import nl.dijkwacht.audit.rollup.DailyUsageRollup;
import nl.dijkwacht.audit.rollup.RollupCoverage;
import nl.dijkwacht.audit.rollup.UncountedRecords;
import nl.dijkwacht.audit.store.AuditRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures for a period: requests, tokens and estimated energy per time bucket for one dimension
 * (model, use-case or department); decisions with refusal reasons; upstream failures, fallbacks and sensitivity
 * reroutes. Two grouped queries whose groups stay few (bucket × key; decision × code), so the database does the
 * counting with small hash tables and hands back a few hundred rows; times are UTC, like the stored period columns.
 * Whole days the daily roll-up covers ({@link DailyUsageRollup}) are read from it (a year: ~10^4 rows instead of a
 * million records); today and a period's partial days from the records.
 */
public final class UsageQueries {

    /** Dimensions the dashboard breaks usage down by, with their column. */
    public static final Map<String, String> DIMENSIONS = Map.of("model", "r.model_id", "use_case", "r.use_case",
            "department", "r.department");
    private static final String NONE = "(geen)";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final DailyUsageRollup daily;

    /** Counting every period from the records. */
    public UsageQueries(DataSource dataSource) {
        this(dataSource, null);
    }

    /** Reading whole closed days from the daily roll-up ({@code null}: from the records). */
    public UsageQueries(DataSource dataSource, DailyUsageRollup daily) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.daily = daily;
    }

    public enum Granularity {
        HOUR, DAY, MONTH;

        /** Hours for a day, days up to about three months, months beyond. */
        public static Granularity forSpan(Instant from, Instant to) {
            Duration span = Duration.between(from, to);
            if (span.compareTo(Duration.ofHours(48)) <= 0) {
                return HOUR;
            }
            return span.compareTo(Duration.ofDays(93)) <= 0 ? DAY : MONTH;
        }
    }

    public record Totals(long requests, long promptTokens, long completionTokens, double energyWh) {
    }

    /** One key's values per bucket (same order as {@link Overview#buckets()}) and in total. */
    public record Series(String key, List<Long> requests, List<Long> tokens, List<Double> energyWh, long totalRequests,
                         long totalTokens, double totalEnergyWh) {
    }

    /** How often something happened, and its share of all requests in the period. */
    public record Count(String key, long count, double share) {
    }

    public record Overview(Instant from, Instant to, Granularity granularity, List<String> buckets, Totals totals,
                           String dimension, List<Series> series, List<Count> decisions, List<Count> refusalReasons,
                           List<Count> failures, long fallbacks, long sensitivityReroutes) {
    }

    /** @param dimension {@code model}, {@code use_case} or {@code department} */
    public Overview overview(Instant from, Instant to, String dimension) {
        return overview(from, to, dimension, TenantScope.everything());
    }

    /** As {@link #overview(Instant, Instant, String)} over one tenant's records. */
    public Overview overview(Instant from, Instant to, String dimension, TenantScope scope) {
        if (daily != null) {
            Overview read = daily.consistently(uncounted -> overview(from, to, dimension, scope, uncounted));
            if (read != null) {
                return read;
            }
        }
        return overview(from, to, dimension, scope, null);
    }

    /** @param uncounted null: everything counted from the records; else whole closed days from the roll-up plus these */
    private Overview overview(Instant from, Instant to, String dimension, TenantScope scope, UncountedRecords uncounted) {
        String keyColumn = DIMENSIONS.get(dimension);
        if (keyColumn == null) {
            throw new IllegalArgumentException("Uitsplitsen kan naar " + DIMENSIONS.keySet() + ".");
        }
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Het begin van de periode moet vóór het einde liggen.");
        }
        Granularity granularity = Granularity.forSpan(from, to);
        String bucket = switch (granularity) {
            case HOUR -> "FLOOR(EXTRACT(EPOCH FROM r.occurred_at) / 3600)";
            case DAY -> "r.period_day";
            case MONTH -> "r.period_month";
        };
        List<String> buckets = buckets(from, to, granularity);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < buckets.size(); i++) {
            index.put(buckets.get(i), i);
        }
        Rollup rollup = new Rollup(buckets.size());
        // whole closed days from the daily roll-up (hours are always counted from the records), the rest from the records
        Optional<RollupCoverage> daily = granularity == Granularity.HOUR || uncounted == null ? Optional.empty()
                : this.daily.coverage().flatMap(c -> c.within(from, to));
        List<Instant[]> raw = new ArrayList<>();
        if (daily.isEmpty()) {
            raw.add(new Instant[] {from, to});
        } else {
            if (from.isBefore(daily.get().start())) {
                raw.add(new Instant[] {from, daily.get().start()});
            }
            if (daily.get().end().isBefore(to)) {
                raw.add(new Instant[] {daily.get().end(), to});
            }
        }
        for (Instant[] range : raw) {
            List<Object> params = new ArrayList<>(List.of(AuditRows.time(range[0]), AuditRows.time(range[1])));
            String tenantCondition = scope.condition("r.tenant", params);
            String where = " FROM audit_record r WHERE r.occurred_at >= ? AND r.occurred_at < ? AND r.endpoint NOT IN ('models', 'operator')"
                    + (tenantCondition == null ? "" : " AND " + tenantCondition);
            jdbc.query("SELECT " + bucket + ", " + keyColumn + ", COUNT(*), SUM(r.prompt_tokens), SUM(r.completion_tokens),"
                    + " SUM(r.energy_wh)" + where + " GROUP BY " + bucket + ", " + keyColumn, rs -> {
                        String label = granularity == Granularity.HOUR
                                ? HOUR.format(Instant.ofEpochSecond(rs.getLong(1) * 3600)) : rs.getString(1).strip();
                        Integer at = index.get(label);
                        if (at != null) {
                            rollup.add(at, key(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6));
                        }
                    }, params.toArray());
            String fallback = "CASE WHEN r.rule LIKE 'fallback:%' THEN 1 ELSE 0 END";
            jdbc.query("SELECT r.decision, r.error_code, " + fallback + ", COUNT(*)" + where
                    + " GROUP BY r.decision, r.error_code, " + fallback, rs -> {
                        rollup.decide(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4));
                    }, params.toArray());
        }
        if (daily.isPresent()) {
            // the roll-up's rows and, in the same statement, the records of those days it does not hold yet (written
            // since its last run, or late for their day)
            String days = daily.get().from().toString();
            String daysTo = daily.get().to().toString();
            String dayBucket = granularity == Granularity.DAY ? "period_day" : "period_month";
            List<Object> recordParams = new ArrayList<>(List.of(days, daysTo));
            String recordConditions = "r.period_day >= ? AND r.period_day < ? AND r.endpoint NOT IN ('models', 'operator')"
                    + and(scope.condition("r.tenant", recordParams));
            List<Object> usage = new ArrayList<>(List.of(dimension, days, daysTo));
            String rolledWhere = " WHERE u.dimension = ? AND u.period_day >= ? AND u.period_day < ? AND u.endpoint NOT IN ('models', 'operator')"
                    + and(scope.condition("u.tenant", usage));
            jdbc.query("SELECT p, k, SUM(n), SUM(pt), SUM(ct), SUM(e) FROM (SELECT u." + dayBucket + " AS p, u.dim_value AS k,"
                    + " u.requests AS n, u.prompt_tokens AS pt, u.completion_tokens AS ct, u.energy_wh AS e FROM audit_usage_day u"
                    + rolledWhere + uncounted.branches("r." + dayBucket + ", " + keyColumn + ", 1, r.prompt_tokens, r.completion_tokens,"
                    + " r.energy_wh", recordConditions, recordParams, usage) + ") x GROUP BY p, k", rs -> {
                        Integer at = index.get(rs.getString(1).strip());
                        if (at != null) {
                            rollup.add(at, key(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6));
                        }
                    }, usage.toArray());
            List<Object> outcomes = new ArrayList<>(List.of(days, daysTo));
            rolledWhere = " WHERE u.period_day >= ? AND u.period_day < ? AND u.endpoint NOT IN ('models', 'operator')"
                    + and(scope.condition("u.tenant", outcomes));
            jdbc.query("SELECT d, c, f, SUM(n) FROM (SELECT u.decision AS d, u.error_code AS c,"
                    + " CASE WHEN u.fallback THEN 1 ELSE 0 END AS f, u.requests AS n FROM audit_outcome_day u" + rolledWhere
                    + uncounted.branches("r.decision, r.error_code, CASE WHEN r.rule LIKE 'fallback:%' THEN 1 ELSE 0 END, 1",
                    recordConditions, recordParams, outcomes) + ") x GROUP BY d, c, f", rs -> {
                        rollup.decide(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4));
                    }, outcomes.toArray());
        }
        return rollup.overview(from, to, granularity, buckets, dimension);
    }

    private static String and(String condition) {
        return condition == null ? "" : " AND " + condition;
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static List<String> buckets(Instant from, Instant to, Granularity granularity) {
        List<String> out = new ArrayList<>();
        switch (granularity) {
            case HOUR -> {
                for (Instant t = from.truncatedTo(ChronoUnit.HOURS); t.isBefore(to); t = t.plus(1, ChronoUnit.HOURS)) {
                    out.add(HOUR.format(t));
                }
            }
            case DAY -> {
                LocalDate last = to.minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
                for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
                    out.add(d.toString());
                }
            }
            case MONTH -> {
                YearMonth last = YearMonth.from(to.minusMillis(1).atZone(ZoneOffset.UTC));
                for (YearMonth m = YearMonth.from(from.atZone(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
                    out.add(m.toString());
                }
            }
        }
        return out;
    }

    /** Sums per bucket and key, and the decisions, while the grouped rows stream in. */
    private static final class Rollup {
        private final int size;
        private final Map<String, double[][]> byKey = new HashMap<>();
        private final Map<String, Long> decisions = new LinkedHashMap<>();
        private final Map<String, Long> refusals = new HashMap<>();
        private final Map<String, Long> failures = new HashMap<>();
        private long requests;
        private long promptTokens;
        private long completionTokens;
        private double energy;
        private long fallbacks;
        private long sensitivityReroutes;

        Rollup(int size) {
            this.size = size;
        }

        void add(int bucket, String key, long n, long prompt, long completion, double wh) {
            requests += n;
            promptTokens += prompt;
            completionTokens += completion;
            energy += wh;
            double[][] values = byKey.computeIfAbsent(key, k -> new double[3][size]);
            values[0][bucket] += n;
            values[1][bucket] += prompt + completion;
            values[2][bucket] += wh;
        }

        void decide(String decision, String errorCode, boolean fallback, long n) {
            decisions.merge(decision, n, Long::sum);
            if ("refused".equals(decision)) {
                refusals.merge(key(errorCode), n, Long::sum);
            } else if ("failed".equals(decision)) {
                failures.merge(key(errorCode), n, Long::sum);
            } else if ("rerouted".equals(decision)) {
                if (fallback) {
                    fallbacks += n;
                } else {
                    sensitivityReroutes += n;
                }
            }
        }

        Overview overview(Instant from, Instant to, Granularity granularity, List<String> buckets, String dimension) {
            List<Series> series = new ArrayList<>();
            byKey.forEach((key, values) -> series.add(series(key, values)));
            series.sort(Comparator.comparingLong(Series::totalRequests).reversed().thenComparing(Series::key));
            return new Overview(from, to, granularity, List.copyOf(buckets),
                    new Totals(requests, promptTokens, completionTokens, round(energy)), dimension, List.copyOf(series),
                    counts(decisions), counts(refusals), counts(failures), fallbacks, sensitivityReroutes);
        }

        private Series series(String key, double[][] values) {
            List<Long> req = new ArrayList<>(size);
            List<Long> tok = new ArrayList<>(size);
            List<Double> wh = new ArrayList<>(size);
            long totalReq = 0;
            long totalTok = 0;
            double totalWh = 0;
            for (int i = 0; i < size; i++) {
                req.add((long) values[0][i]);
                tok.add((long) values[1][i]);
                wh.add(round(values[2][i]));
                totalReq += (long) values[0][i];
                totalTok += (long) values[1][i];
                totalWh += values[2][i];
            }
            return new Series(key, req, tok, wh, totalReq, totalTok, round(totalWh));
        }

        private List<Count> counts(Map<String, Long> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new Count(e.getKey(), e.getValue(), requests == 0 ? 0 : Math.round(e.getValue() * 1000.0 / requests) / 1000.0))
                    .toList();
        }

        private static double round(double wh) {
            return Math.round(wh * 1000) / 1000.0;
        }
    }
}
