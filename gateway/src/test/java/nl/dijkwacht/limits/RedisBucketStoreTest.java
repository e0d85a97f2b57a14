package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.UUID;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.Test;

/** Two replicas (two stores on the same Redis) share one limit. */
class RedisBucketStoreTest {

    @Test
    void replicasShareTheBucket() {
        LocalServices.requireRedis();
        BucketConfiguration threePerMinute = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofMinutes(1)).build()).build();
        String key = "test:" + UUID.randomUUID();
        try (RedisBucketStore replicaA = new RedisBucketStore(LocalServices.REDIS_URL);
             RedisBucketStore replicaB = new RedisBucketStore(LocalServices.REDIS_URL)) {
            assertThat(replicaA.tryConsume(key, 1, threePerMinute).isConsumed()).isTrue();
            assertThat(replicaB.tryConsume(key, 1, threePerMinute).isConsumed()).isTrue();
            assertThat(replicaA.tryConsume(key, 1, threePerMinute).isConsumed()).isTrue();
            var fourth = replicaB.tryConsume(key, 1, threePerMinute);
            assertThat(fourth.isConsumed()).isFalse();
            assertThat(fourth.getNanosToWaitForRefill()).isPositive();
        }
    }
}
