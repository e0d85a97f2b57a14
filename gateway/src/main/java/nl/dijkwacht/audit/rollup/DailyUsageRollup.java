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
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.dijkwacht.audit.store.AuditRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daily roll-up of usage ({@code audit_usage_day}, {@code audit_outcome_day}): per closed UTC day, tenant,
 * endpoint and value of each dimension the aggregates group by, the sums they show. A scheduled job, not the writer:
 * the request path's cost stays what it was. A day is rolled up once it ended {@link #GRACE} ago, in one short
 * transaction per day; the days covered are one contiguous range ({@code audit_usage_rollup}), which the query
 * services read from here and the rest (today, a period's partial first and last day) from the records. Retention
 * does not touch the roll-up: a purged record's counts stay.
 *
 * <p>Which records it holds is exact, also for records that reach the store after their day was rolled up (a
 * replica's journal recovered late, a clock behind): per chain, those up to {@code counted_seq}
 * ({@code audit_usage_rollup_chain}). A chain's records are committed in sequence order with its head, so each run
 * first adds the records between the counted seq and the head to the covered days they belong to, then moves the
 * counted seq to the head; the query services add the records after it in the same statement
 * ({@link #uncounted}), so an aggregate equals the count of the records also between two runs.
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
     * Runs {@code read} (statements over the roll-up and the records, given the chains with records the roll-up does
     * not hold: {@link #uncounted}) so that it saw one state of the roll-up: the roll-up's generation, which each of its
     * transactions moves, is the same before and after it (on H2 the tables one statement reads need not be of one
     * moment; and a reader may take several statements). The chains are read in a statement of their own, before
     * {@code read}: a chain whose records were all counted then and that had one committed before {@code read} looked
     * at the records would be missed — its record neither in the roll-up nor among the records added — while another
     * chain's record committed later was counted. So the chains are read once more afterwards, and {@code read} runs
     * again when a chain with uncounted records was not in its list. Records only grow meanwhile, which a count over
     * them may see or not, as it would without the roll-up.
     *
     * @return what {@code read} answered, or null when the roll-up changed under it every time (count the records)
     */
    public <T> T consistently(java.util.function.Function<Uncounted, T> read) {
        for (int attempt = 0; attempt < 4; attempt++) {
            long before = generation();
            Uncounted uncounted = uncounted();
            T answer = read.apply(uncounted);
            if (generation() == before && uncounted.holds(uncounted())) {
                return answer;
            }
        }
        return null;
    }

    private long generation() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT generation FROM audit_usage_rollup WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage roll-up's generation: " + e.getSQLState(), e);
        }
    }

    /** Marks a change of the roll-up in the transaction that makes it (see {@link #consistently}). */
    private static void nextGeneration(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_usage_rollup SET generation = generation + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }

    /**
     * Brings the roll-up up to date: first adds the records that reached the store since the last run for days already
     * covered (late records: {@link #catchUp}), then rolls up every day that closed at least {@link #GRACE} ago and is
     * not yet covered, from the oldest record's day on (the first run over a year's store takes one short transaction
     * per day). Gateways sharing a store may run it at the same time: each transaction locks the roll-up's row.
     *
     * @return the number of days rolled up
     */
    public synchronized int rollUp() {
        LocalDate until = day(clock.instant().minus(GRACE)); // days before this one are closed
        try {
            long late = catchUp();
            int days = 0;
            LocalDate first = null;
            for (LocalDate d; (d = rollUpNextDay(until)) != null; ) {
                first = first == null ? d : first;
                days++;
            }
            if (days > 0 || late > 0) {
                log.info("audit usage roll-up: {} day(s) rolled up from {} to {}, {} record(s) added to days already rolled up",
                        days, first, until.minusDays(1), late);
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("audit usage roll-up failed: " + e.getSQLState(), e);
        }
    }

    /** Locks the roll-up's row for the transaction and reads what it covers (empty: nothing yet). */
    private static Optional<Coverage> lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT covered_from, covered_to FROM audit_usage_rollup WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the usage roll-up's row is missing (Flyway V160 inserts it)");
            }
            Coverage cov = new Coverage(LocalDate.parse(rs.getString(1).strip()), LocalDate.parse(rs.getString(2).strip()));
            return cov.from().isBefore(cov.to()) ? Optional.of(cov) : Optional.empty();
        }
    }

    /**
     * One transaction: for every chain whose head moved past the seq the roll-up counted to, the records in between
     * that belong to a covered day are added to that day (as extra rows), and the chain's counted seq moves to its
     * head. A chain's records up to its head are all committed (they are written with the head), so nothing between
     * two runs is missed or counted twice.
     *
     * @return the records added to covered days
     */
    private long catchUp() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Coverage> cov = lock(c);
                Map<String, Long> counted = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, counted_seq FROM audit_usage_rollup_chain");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counted.put(rs.getString(1), rs.getLong(2));
                    }
                }
                Map<String, Long> heads = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, last_seq FROM audit_chain_head");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getString(1), rs.getLong(2));
                    }
                }
                DayCounts late = new DayCounts();
                for (var head : heads.entrySet()) {
                    Long from = counted.get(head.getKey());
                    if (from != null && from >= head.getValue()) {
                        continue;
                    }
                    if (cov.isPresent()) {
                        // the chain's index alone (no time condition the planner could prefer); days outside the
                        // coverage are dropped here: they are counted when their day is rolled up, or from the records
                        late.collect(c, " FROM audit_record r WHERE r.chain_id = ? AND r.seq > ? AND r.seq <= ?",
                                List.of(head.getKey(), from == null ? 0L : from, head.getValue()), cov.get());
                    }
                    String sql = from == null
                            ? "INSERT INTO audit_usage_rollup_chain (counted_seq, chain_id) VALUES (?, ?)"
                            : "UPDATE audit_usage_rollup_chain SET counted_seq = ? WHERE chain_id = ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, head.getValue());
                        ps.setString(2, head.getKey());
                        ps.executeUpdate();
                    }
                }
                late.insert(c);
                if (heads.entrySet().stream().anyMatch(h -> counted.getOrDefault(h.getKey(), -1L) < h.getValue())) {
                    nextGeneration(c);
                }
                c.commit();
                return late.records;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * One transaction: rolls up the day after the covered ones if it closed before {@code until} — its records each
     * chain's counted seq includes (the later ones are the query services' to add, and the next run's).
     *
     * @return the day rolled up, or null when there was none to roll up
     */
    private LocalDate rollUpNextDay(LocalDate until) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Coverage> cov = lock(c);
                LocalDate first;
                LocalDate day;
                if (cov.isPresent()) {
                    first = cov.get().from();
                    day = cov.get().to();
                } else {
                    Instant oldest = oldestRecord(c);
                    first = oldest == null ? null : day(oldest);
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
                nextGeneration(c);
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

    /**
     * The chains with records the roll-up does not hold yet, and the seq after which they start: given by
     * {@link #consistently} to the query service's read, so that they belong to the state of the roll-up it reads.
     */
    public Uncounted uncounted() {
        List<String> chains = new java.util.ArrayList<>();
        List<Long> after = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT h.chain_id, COALESCE(w.counted_seq, 0) FROM audit_chain_head h"
                     + " LEFT JOIN audit_usage_rollup_chain w ON w.chain_id = h.chain_id WHERE h.last_seq > COALESCE(w.counted_seq, 0)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                chains.add(rs.getString(1));
                after.add(rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage roll-up's counted records: " + e.getSQLState(), e);
        }
        return new Uncounted(chains, after);
    }

    /** Per chain, the seq after which its records are not in the roll-up (chains with none such are left out). */
    public record Uncounted(List<String> chains, List<Long> after) {

        /** True when every chain of {@code later} is listed here from the same seq on (nothing added unseen). */
        boolean holds(Uncounted later) {
            Map<String, Long> mine = new HashMap<>();
            for (int i = 0; i < chains.size(); i++) {
                mine.put(chains.get(i), after.get(i));
            }
            for (int i = 0; i < later.chains.size(); i++) {
                if (!later.after.get(i).equals(mine.get(later.chains.get(i)))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@code UNION ALL} branches, one per chain, selecting {@code select} from the chain's records after its
         * counted seq ({@code r}, found through the chain's index) that meet {@code conditions}; empty when every
         * record is counted.
         *
         * @param conditionParams the parameters of {@code conditions}, added to {@code params} for each branch
         */
        public String branches(String select, String conditions, List<Object> conditionParams, List<Object> params) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chains.size(); i++) {
                sql.append(" UNION ALL SELECT ").append(select).append(" FROM audit_record r WHERE r.chain_id = ? AND r.seq > ? AND ")
                        .append(conditions);
                params.add(chains.get(i));
                params.add(after.get(i));
                params.addAll(conditionParams);
            }
            return sql.toString();
        }
    }

    /** Sums for one group of one dimension: requests, refused, redacted, failed, prompt, completion; energy apart. */
    private static final class Sums {
        final long[] n = new long[6];
        double energy;
    }

    /** Grouped sums of records by day, for {@code audit_usage_day} and {@code audit_outcome_day}. */
    private static final class DayCounts {
        // key: day, dimension, tenant, endpoint, value (a list: values may be null)
        final Map<List<String>, Sums> usage = new HashMap<>();
        final Map<List<Object>, long[]> outcomes = new HashMap<>();
        long records;

        /** Adds the records {@code from} selects; with {@code within}, only those of its days. */
        void collect(Connection c, String from, List<Object> params, Coverage within) throws SQLException {
            String groups = "r.period_day, r.tenant, r.endpoint, r.model_id, r.department, r.use_case, r.tool_id, r.decision,"
                    + " r.bio_action, r.error_code, CASE WHEN r.rule LIKE 'fallback:%' THEN 1 ELSE 0 END";
            try (PreparedStatement ps = c.prepareStatement("SELECT " + groups + ", COUNT(*), SUM(r.prompt_tokens),"
                    + " SUM(r.completion_tokens), SUM(r.energy_wh)" + from + " GROUP BY " + groups)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String day = rs.getString(1).strip();
                        if (within != null && (day.compareTo(within.from().toString()) < 0 || day.compareTo(within.to().toString()) >= 0)) {
                            continue;
                        }
                        String tenant = rs.getString(2);
                        String endpoint = rs.getString(3);
                        String decision = rs.getString(8);
                        long count = rs.getLong(12);
                        long prompt = rs.getLong(13);
                        long completion = rs.getLong(14);
                        double energy = rs.getDouble(15);
                        records += count;
                        for (int i = 0; i < ORDER.size(); i++) {
                            Sums s = usage.computeIfAbsent(Arrays.asList(day, ORDER.get(i), tenant, endpoint, rs.getString(4 + i)),
                                    k -> new Sums());
                            s.n[0] += count;
                            s.n[1] += "refused".equals(decision) ? count : 0;
                            s.n[2] += "redacted".equals(decision) ? count : 0;
                            s.n[3] += "failed".equals(decision) ? count : 0;
                            s.n[4] += prompt;
                            s.n[5] += completion;
                            s.energy += energy;
                        }
                        outcomes.computeIfAbsent(Arrays.asList(day, tenant, endpoint, decision, rs.getString(10), rs.getInt(11) == 1),
                                k -> new long[1])[0] += count;
                    }
                }
            }
        }

        void insert(Connection c) throws SQLException {
            if (usage.isEmpty() && outcomes.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO audit_usage_day (period_day, period_month, tenant, endpoint, dimension, dim_value, requests,
                      refused, redacted, failed, prompt_tokens, completion_tokens, energy_wh)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (var e : usage.entrySet()) {
                    String d = e.getKey().get(0);
                    ps.setString(1, d);
                    ps.setString(2, d.substring(0, 7));
                    ps.setString(3, e.getKey().get(2));
                    ps.setString(4, e.getKey().get(3));
                    ps.setString(5, e.getKey().get(1));
                    ps.setString(6, e.getKey().get(4));
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
                    ps.setString(1, (String) e.getKey().get(0));
                    ps.setString(2, (String) e.getKey().get(1));
                    ps.setString(3, (String) e.getKey().get(2));
                    ps.setString(4, (String) e.getKey().get(3));
                    ps.setString(5, (String) e.getKey().get(4));
                    ps.setBoolean(6, (Boolean) e.getKey().get(5));
                    ps.setLong(7, e.getValue()[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
