package nl.dijkwacht.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Where the token buckets live: in this process (a bounded, expiring Caffeine cache: the embedded default, one
 * replica) or in Redis (compare-and-swap through Lettuce, shared by all replicas). Both are Bucket4j proxy managers,
 * so a limit behaves the same on either; every operation is atomic per bucket and asynchronous, so the limits of
 * one request (user, department, tool, ...) are checked in parallel: one round trip to Redis, not five.
 *
 * <p>A bucket expires once it would have refilled completely (plus {@link #KEEP_FULL}): a full bucket is the same as
 * a new one, so forgetting it changes nothing. In memory the cache is also bounded ({@code maxBuckets}); beyond that
 * the least useful buckets are evicted first, so no caller can grow the gateway's memory.
 *
 * <p>Configurations carry a version: when limits.yaml changes, a bucket takes the new configuration at its next use
 * and keeps what was used ({@link TokensInheritanceStrategy#ADDITIVE}: raising a limit from 100 to 150 adds 50).
 */
public final class BucketStore implements AutoCloseable {

    /** How long a bucket that has refilled completely is kept before it expires. */
    static final Duration KEEP_FULL = Duration.ofSeconds(30);

    private final AsyncProxyManager<String> buckets;
    private final LongSupplier size;
    private final AutoCloseable resources;
    private final boolean shared;
    /** Redis: one proxy per bucket in use, so concurrent requests on one bucket are batched into one command. */
    private final Cache<ProxyKey, AsyncBucketProxy> proxies;

    private record ProxyKey(String key, long version) {
    }

    private BucketStore(AsyncProxyManager<String> buckets, LongSupplier size, AutoCloseable resources, boolean shared) {
        this.buckets = buckets;
        this.size = size;
        this.resources = resources;
        this.shared = shared;
        this.proxies = shared ? Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(2)).build() : null;
    }

    /** Buckets in this process, at most {@code maxBuckets} of them. */
    public static BucketStore inMemory(long maxBuckets) {
        return inMemory(maxBuckets, TimeMeter.SYSTEM_MILLISECONDS, Ticker.systemTicker());
    }

    /** With the clocks given (tests move time forward): Bucket4j's for refills, Caffeine's for expiry. */
    static BucketStore inMemory(long maxBuckets, TimeMeter clock, Ticker ticker) {
        CaffeineProxyManager<String> manager = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxBuckets).ticker(ticker))
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build();
        return new BucketStore(manager.asAsync(), () -> {
            manager.getCache().cleanUp();
            return manager.getCache().estimatedSize();
        }, () -> { }, false);
    }

    /**
     * Buckets in Redis under {@code keyPrefix}; every key carries a time to live (see the class comment). An
     * operation that takes longer than {@code timeout} fails (the request is then refused, never let through).
     */
    public static BucketStore redis(String redisUrl, String keyPrefix, Duration timeout) {
        return redis(redisUrl, keyPrefix, timeout, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the clock given (tests stop time, so a per-minute bucket does not refill while they run). */
    static BucketStore redis(String redisUrl, String keyPrefix, Duration timeout, TimeMeter clock) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout); // also bounds the connection handshake (Lettuce's default: a minute)
        RedisClient client = RedisClient.create();
        StatefulRedisConnection<String, byte[]> connection;
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
        connection.setTimeout(timeout);
        AsyncProxyManager<String> manager = Bucket4jLettuce.casBasedBuilder(connection)
                .requestTimeout(timeout)
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .build()
                .asAsync();
        return new BucketStore(manager.withMapper((String key) -> keyPrefix + key), () -> -1, () -> {
            connection.close();
            client.shutdown();
        }, true);
    }

    /** True when the buckets are shared by all replicas (Redis). */
    public boolean shared() {
        return shared;
    }

    /** Buckets held in memory right now (after expired ones are cleaned up); -1 for Redis, where keys expire by TTL. */
    public long bucketCount() {
        return size.getAsLong();
    }

    CompletableFuture<ConsumptionProbe> tryConsume(String key, long tokens, BucketConfiguration configuration, long version) {
        return bucket(key, configuration, version).tryConsumeAndReturnRemaining(tokens);
    }

    /** Gives tokens back (a refused or settled request); never above the bucket's capacity. */
    CompletableFuture<Void> giveBack(String key, long tokens, BucketConfiguration configuration, long version) {
        return bucket(key, configuration, version).addTokens(tokens);
    }

    /** Takes tokens that were used already (settling with the real usage): the bucket may go below zero. */
    CompletableFuture<Long> takeUsed(String key, long tokens, BucketConfiguration configuration, long version) {
        return bucket(key, configuration, version).consumeIgnoringRateLimits(tokens);
    }

    /**
     * In Redis every change is a compare-and-swap, which many concurrent requests on one bucket (a busy tool, a
     * tenant) would retry over and over; Bucket4j's batching sends the requests waiting on one proxy as one command.
     * In memory a bucket is updated under the cache's lock and needs none of that.
     */
    /** Tokens left in a bucket (negative when a settled answer ran over). */
    CompletableFuture<Long> available(String key, BucketConfiguration configuration, long version) {
        return bucket(key, configuration, version).getAvailableTokens();
    }

    private AsyncBucketProxy bucket(String key, BucketConfiguration configuration, long version) {
        if (proxies == null) {
            return newProxy(key, configuration, version, false);
        }
        return proxies.get(new ProxyKey(key, version), k -> newProxy(key, configuration, version, true));
    }

    private AsyncBucketProxy newProxy(String key, BucketConfiguration configuration, long version, boolean batching) {
        var builder = buckets.builder().withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.ADDITIVE);
        if (batching) {
            builder = builder.withOptimization(Optimizations.batching());
        }
        return builder.build(key, () -> CompletableFuture.completedFuture(configuration));
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the bucket store failed", e);
        }
    }
}
