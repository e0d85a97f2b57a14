package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.ThrowawayRedis;
import org.junit.jupiter.api.Test;

/**
 * A settlement that falls in a Redis outage waits in a bounded queue and is applied once Redis is back, exactly once
 * (it was lost before: the reservation stayed spent, an over-run was never charged — budget28). And a normal request
 * still makes the same round trips: the queue is only drained while something waits. A redis-server of the test's own,
 * stopped and started mid-run (the machine's Redis is never stopped); {@code CI=true} without redis-server fails.
 */
class PendingSettlementsRedisTest {

    private static final PolicySet POLICY = policy(limits(Map.of(Scope.TOOL, new Values(1_000_000L, null, null),
            Scope.USER, new Values(null, 10_000L, null))));

    @Test
    void anOverRunSettledWhileRedisIsAwayIsChargedOnceWhenItIsBack() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            CallerLimits limits = LimitsFixture.callerLimits(store);
            String tenant = LimitsFixture.freshTenant();
            Exchange overran = exchange(POLICY, "tool", "anna", null, tenant);
            assertThat(limits.reserveTokens(overran, () -> 500)).isEqualTo(Outcome.CONTINUE);

            redis.stop();
            awaitRefused(limits, tenant);
            overran.upstreamStatus(200);
            overran.usage(300, 3200); // 3,000 over the reservation
            limits.settle(overran);
            assertThat(limits.pendingSettlements()).as("kept, not lost").isEqualTo(1);
            assertThat(limits.retrySettlements()).as("still away").isZero();
            assertThat(limits.pendingSettlements()).isEqualTo(1);
            assertThat(limits.lostSettlements()).isZero();

            redis.start(); // without persistence: the budget starts full again, and the over-run is charged to it
            int applied = 0;
            for (int i = 0; i < 200 && applied == 0; i++) { // bounded, not timed: Lettuce reconnects by itself
                applied = limits.retrySettlements();
                if (applied == 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(applied).isEqualTo(1);
            assertThat(limits.pendingSettlements()).isZero();
            assertThat(limits.retrySettlements()).as("never applied twice").isZero();

            Exchange next = exchange(POLICY, "tool", "anna", null, tenant);
            assertThat(limits.reserveTokens(next, () -> 7_000)).isEqualTo(Outcome.CONTINUE);
            assertThat(next.rateLimitHeaders()).as("10,000 less the 3,000 over-run, charged once")
                    .containsEntry("x-ratelimit-remaining-tokens", "0");
            assertThat(limits.lostSettlements()).isZero();
        }
    }

    /**
     * leftover45: a settlement whose command timed out while connected may have run. Here it did (Redis was paused with
     * {@code CLIENT PAUSE WRITE}, ran it after the gateway's time-out): it waits, is sent again, and its idempotency key
     * keeps it from being charged twice. Before, it was counted lost (budget28).
     */
    @Test
    void aSettlementThatTimedOutButRanIsKeptAndNotChargedTwice() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                CallerLimits limits = LimitsFixture.callerLimits(store);
                String tenant = LimitsFixture.freshTenant();
                Exchange overran = overran(limits, tenant);

                client(admin, "PAUSE", "3000", "WRITE"); // longer than the time-out
                limits.settle(overran); // times out; Redis runs it once the pause ends
                assertThat(limits.pendingSettlements()).as("kept, not lost").isEqualTo(1);
                assertThat(limits.lostSettlements()).isZero();

