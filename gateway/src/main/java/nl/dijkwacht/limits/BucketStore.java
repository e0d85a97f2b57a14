package nl.dijkwacht.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: in this process (one replica) or in Redis (shared by all replicas). */
public interface BucketStore {

    ConsumptionProbe tryConsume(String key, long tokens, BucketConfiguration configuration);
}
