package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.ThrowawayRedis;
import org.junit.jupiter.api.Test;

/**
 * A request that arrives while Lettuce is reconnecting waits for the connection, up to {@code redis-timeout}, as it
 * did before the client rejected commands while disconnected (budget28): a Redis restart or a dropped connection of a
 * moment no longer answers every request in it with 503 {@code limits_unavailable} (review44). Settlements in the same
 * moment still go to the queue at once. A redis-server of the test's own; {@code CI=true} without one fails.
 */
class RedisReconnectTest {

    private static final PolicySet POLICY = policy(limits(Map.of(Scope.TOOL, new Values(1_000_000L, null, null),
            Scope.USER, new Values(null, 10_000_000L, null))));

    @Test
    void aRequestArrivingWhileTheConnectionIsDownWaitsForTheReconnect() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             BucketStore store = BucketStore.redis(redis.url(), "dijkwacht:limit:", Duration.ofSeconds(30))) {
            CallerLimits limits = LimitsFixture.callerLimits(store);
            String tenant = LimitsFixture.freshTenant();
            List<Exchange> open = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Exchange e = exchange(POLICY, "tool", "anna", null, tenant);
                assertThat(limits.reserveTokens(e, () -> 500)).isEqualTo(Outcome.CONTINUE);
                open.add(e);
            }

            redis.stop();
            // Lettuce has seen the connection go once a settlement is refused unsent (queued): bounded, not timed
            for (int i = 0; i < open.size() && limits.pendingSettlements() == 0; i++) {
                Exchange e = open.get(i);
                e.upstreamStatus(200);
                e.usage(100, 100);
                limits.settle(e);
                if (limits.pendingSettlements() == 0) {
                    Thread.sleep(20);
                }
            }
            assertThat(limits.pendingSettlements()).as("a settlement refused while disconnected").isEqualTo(1);

            // Redis comes back while the next request is being charged
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(200);
                    redis.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Outcome during = limits.chargeRequests(exchange(POLICY, "tool", "bert", null, tenant));
            back.get();
            assertThat(during).as("charged once the connection is back, not refused at once").isEqualTo(Outcome.CONTINUE);
            assertThat(limits.retrySettlements()).as("the queued settlement, applied once").isEqualTo(1);
            assertThat(limits.lostSettlements()).isZero();
        }
    }
}
