package nl.dijkwacht.audit.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
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
 *
 * <p>The parts: {@link RollupCoverage} (the days held), {@link NextDayRollup} (a day rolled up), {@link LateRecords}
 * (records added to days already held), {@link DayCounts} (grouped sums of records), {@link UncountedRecords} (what
 * the query services add), {@link RollupGeneration} (one state of the roll-up for a reader).
 */
public final class DailyUsageRollup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyUsageRollup.class);

    /** How long after a day's end it is rolled up. */
    public static final Duration GRACE = Duration.ofHours(1);
    /** The dimensions rolled up, with their column in {@code audit_record}. */
    public static final Map<String, String> DIMENSIONS = Map.of("model", "model_id", "department", "department",
            "use_case", "use_case", "tool", "tool_id", "decision", "decision", "action", "bio_action");

    private final DataSource dataSource;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

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

    /** The days the roll-up holds, if any. */
    public Optional<RollupCoverage> coverage() {
        try (Connection c = dataSource.getConnection()) {
            return RollupCoverage.read(c, false);
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
    public <T> T consistently(Function<UncountedRecords, T> read) {
        for (int attempt = 0; attempt < 4; attempt++) {
            long before = RollupGeneration.read(dataSource);
            UncountedRecords uncounted = uncounted();
            T answer = read.apply(uncounted);
            if (RollupGeneration.read(dataSource) == before && uncounted.holds(uncounted())) {
                return answer;
            }
        }
        return null;
    }

    /**
     * Brings the roll-up up to date: first adds the records that reached the store since the last run for days already
     * covered (late records: {@link LateRecords}), then rolls up every day that closed at least {@link #GRACE} ago and is
     * not yet covered, from the oldest record's day on (the first run over a year's store takes one short transaction
     * per day). Gateways sharing a store may run it at the same time: each transaction locks the roll-up's row.
     *
     * @return the number of days rolled up
     */
    public synchronized int rollUp() {
        LocalDate until = RollupCoverage.day(clock.instant().minus(GRACE)); // days before this one are closed
        try {
            long late = LateRecords.run(dataSource);
            int days = 0;
            LocalDate first = null;
            for (LocalDate d; (d = NextDayRollup.rollUp(dataSource, clock, until)) != null; ) {
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

    /**
     * The chains with records the roll-up does not hold yet, and the seq after which they start: given by
     * {@link #consistently} to the query service's read, so that they belong to the state of the roll-up it reads.
     */
    public UncountedRecords uncounted() {
        return UncountedRecords.read(dataSource);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