                assertThat(retryUntilApplied(limits)).isEqualTo(1);
                assertThat(limits.pendingSettlements()).isZero();
                assertRemainingAfterOneOverRun(limits, tenant);
                assertThat(limits.lostSettlements()).isZero();
            } finally {
                client.shutdown();
            }
        }
    }

    /**
     * leftover45: a settlement whose command timed out and never ran (the connection was cut while Redis held it: Redis
     * drops what a killed client sent) is applied once when Redis answers again. Before, it was lost: the over-run was
     * never charged.
     */
    @Test
    void aSettlementThatTimedOutAndNeverRanIsAppliedOnce() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                CallerLimits limits = LimitsFixture.callerLimits(store);
                String tenant = LimitsFixture.freshTenant();
                Exchange overran = overran(limits, tenant);

                client(admin, "PAUSE", "30000", "WRITE");
                limits.settle(overran); // times out while Redis holds the command
                assertThat(admin.sync().clientKill(io.lettuce.core.KillArgs.Builder.typeNormal().skipme()))
                        .as("the gateway's connection cut").isEqualTo(1L);
                client(admin, "UNPAUSE");
                assertThat(limits.pendingSettlements()).as("kept, not lost").isEqualTo(1);

                assertThat(retryUntilApplied(limits)).isEqualTo(1);
                assertRemainingAfterOneOverRun(limits, tenant);
                assertThat(limits.lostSettlements()).isZero();
            } finally {
                client.shutdown();
            }
        }
    }

    /** leftover45: an outage logs one warning and one line when it is over, not one per settlement; the metric counts it. */
    @Test
    void anOutageLogsOneWarningNotOnePerSettlement() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(PendingSettlements.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            CallerLimits limits = LimitsFixture.callerLimits(store);
            String tenant = LimitsFixture.freshTenant();
            List<Exchange> overran = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                overran.add(overran(limits, tenant));
            }
            redis.stop();
            awaitRefused(limits, tenant);
            overran.forEach(limits::settle);
            assertThat(limits.pendingSettlements()).isEqualTo(5);
            assertThat(limits.settlementOutages()).isEqualTo(1);
            assertThat(lines.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).hasSize(1);

            redis.start();
            assertThat(retryUntilApplied(limits)).isEqualTo(5);
            assertThat(lines.list).hasSize(2);
            assertThat(lines.list.get(1).getFormattedMessage()).contains("5 applied, 0 lost");
        } finally {
            logger.detachAppender(lines);
        }
    }

    /** {@code CLIENT <args>} (Lettuce has no method for PAUSE's WRITE mode nor for UNPAUSE). */
    private static void client(StatefulRedisConnection<String, String> admin, String... args) {
        var command = new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8);
        for (String arg : args) {
            command.add(arg);
        }
        assertThat(admin.sync().dispatch(io.lettuce.core.protocol.CommandType.CLIENT,
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8), command)).isEqualTo("OK");
    }

    /** A reservation of 500 tokens that ran 3,000 over (usage 3,500), not yet settled. */
    private static Exchange overran(CallerLimits limits, String tenant) {
        Exchange overran = exchange(POLICY, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(overran, () -> 500)).isEqualTo(Outcome.CONTINUE);
        overran.upstreamStatus(200);
        overran.usage(300, 3200);
        return overran;
    }

    /** The retry, until it applies what waits (bounded, not timed: Lettuce reconnects and the pause ends by themselves). */
    private static int retryUntilApplied(CallerLimits limits) throws InterruptedException {
        int applied = 0;
        for (int i = 0; i < 300 && limits.pendingSettlements() > 0; i++) {
            applied += limits.retrySettlements();
            if (limits.pendingSettlements() > 0) {
                Thread.sleep(100);
            }
        }
        assertThat(limits.retrySettlements()).as("never applied twice").isZero();
        return applied;
    }

    /** 10,000 less the 500 reserved and the 3,000 over-run charged once: 6,500 fit, and nothing more. */
    private static void assertRemainingAfterOneOverRun(CallerLimits limits, String tenant) {
        Exchange next = exchange(POLICY, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(next, () -> 6_500)).as("charged at most once").isEqualTo(Outcome.CONTINUE);
        assertThat(next.rateLimitHeaders()).as("charged at least once").containsEntry("x-ratelimit-remaining-tokens", "0");
    }

    /**
     * Only a command Redis never ran is kept for sure: refused while disconnected (what Lettuce says is checked on the
     * real client above), LOADING, BUSY. A time-out may have run it: it is retried only because a settlement is applied at
     * most once in Redis (its idempotency key, above), and in memory never.
     */
    @Test
    void onlyACommandRedisNeverRanIsRetried() {
        assertThat(RedisBuckets.notRun(new RedisException("Currently not connected. Commands are rejected."))).isTrue();
        assertThat(RedisBuckets.notRun(new io.lettuce.core.RedisLoadingException("LOADING"))).isTrue();
        assertThat(RedisBuckets.notRun(new RedisCommandTimeoutException("Command timed out after 1 second(s)"))).isFalse();
        assertThat(RedisBuckets.notRun(new RedisException("Connection closed"))).isFalse();
        try (BucketStore memory = BucketStore.inMemory(10)) {
            assertThat(memory.notRun(new CompletionException(new RedisException("Currently not connected")))).isFalse();
        }
    }

    /**
     * The request path's round trips are those of before: one script call to charge the request rate, one to reserve
     * the tokens, one to settle them; the retry makes none while nothing waits. Counted with Redis's own
     * {@code INFO commandstats} on a server only this test uses.
     */
    @Test
    void aNormalRequestMakesThreeRoundTripsAndTheRetryNoneWhileNothingWaits() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(1))) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                CallerLimits limits = LimitsFixture.callerLimits(store);
                String tenant = LimitsFixture.freshTenant();
                request(limits, tenant); // loads the script (EVALSHA, then EVAL once)
                long before = scriptCalls(connection.sync().info("commandstats"));
                for (int i = 0; i < 10; i++) {
                    request(limits, tenant);
                    assertThat(limits.retrySettlements()).isZero();
                }
                long after = scriptCalls(connection.sync().info("commandstats"));
                assertThat(after - before).isEqualTo(30);
            } finally {
                client.shutdown();
            }
        }
    }

    private static void request(CallerLimits limits, String tenant) {
        Exchange e = exchange(POLICY, "tool", "bert", null, tenant);
        assertThat(limits.chargeRequests(e)).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.reserveTokens(e, () -> 200)).isEqualTo(Outcome.CONTINUE);
        e.upstreamStatus(200);
        e.usage(40, 60);
        limits.settle(e);
    }

    /** EVAL and EVALSHA calls so far, from INFO commandstats ({@code cmdstat_evalsha:calls=12,...}). */
    private static long scriptCalls(String info) {
        long calls = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_eval:") || line.startsWith("cmdstat_evalsha:")) {
                String rest = line.substring(line.indexOf("calls=") + 6);
                calls += Long.parseLong(rest.substring(0, rest.indexOf(',')));
            }
        }
        return calls;
    }

    /** Waits until Lettuce has seen the connection go: a request is then refused (503), bounded, not timed. */
    private static void awaitRefused(CallerLimits limits, String tenant) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (limits.chargeRequests(exchange(POLICY, "tool", "carla", null, tenant)) instanceof Outcome.Deny deny
                    && deny.rule().endsWith(":unavailable")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("requests were not refused after Redis stopped");
    }
}
