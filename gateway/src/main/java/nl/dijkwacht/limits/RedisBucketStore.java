package nl.dijkwacht.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Buckets in Redis (compare-and-swap through Lettuce), so every replica enforces the same limit. */
public final class RedisBucketStore implements BucketStore, AutoCloseable {

    private final RedisClient client;
    private final ProxyManager<byte[]> buckets;

    public RedisBucketStore(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                .build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, long tokens, BucketConfiguration configuration) {
        return buckets.builder()
                .build(("dijkwacht:limit:" + key).getBytes(StandardCharsets.UTF_8), () -> configuration)
                .tryConsumeAndReturnRemaining(tokens);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
