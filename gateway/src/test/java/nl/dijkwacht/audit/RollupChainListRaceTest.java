package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.UsageQueries;
import nl.dijkwacht.audit.query.UsageRow;
import nl.dijkwacht.audit.rollup.DailyUsageRollup;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * An auditor's aggregate and the dashboard read the chains with records the roll-up does not hold in a statement of
 * their own, before the statement that adds those records to the roll-up's rows (audit45). Here two late records
 * are committed exactly between the two: first one to a chain whose records were all counted (so not in the list),
 * then one to a chain in the list. Read once, the answer holds the second and not the first — a count the records
 * never had at any moment. The figures must instead equal the records' count afterwards (the read is repeated when
 * the list grew), on H2 and PostgreSQL.
 */
class RollupChainListRaceTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant NOW = START.plus(12, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);

    @Test
    void aRecordCommittedBetweenTheChainListAndTheCountIsNotLostOnH2() throws Exception {
        try (AuditDb db = AuditDb.h2()) {
            check(db);
        }
    }

    @Test
    void aRecordCommittedBetweenTheChainListAndTheCountIsNotLostOnPostgres() throws Exception {
        try (AuditDb db = AuditDb.postgres()) {
            check(db);
        }
    }

    private static void check(AuditDb db) throws Exception {
        AuditRows rows = new AuditRows(new ObjectMapper());
        ChainCodec codec = ChainCodec.fromSecret(SECRET);
        try (ChainedJdbcAuditSink a = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-a").start();
             ChainedJdbcAuditSink b = ChainedJdbcAuditSink.builder(db.dataSource(), codec, rows, "node-b").start()) {
            for (int i = 0; i < 40; i++) {
                Instant at = START.plus(i % 10, ChronoUnit.DAYS).plus(i, ChronoUnit.MINUTES);
                (i % 2 == 0 ? a : b).append(Records.sample("r-" + i, at));
            }
            DailyUsageRollup rollup = new DailyUsageRollup(db.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
            assertThat(rollup.rollUp()).isEqualTo(12);
            b.append(Records.sample("today-b", NOW.minus(1, ChronoUnit.HOURS))); // node-b has uncounted records, node-a none

            // between the chain list and the statement that reads the roll-up's rows: a late record on node-a, then on node-b
            AtomicBoolean fired = new AtomicBoolean();
            Runnable lateRecords = () -> {
                if (fired.compareAndSet(false, true)) {
                    a.append(Records.sample("late-a", START.plus(3, ChronoUnit.DAYS)));
                    b.append(Records.sample("late-b", START.plus(4, ChronoUnit.DAYS)));
                }
            };
            DataSource racing = beforeStatement(db.dataSource(), "audit_usage_day", lateRecords);
            List<UsageRow> read = new AuditQueries(racing, rows, new ObjectMapper(), rollup)
                    .aggregate(AuditFilter.none().withPeriod(START, NOW), "day", "model");
            assertThat(fired).isTrue();
            List<UsageRow> counted = new AuditQueries(db.dataSource(), rows, new ObjectMapper())
                    .aggregate(AuditFilter.none().withPeriod(START, NOW), "day", "model");
            assertThat(total(counted)).isEqualTo(43);
            assertThat(requests(read)).isEqualTo(requests(counted));

            fired.set(false);
            Runnable lateAgain = () -> {
                if (fired.compareAndSet(false, true)) {
                    a.append(Records.sample("late-a2", START.plus(5, ChronoUnit.DAYS)));
                    b.append(Records.sample("late-b2", START.plus(6, ChronoUnit.DAYS)));
                }
            };
            assertThat(rollup.rollUp()).isZero(); // counts node-a and node-b to their heads again
            b.append(Records.sample("today-b2", NOW.minus(30, ChronoUnit.MINUTES)));
            UsageQueries.Overview overview = new UsageQueries(beforeStatement(db.dataSource(), "audit_usage_day", lateAgain), rollup)
                    .overview(START, START.plus(10, ChronoUnit.DAYS), "model");
            assertThat(fired).isTrue();
            UsageQueries.Overview recounted = new UsageQueries(db.dataSource()).overview(START, START.plus(10, ChronoUnit.DAYS), "model");
            assertThat(overview.series().stream().mapToLong(UsageQueries.Series::totalRequests).sum()).isEqualTo(44);
            assertThat(overview.series().stream().map(s -> s.key() + "=" + s.requests()).toList())
                    .isEqualTo(recounted.series().stream().map(s -> s.key() + "=" + s.requests()).toList());
            assertThat(overview.decisions()).isEqualTo(recounted.decisions());
        }
    }

    private static List<String> requests(List<UsageRow> rows) {
        return rows.stream().map(r -> r.period() + " " + r.key() + " " + r.requests() + " " + r.refused()).toList();
    }

    private static long total(List<UsageRow> rows) {
        return rows.stream().mapToLong(UsageRow::requests).sum();
    }

    /** The data source, running {@code action} before a statement whose SQL contains {@code marker} is prepared. */
    private static DataSource beforeStatement(DataSource dataSource, String marker, Runnable action) {
        return (DataSource) Proxy.newProxyInstance(RollupChainListRaceTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(RollupChainListRaceTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql && sql.contains(marker)) {
                                    action.run();
                                }
                                return invoke(c, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
