package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.audit.query.UsageRow;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.rollup.DailyUsageRollup;
import nl.dijkwacht.audit.rollup.RollupCoverage;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * The daily usage roll-up answers exactly what counting the records answers: the dashboard's overview (by day and by
 * month, every dimension, tenant scopes, decisions, fallbacks) and the auditor's aggregates (every period and
 * grouping, with and without the endpoint filter), over periods that start and end inside days, that reach into
 * today (not rolled up: read from the records) and that lie wholly outside the roll-up; on H2 and PostgreSQL. A
 * record retention removes later keeps its counts in the roll-up, and a day is rolled up only once it closed.
 */
class DailyUsageRollupTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final int DAYS = 130;
    static final int RECORDS = 3_000;
    /** "Now": day 120, 10:00 — days 0..119 are closed, day 120 is today. */
    static final Instant NOW = START.plus(120, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
    static final String[] TENANTS = {null, "gemeente", "waterschap"};
    static final String[] ENDPOINTS = {"chat.completions", "chat.completions", "chat.completions", "embeddings", "models", "operator"};
    static final String[] DECISIONS = {"allowed", "allowed", "redacted", "refused", "failed", "rerouted", "rerouted"};

    @Test
    void theRollUpAnswersWhatTheRecordsAnswerOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            check(db);
        }
    }

    @Test
    void theRollUpAnswersWhatTheRecordsAnswerOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            check(db);
        }
    }

    /** Records spread over {@link #DAYS} days (a few in what is still the future), with every kind of value. */
    static AuditRecord record(long n) {
        SplittableRandom random = new SplittableRandom(n);
        Instant at = START.plusMillis((long) (random.nextDouble() * Duration.ofDays(DAYS).toMillis()));
        return record(n, at, random);
    }

    /** A record of the same kind at a given time ({@code random}: the rest of its values). */
    static AuditRecord record(long n, Instant at, SplittableRandom random) {
        String decision = DECISIONS[random.nextInt(DECISIONS.length)];
        String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
        String model = random.nextInt(10) == 0 ? null : "model-" + random.nextInt(4);
        return AuditRecord.builder()
                .traceId("t-" + n)
                .occurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .bioAction(endpoint.equals("operator") ? "policy.reload" : endpoint)
                .bioResult(decision.equals("refused") ? "refused" : "success")
                .bioOrigin("tool:x")
                .endpoint(endpoint)
                .toolId(random.nextInt(5) == 0 ? null : "tool-" + random.nextInt(3))
                .actorPseudonym("p-" + random.nextInt(50))
                .department(random.nextInt(8) == 0 ? null : random.nextInt(8) == 0 ? "" : "afdeling-" + random.nextInt(6))
                .tenant(TENANTS[random.nextInt(TENANTS.length)])
                .useCase(new String[] {"brieven-opstellen", "samenvatten", "vrije-vraag"}[random.nextInt(3)])
                .modelId(model)
                .provider("openai-compatible")
                .policyVersion("sha256:4f1c2a9e")
                .decision(decision)
                .rule(decision.equals("rerouted") ? (random.nextBoolean() ? "fallback:timeout" : "sensitivity:bsn")
                        : decision.equals("refused") ? "pii:block" : null)
                .errorCode(decision.equals("refused") ? (random.nextBoolean() ? "pii_blocked" : "rate_limited")
                        : decision.equals("failed") ? "upstream_timeout" : null)
                .httpStatus(decision.equals("refused") ? 403 : 200)
                .entityCounts(Map.of())
                .promptTokens(random.nextInt(900))
                .completionTokens(random.nextInt(700))
                .latencyMillis(random.nextInt(3000))
                .energyWh(random.nextInt(1000) / 1000.0)
                .build();
    }

    private static void check(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        BulkChain.write(db, codec, rows, "main", RECORDS, DailyUsageRollupTest::record);

        DailyUsageRollup rollup = new DailyUsageRollup(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        assertThat(rollup.coverage()).isEmpty();
        assertThat(rollup.rollUp()).as("every closed day from the oldest record's").isEqualTo(120);
        assertThat(rollup.rollUp()).as("nothing new to roll up").isZero();
        RollupCoverage covered = rollup.coverage().orElseThrow();
        assertThat(covered.from()).hasToString("2026-01-01");
        assertThat(covered.to()).as("today is not rolled up").hasToString("2026-05-01");

        UsageQueries counted = new UsageQueries(db.dataSource());
        UsageQueries rolled = new UsageQueries(db.dataSource(), rollup);
        AuditQueries countedAudit = new AuditQueries(db.dataSource(), rows, new ObjectMapper());
        AuditQueries rolledAudit = new AuditQueries(db.dataSource(), rows, new ObjectMapper(), rollup);

        List<Instant[]> periods = List.of(
                new Instant[] {START, START.plus(DAYS, ChronoUnit.DAYS)},                                   // by month, into the future
                new Instant[] {START.plus(3, ChronoUnit.DAYS).plus(7, ChronoUnit.HOURS), NOW.plus(2, ChronoUnit.HOURS)}, // partial days, today
                new Instant[] {START.plus(10, ChronoUnit.DAYS), START.plus(40, ChronoUnit.DAYS)},            // by day, whole days
                new Instant[] {START.plus(100, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), START.plus(125, ChronoUnit.DAYS)},
                new Instant[] {START.plus(50, ChronoUnit.DAYS), START.plus(51, ChronoUnit.DAYS)},            // by hour: records only
                new Instant[] {START.minus(200, ChronoUnit.DAYS), START.minus(1, ChronoUnit.DAYS)});          // before the roll-up
        List<TenantScope> scopes = List.of(TenantScope.everything(), TenantScope.of("waterschap"),
                TenantScope.ofDefault("gemeente", List.of("waterschap")));
        int compared = 0;
        for (Instant[] p : periods) {
            for (String dimension : UsageQueries.DIMENSIONS.keySet()) {
                for (TenantScope scope : scopes) {
                    UsageQueries.Overview expected = counted.overview(p[0], p[1], dimension, scope);
                    UsageQueries.Overview actual = rolled.overview(p[0], p[1], dimension, scope);
                    assertThat(actual).as("overview %s..%s by %s, %s", p[0], p[1], dimension, scope).isEqualTo(expected);
                    compared++;
                }
            }
            for (String by : AuditQueries.GROUP_BY.keySet()) {
                for (String period : AuditQueries.PERIODS) {
                    // every tenant scope without an endpoint filter, every endpoint filter without a scope (lean on PostgreSQL)
                    for (Object[] se : new Object[][] {{scopes.get(0), null}, {scopes.get(1), null}, {scopes.get(2), null},
                            {scopes.get(0), "operator"}, {scopes.get(0), "embeddings"}}) {
                        TenantScope scope = (TenantScope) se[0];
                        String endpoint = (String) se[1];
                        {
                            AuditFilter f = new AuditFilter(p[0], p[1], null, null, null, null, null, null, null, null, null,
                                    endpoint, null, scope);
                            List<UsageRow> expected = countedAudit.aggregate(f, period, by);
                            assertThat(rolledAudit.aggregate(f, period, by)).as("aggregate %s by %s, %s, %s", period, by, scope, endpoint)
                                    .isEqualTo(expected);
                            compared++;
                        }
                    }
                }
            }
        }
        // no period at all, and a filter the roll-up cannot answer (counted from the records)
        for (AuditFilter f : List.of(AuditFilter.none(), new AuditFilter(null, null, null, "afdeling-2", null, null, null, null,
                null, null, null))) {
            assertThat(rolledAudit.aggregate(f, "month", "model")).isEqualTo(countedAudit.aggregate(f, "month", "model"));
        }
        assertThat(compared).isGreaterThan(300);
        UsageQueries.Overview year = rolled.overview(START, START.plus(DAYS, ChronoUnit.DAYS), "model", TenantScope.everything());
        assertThat(year.totals().requests()).as("the comparison covered real figures").isGreaterThan(RECORDS / 2);
        assertThat(year.fallbacks()).isPositive();
        assertThat(year.sensitivityReroutes()).isPositive();

        // retention removes the records of January and February: the roll-up keeps their counts, the records do not
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        Instant april = Instant.parse("2026-04-01T00:00:00Z");
        long janFeb = counted.overview(START, march, "model").totals().requests();
        assertThat(janFeb).isPositive();
        UsageQueries.Overview before = rolled.overview(START, april, "model");
        Clock later = Clock.fixed(march.plus(365, ChronoUnit.DAYS), ZoneOffset.UTC);
        RetentionJob.Run run = new RetentionJob(db.dataSource(), codec, new AuditProperties.Retention(365, null, null, null), later).run("test");
        assertThat(run.recordsDeleted()).isPositive();
        assertThat(counted.overview(START, march, "model").totals().requests()).isZero();
        assertThat(rolled.overview(START, april, "model")).as("usage of purged records stays in the roll-up").isEqualTo(before);
    }
}
