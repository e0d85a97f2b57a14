package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

class InMemoryBudgetsTest extends BudgetContract {

    @Override
    protected BucketStore newStore(TimeMeter clock) {
        return BucketStore.inMemory(10_000, clock, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    @Test
    void aHundredThousandDistinctUsersLeaveABoundedStore() {
        BucketStore bounded = BucketStore.inMemory(5_000);
        try (bounded) {
            CallerLimits perUser = LimitsFixture.callerLimits(bounded);
            PolicySet policy = policy(limits(Map.of(Scope.USER, new Values(10L, 10_000L, null), Scope.TOOL, new Values(1_000_000L, null, null))));
            for (int i = 0; i < 100_000; i++) {
                var exchange = exchange(policy, "tool", "user-" + i, null, tenant);
                assertThat(perUser.chargeRequests(exchange)).isEqualTo(Outcome.CONTINUE);
            }
            // user and tool buckets for 100k users: the cache keeps at most its bound
            assertThat(bounded.bucketCount()).isLessThanOrEqualTo(5_000);
        }
    }

    @Test
    void bucketsExpireOnceTheyHaveRefilled() {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        BucketStore expiring = BucketStore.inMemory(1_000, clock, nanos::get);
        try (expiring) {
            CallerLimits perUser = LimitsFixture.callerLimits(expiring);
            PolicySet policy = policy(limits(Map.of(Scope.USER, new Values(60L, null, null), Scope.TOOL, new Values(6_000L, null, null))));
            for (int i = 0; i < 100; i++) {
                perUser.chargeRequests(exchange(policy, "tool", "user-" + i, null, tenant));
            }
            assertThat(expiring.bucketCount()).isEqualTo(101);
            nanos.addAndGet(Duration.ofSeconds(1).plus(BucketStore.KEEP_FULL).plusSeconds(1).toNanos());
            assertThat(expiring.bucketCount()).isZero();
        }
    }

    @Test
    void aNewDayStartsWithAFullBudget() {
        AtomicLong millis = new AtomicLong(Instant.parse("2026-03-14T22:30:00Z").toEpochMilli()); // 23:30 in Amsterdam
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        CallerLimits daily = new CallerLimits(store, u -> u, 120, clock);
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, 500L, null))));
        assertThat(daily.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> 500)).isEqualTo(Outcome.CONTINUE);
        var refused = daily.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> 10);
        assertThat(refused).isInstanceOfSatisfying(Outcome.Deny.class,
                deny -> assertThat(deny.refusal().retryAfterSeconds()).isEqualTo(30 * 60L));
        millis.addAndGet(Duration.ofMinutes(31).toMillis());
        assertThat(daily.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> 500)).isEqualTo(Outcome.CONTINUE);
    }
}
