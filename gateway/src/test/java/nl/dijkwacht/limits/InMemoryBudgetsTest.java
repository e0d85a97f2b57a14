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

    /**
     * A day budget that answers overspent (here 4× its limit below zero) would only be "full again" after five refills:
     * the cache kept it five refill periods (5 × 25 h) although its key is never used after its day, holding a place
     * under max-buckets that a live bucket needs (budget28). Now it goes one refill period after its last use. It never
     * let a caller past the limit nor refused the next day: that day's key is another bucket, full.
     */
    @Test
    void anOverspentBudgetIsForgottenOneRefillPeriodAfterItsLastUseAndTheNextDayIsFull() {
        GeneratedTrafficTest.ManualTime time = new GeneratedTrafficTest.ManualTime(Instant.parse("2026-12-05T10:00:00Z"));
        BucketStore cache = BucketStore.inMemory(1_000, time, time::currentTimeNanos);
        try (cache) {
            CallerLimits daily = new CallerLimits(cache, u -> u, 120, time.clock());
            PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(null, 1000L, null))));
            var overran = exchange(policy, "tool", null, null, tenant);
            assertThat(daily.reserveTokens(overran, () -> 900)).isEqualTo(Outcome.CONTINUE);
            overran.upstreamStatus(200);
            overran.usage(1000, 4000);
            daily.settle(overran);
            assertThat(daily.reserveTokens(exchange(policy, "tool", null, null, tenant), () -> 1)).isInstanceOf(Outcome.Deny.class);
            assertThat(cache.bucketCount()).isEqualTo(1);

            time.advance(Duration.ofHours(14)); // 01:00 the next day in Amsterdam: a new, full budget
            var nextDay = exchange(policy, "tool", null, null, tenant);
            assertThat(daily.reserveTokens(nextDay, () -> 1000)).isEqualTo(Outcome.CONTINUE);
            assertThat(nextDay.rateLimitHeaders()).containsEntry("x-ratelimit-remaining-tokens", "0");
            assertThat(cache.bucketCount()).isEqualTo(2);

            // one refill period (25 h) after its last use, and the time a full bucket is kept, the overspent day is gone
            time.advance(Duration.ofHours(25 - 14).plus(BucketStore.KEEP_FULL).plusSeconds(1));
            assertThat(cache.bucketCount()).as("yesterday's overspent budget, 25 h after its last use").isEqualTo(1);
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
