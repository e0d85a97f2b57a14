package nl.dijkwacht.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in memory: the embedded default, right for a single replica. */
public final class LocalBucketStore implements BucketStore {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public ConsumptionProbe tryConsume(String key, long tokens, BucketConfiguration configuration) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .build());
        return bucket.tryConsumeAndReturnRemaining(tokens);
    }
}
