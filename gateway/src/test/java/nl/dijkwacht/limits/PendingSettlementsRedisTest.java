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
     * Only a command Redis never ran is retried: refused while disconnected (what Lettuce says is checked on the real
     * client above), LOADING, BUSY. A time-out may have run it: retrying could charge twice, so it is given up.
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
