package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.audit.rollup.DailyUsageRollup;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.support.MovingClock;
import org.junit.jupiter.api.Test;

/**
 * Records written for a day after that day was rolled up (a replica's journal recovered late, a clock behind, a queued
 * write) are counted: the roll-up path answers what counting the records answers, between two runs of the roll-up and
 * after one, while three chains' writers (six threads) write late and current records, two roll-ups (two gateways on
 * one store) run side by side on a clock that closes days meanwhile, and a reader checks every answer it gets against
 * the records' count just before and just after it (never fewer than before, never more than after). On H2 and
 * PostgreSQL; generated records (seeded), every dimension, tenants and endpoints of {@link DailyUsageRollupTest}.
 */
class LateRecordsRollupTest {

    static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");
    static final String[] CHAINS = {"gw-a", "gw-b", "gw-a@gemeente"};
    static final int ROUNDS = 3;
    static final int WRITERS = 6;
    static final int PER_WRITER = 40;

    @Test
    void lateRecordsAreCountedOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            check(db);
        }
    }

    @Test
    void lateRecordsAreCountedOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            check(db);
        }
    }

    private static void check(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(DailyUsageRollupTest.SECRET);
        List<ChainedJdbcAuditSink> sinks = new ArrayList<>();
        for (String chain : CHAINS) {
            sinks.add(ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, chain).start());
        }
        MovingClock clock = new MovingClock(DAY0.plus(20, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS));
        DailyUsageRollup gatewayA = new DailyUsageRollup(db.dataSource(), clock, Duration.ZERO);
        DailyUsageRollup gatewayB = new DailyUsageRollup(db.dataSource(), clock, Duration.ZERO);
        AtomicLong serial = new AtomicLong();
        AtomicLong daysRolledWhileWriting = new AtomicLong();
        try {
            // twenty days of records, rolled up
            SplittableRandom seed = new SplittableRandom(45);
            for (int i = 0; i < 600; i++) {
                long n = serial.incrementAndGet();
                Instant at = DAY0.plusMillis(seed.nextLong(Duration.ofDays(21).toMillis()));
                sinks.get(i % sinks.size()).append(DailyUsageRollupTest.record(n, at, new SplittableRandom(n)), null);
            }
            assertThat(gatewayA.rollUp()).isEqualTo(20);
            compareAll(db, rows, gatewayA, clock.instant(), "after the first roll-up");

            for (int round = 0; round < ROUNDS; round++) {
                Instant roundStart = clock.instant();
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicLong late = new AtomicLong();
                ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    SplittableRandom random = new SplittableRandom(1000L * round + w);
                    ChainedJdbcAuditSink sink = sinks.get(w % sinks.size());
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < PER_WRITER; i++) {
                            long n = serial.incrementAndGet();
                            Instant now = clock.instant();
                            // half of them for a day that is (very likely) rolled up already, up to twenty days back
                            Instant at = random.nextBoolean()
                                    ? now.minus(Duration.ofHours(26 + random.nextInt(20 * 24)))
                                    : now.minusSeconds(random.nextInt(30 * 3600));
                            if (at.isBefore(now.truncatedTo(ChronoUnit.DAYS).minus(DailyUsageRollup.GRACE))) {
                                late.incrementAndGet();
                            }
                            sink.append(DailyUsageRollupTest.record(n, at.truncatedTo(ChronoUnit.MILLIS), new SplittableRandom(n)), null);
                            if (i % 8 == 7) { // 30 hours a round: days close while the writers write
                                clock.advance(Duration.ofHours(1));
                            }
                        }
                    }));
                }
                // two gateways' roll-ups side by side
                Thread rollA = Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        daysRolledWhileWriting.addAndGet(gatewayA.rollUp());
                    }
                });
                Thread rollB = Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        daysRolledWhileWriting.addAndGet(gatewayB.rollUp());
                    }
                });
                // a reader: each answer lies between the records' count before and after it
                Instant from = DAY0.minus(1, ChronoUnit.DAYS);
                Thread reader = Thread.ofPlatform().start(() -> {
                    UsageQueries rolled = new UsageQueries(db.dataSource(), gatewayA);
                    AuditQueries rolledAudit = new AuditQueries(db.dataSource(), rows, new ObjectMapper(), gatewayB);
                    while (writing.get()) {
                        Instant to = clock.instant().plus(2, ChronoUnit.DAYS);
                        long before = requests(db, from, to);
                        long beforeAll = requestsAndModelLists(db, from, to);
                        String state0 = gatewayA.coverage() + " w=" + db.count("SELECT SUM(counted_seq) FROM audit_usage_rollup_chain");
                        long overview = rolled.overview(from, to, "model", TenantScope.everything()).totals().requests();
                        long aggregate = rolledAudit.aggregate(new AuditFilter(from, to, null, null, null, null, null, null, null,
                                null, null, null, null, TenantScope.everything()), "month", "department").stream()
                                .mapToLong(r -> r.requests()).sum();
                        long after = requests(db, from, to);
                        long afterAll = requestsAndModelLists(db, from, to);
                        if (overview < before || overview > after) {
                            wrong.add("overview " + overview + " not within " + before + ".." + after + " " + state0 + " -> "
                                    + gatewayA.coverage() + " w=" + db.count("SELECT SUM(counted_seq) FROM audit_usage_rollup_chain"));
                        }
                        if (aggregate < beforeAll || aggregate > afterAll) {
                            wrong.add("aggregate " + aggregate + " not within " + beforeAll + ".." + afterAll);
                        }
                    }
                });
                for (Thread t : writers) {
                    t.join();
                }
                writing.set(false);
                rollA.join();
                rollB.join();
                reader.join();
                assertThat(wrong).as("round %d: answers while writing", round).isEmpty();
                assertThat(late.get()).as("round %d wrote late records", round).isGreaterThan(WRITERS * PER_WRITER / 4);
                assertThat(clock.instant()).as("days closed while writing").isAfter(roundStart.plus(1, ChronoUnit.DAYS));
                compareAll(db, rows, gatewayA, clock.instant(), "round " + round + ", before the next roll-up");
                gatewayB.rollUp();
                compareAll(db, rows, gatewayB, clock.instant(), "round " + round + ", after the next roll-up");
                assertThat(db.count("SELECT COUNT(*) FROM audit_chain_head h JOIN audit_usage_rollup_chain w"
                        + " ON w.chain_id = h.chain_id AND w.counted_seq = h.last_seq")).as("every chain counted to its head")
                        .isEqualTo(CHAINS.length);
            }
            assertThat(daysRolledWhileWriting.get()).as("days rolled up while the writers wrote").isPositive();
        } finally {
            sinks.forEach(ChainedJdbcAuditSink::close);
            gatewayA.close();
            gatewayB.close();
        }
    }

    /** The records the dashboard counts (operator actions and model lists are no requests). */
    private static long requests(AuditDb db, Instant from, Instant to) {
        return db.count("SELECT COUNT(*) FROM audit_record WHERE occurred_at >= ? AND occurred_at < ?"
                + " AND endpoint NOT IN ('models', 'operator')", AuditRows.time(from), AuditRows.time(to));
    }

    /** The records the auditor's aggregate counts (all but operator actions). */
    private static long requestsAndModelLists(AuditDb db, Instant from, Instant to) {
        return db.count("SELECT COUNT(*) FROM audit_record WHERE occurred_at >= ? AND occurred_at < ? AND endpoint <> 'operator'",
                AuditRows.time(from), AuditRows.time(to));
    }

    /** The roll-up path and the records answer the same, over periods inside, across and beyond the covered days. */
    private static void compareAll(AuditDb db, AuditRows rows, DailyUsageRollup rollup, Instant now, String when) {
        UsageQueries counted = new UsageQueries(db.dataSource());
        UsageQueries rolled = new UsageQueries(db.dataSource(), rollup);
        AuditQueries countedAudit = new AuditQueries(db.dataSource(), rows, new ObjectMapper());
        AuditQueries rolledAudit = new AuditQueries(db.dataSource(), rows, new ObjectMapper(), rollup);
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        List<Instant[]> periods = List.of(
                new Instant[] {DAY0.minus(30, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS)},             // by month, all of it
                new Instant[] {today.minus(40, ChronoUnit.DAYS), today.minus(5, ChronoUnit.DAYS)},         // by day, whole days
                new Instant[] {today.minus(30, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS), now});          // partial days, today
        List<TenantScope> scopes = List.of(TenantScope.everything(), TenantScope.of("gemeente"),
                TenantScope.ofDefault("waterschap", List.of("gemeente")));
        int compared = 0;
        for (Instant[] p : periods) {
            for (String dimension : UsageQueries.DIMENSIONS.keySet()) {
                for (TenantScope scope : scopes) {
                    assertThat(rolled.overview(p[0], p[1], dimension, scope)).as("%s: overview %s..%s by %s, %s", when, p[0], p[1],
                            dimension, scope).isEqualTo(counted.overview(p[0], p[1], dimension, scope));
                    compared++;
                }
            }
            for (String by : AuditQueries.GROUP_BY.keySet()) {
                for (String period : AuditQueries.PERIODS) {
                    for (Object[] se : new Object[][] {{scopes.get(0), null}, {scopes.get(1), null}, {scopes.get(2), null},
                            {scopes.get(0), "operator"}, {scopes.get(0), "chat.completions"}}) {
                        AuditFilter f = new AuditFilter(p[0], p[1], null, null, null, null, null, null, null, null, null,
                                (String) se[1], null, (TenantScope) se[0]);
                        assertThat(rolledAudit.aggregate(f, period, by)).as("%s: aggregate %s by %s, %s, %s", when, period, by,
                                se[0], se[1]).isEqualTo(countedAudit.aggregate(f, period, by));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(3 * (9 + 6 * 2 * 5));
    }
}
