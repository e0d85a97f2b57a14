package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store makes one Bucket4j proxy builder per configuration version, not one per use of a bucket, and a
 * kept builder still applies a reloaded configuration the way a new one did (ADDITIVE).
 */
class BucketStoreBuildersTest {

    private static BucketConfiguration perMinute(long limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)).build())
                .build();
    }

    @Test
    void oneBuilderPerVersionWhileSeveralVersionsAreInUse() {
        try (BucketStore store = BucketStore.inMemory(100)) {
            var sourceGuard = store.builder(1);
            var tenantA = store.builder(1_000);
            var tenantB = store.builder(2_000);
            assertThat(store.builder(1)).as("the per-source guard's, beside two tenants'").isSameAs(sourceGuard);
            assertThat(store.builder(1_000)).isSameAs(tenantA);
            assertThat(store.builder(2_000)).isSameAs(tenantB);
            assertThat(tenantA).isNotSameAs(tenantB).isNotSameAs(sourceGuard);
        }
    }

    @Test
    void theOldestVersionDropsOutWhenReloadsAddMoreThanAreKept() {
        try (BucketStore store = BucketStore.inMemory(100)) {
            var first = store.builder(1);
            for (long version = 2; version <= BucketStore.KEPT_VERSIONS; version++) {
                store.builder(version);
            }
            assertThat(store.builder(1)).as("still kept at the limit").isSameAs(first);
            var second = store.builder(2);
            var newest = store.builder(BucketStore.KEPT_VERSIONS + 1);
            assertThat(store.builder(BucketStore.KEPT_VERSIONS + 1)).isSameAs(newest);
            assertThat(store.builder(2)).as("kept").isSameAs(second);
            assertThat(store.builder(1)).as("the oldest dropped out, made again").isNotSameAs(first);
        }
    }

    @Test
    void aKeptBuilderStillAppliesANewVersionsConfigurationAndKeepsWhatWasUsed() {
        try (BucketStore store = BucketStore.inMemory(100)) {
            assertThat(store.tryConsume("user:a", 2, perMinute(3), 1).getRemainingTokens()).isEqualTo(1);
            assertThat(store.tryConsume("user:a", 1, perMinute(3), 1).getRemainingTokens())
                    .as("the same version's kept builder, same bucket").isZero();
            assertThat(store.tryConsume("user:a", 1, perMinute(3), 1).isConsumed()).isFalse();
            // limits.yaml reloaded: 3 -> 5 adds 2 to what is left (ADDITIVE)
            var raised = store.tryConsume("user:a", 1, perMinute(5), 2);
            assertThat(raised.isConsumed()).isTrue();
            assertThat(raised.getRemainingTokens()).isEqualTo(1);
            assertThat(store.tryConsume("user:a", 1, perMinute(5), 2).getRemainingTokens()).isZero();
            assertThat(store.tryConsume("user:a", 1, perMinute(5), 2).isConsumed()).isFalse();
        }
    }
}
