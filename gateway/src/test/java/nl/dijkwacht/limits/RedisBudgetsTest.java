package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same contract on the machine's real Redis (under a random key prefix, removed afterwards). */
class RedisBudgetsTest extends BudgetContract {

    private final String prefix = "dijkwacht-test:" + UUID.randomUUID() + ":";

    @Override
    protected BucketStore newStore() {
        LocalServices.requireRedis();
        return BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5));
    }

    @AfterEach
    void removeKeys() {
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @Test
    void twoReplicasShareTheBuckets() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, null))));
        try (BucketStore other = BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5))) {
            CallerLimits replicaB = LimitsFixture.callerLimits(other);
            assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(replicaB.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(replicaB.chargeRequests(exchange(policy, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
        }
    }

    @Test
    void everyKeyExpiresAndNoneHoldsAUserId() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null),
                Scope.USER, new Values(10L, 1_000L, 10_000L))));
        assertThat(limits.chargeRequests(exchange(policy, "tool", "anna@gemeente.nl", null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.reserveTokens(exchange(policy, "tool", "anna@gemeente.nl", null, tenant), () -> 10)).isEqualTo(Outcome.CONTINUE);
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(prefix + "*");
            assertThat(keys).hasSize(4).noneMatch(k -> k.contains("anna"));
            for (String key : keys) {
                long ttl = redis.sync().pttl(key);
                long most = key.endsWith("requests-per-minute") ? Duration.ofMinutes(1).plus(BucketStore.KEEP_FULL).toMillis()
                        : key.contains("tokens-per-day") ? Duration.ofHours(25).plus(BucketStore.KEEP_FULL).toMillis()
                        : Duration.ofDays(31).plus(BucketStore.KEEP_FULL).toMillis();
                assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(most);
            }
        }
    }

    @Test
    void anUnreachableRedisRefusesInsteadOfLettingThrough() {
        BucketStore dead;
        try {
            dead = BucketStore.redis("redis://127.0.0.1:" + nl.dijkwacht.support.FreePort.find(), prefix, Duration.ofMillis(300));
        } catch (RuntimeException e) {
            // cannot even connect at start-up: the gateway does not start, which is also closed
            return;
        }
        try (dead) {
            PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, null))));
            assertThat(LimitsFixture.callerLimits(dead).chargeRequests(exchange(policy, "tool", null, null, tenant)))
                    .isInstanceOfSatisfying(Outcome.Deny.class, d -> assertThat(d.refusal().code()).isEqualTo("limits_unavailable"));
        }
    }
}
