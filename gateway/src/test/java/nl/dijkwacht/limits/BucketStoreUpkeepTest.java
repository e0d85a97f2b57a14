package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's upkeep (expiring buckets) is done by the thread that charges a bucket, within the charge: a lone
 * request wakes no pool thread for it.
 */
class BucketStoreUpkeepTest {

    private static BucketConfiguration perMinute(long limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build();
    }

    @Test
    void anExpiredBucketIsGoneWhenTheNextChargeReturns() {
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
        try (BucketStore store = BucketStore.inMemory(1_000, clock, nanos::get)) {
            assertThat(store.tryConsume("user:a", 1, perMinute(60), 1).isConsumed()).isTrue();
            assertThat(store.heldNow()).isEqualTo(1);
            // user:a has refilled and outlived KEEP_FULL
            nanos.addAndGet(Duration.ofSeconds(2).plus(BucketStore.KEEP_FULL).toNanos());
            assertThat(store.tryConsume("user:b", 1, perMinute(60), 1).isConsumed()).isTrue();
            assertThat(store.heldNow()).as("user:a expired by the charge of user:b itself, not later by another thread")
                    .isEqualTo(1);
        }
    }
}
