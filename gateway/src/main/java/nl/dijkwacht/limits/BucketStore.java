package nl.dijkwacht.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the token buckets live: in this process (a bounded, expiring Caffeine cache of Bucket4j buckets: the embedded
 * default, one replica) or in Redis ({@link RedisBuckets}: shared by all replicas). A request's buckets (user,
 * department, tool, ...) are charged together and all or nothing: in memory each bucket is atomic and what the others
 * gave is given back when one refuses; in Redis one script charges all of them atomically, in one round trip.
 *
 * <p>A bucket expires once it would have refilled completely (plus {@link #KEEP_FULL}): a full bucket is the same as
 * a new one, so forgetting it changes nothing. A token budget expires at the latest one refill period after its last
 * use ({@link BudgetExpiry}; in Redis at its next refill, {@code limits/buckets.lua}): after its period nothing uses it. In memory the cache is also bounded ({@code maxBuckets}); beyond that
 * the least useful buckets are evicted first, so no caller can grow the gateway's memory.
 *
 * <p>Configurations carry a version: when limits.yaml changes, a bucket takes the new configuration at its next use
 * and keeps what was used ({@link TokensInheritanceStrategy#ADDITIVE}: raising a limit from 100 to 150 adds 50).
 *
 * <p>In memory the buckets are used through Bucket4j's synchronous proxies: the cache answers on the calling thread
 * anyway, and the asynchronous ones added a chain of futures to every use of a bucket (several per request). A
 * bucket's configuration is built only when Bucket4j asks for it (a new bucket, a new version), not on every use.
 */
public final class BucketStore implements AutoCloseable {

    /** How long a bucket that has refilled completely is kept before it expires. */
    static final Duration KEEP_FULL = Duration.ofSeconds(30);
    /** How many configuration versions keep their proxy builder (tenants' limits, the per-source guard's, a reload). */
    static final int KEPT_VERSIONS = 8;

    private final ProxyManager<String> buckets;
    private final LongSupplier size;
    private final LongSupplier held;
    private final RedisBuckets redis;

    /**
     * Proxy builders by configuration version, newest first: made once per version instead of on every use of a
     * bucket (a request charges several). Several versions are in use at once (each tenant's limits, the per-source
     * guard's); the oldest drops out when a reload adds one beyond {@link #KEPT_VERSIONS}. Two threads adding at the
     * same moment may lose one of the two; it is made again on its next use.
     */
    private volatile VersionedBuilder[] builders = new VersionedBuilder[0];

    private record VersionedBuilder(long version, RemoteBucketBuilder<String> builder) {
    }

    private BucketStore(ProxyManager<String> buckets, LongSupplier size, LongSupplier held, RedisBuckets redis) {
        this.buckets = buckets;
        this.size = size;
        this.held = held;
        this.redis = redis;
    }

    /** Buckets in this process, at most {@code maxBuckets} of them. */
    public static BucketStore inMemory(long maxBuckets) {
        return inMemory(maxBuckets, TimeMeter.SYSTEM_MILLISECONDS, Ticker.systemTicker());
    }

    /**
     * With the clocks given (tests move time forward): Bucket4j's for refills, Caffeine's for expiry. The cache's
     * upkeep (expiring, evicting) runs on the thread that charged the bucket: on Caffeine's default, the common
     * fork-join pool, a lone request after a second's pause woke a sleeping pool thread for each bucket it charged
     * (docs/history/benchmark-sessions.md, first17).
     */
    static BucketStore inMemory(long maxBuckets, TimeMeter clock, Ticker ticker) {
        CaffeineProxyManager<String> manager = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxBuckets)
                        .ticker(ticker).executor(Runnable::run))
                .clientClock(clock)
                .expirationAfterWrite(new BudgetExpiry(KEEP_FULL))
                .build();
        return new BucketStore(manager, () -> {
            manager.getCache().cleanUp();
            return manager.getCache().estimatedSize();
        }, () -> manager.getCache().estimatedSize(), null);
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
        return new BucketStore(null, () -> -1, () -> -1, new RedisBuckets(redisUrl, keyPrefix, timeout, clock));
    }

    /** Buckets in this process as the cache holds them now, without first doing upkeep that is due (-1 for Redis). */
    long heldNow() {
        return held.getAsLong();
    }

    /** True when the buckets are shared by all replicas (Redis). */
    public boolean shared() {
        return redis != null;
    }

    /** Buckets held in memory right now (after expired ones are cleaned up); -1 for Redis, where keys expire by TTL. */
    public long bucketCount() {
        return size.getAsLong();
    }

    /**
     * Takes each charge's amount from its bucket, all or nothing: when one bucket cannot hold its amount, no bucket
     * keeps a charge. The probes say, per charge, whether its amount fitted. A store that cannot be reached throws
     * {@link CompletionException}.
     */
    List<ConsumptionProbe> chargeAll(List<Charge> charges, long version) {
        if (redis != null) {
            return redis.run(RedisBuckets.Operation.CONSUME, charges, version);
        }
        List<ConsumptionProbe> probes = new ArrayList<>(charges.size());
        CompletionException failure = null;
        boolean refused = false;
        for (Charge charge : charges) {
            ConsumptionProbe probe = null;
            try {
                probe = bucket(charge, version).tryConsumeAndReturnRemaining(charge.amount());
                refused |= !probe.isConsumed();
            } catch (RuntimeException e) {
                failure = failure(e);
            }
            probes.add(probe);
        }
        if (failure != null || refused) {
            // all or nothing: give back what the other buckets gave
            for (int i = 0; i < charges.size(); i++) {
                if (probes.get(i) != null && probes.get(i).isConsumed()) {
                    Charge charge = charges.get(i);
                    try {
                        bucket(charge, version).addTokens(charge.amount());
                    } catch (RuntimeException e) {
                        throw failure(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return probes;
    }

    /**
     * Settles: {@code take} the amounts that were used beyond a reservation (a bucket may go below zero), or give them
     * back (never above a bucket's capacity). In Redis at most once per {@code settlementId}, also when sent again
     * ({@link #settlesOnce}).
     */
    void settle(List<Charge> charges, boolean take, long version, String settlementId) {
        if (redis != null) {
            redis.settle(take, charges, version, settlementId);
            return;
        }
        CompletionException failure = null;
        for (Charge c : charges) {
            try {
                if (take) {
                    bucket(c, version).consumeIgnoringRateLimits(c.amount());
                } else {
                    bucket(c, version).addTokens(c.amount());
                }
            } catch (RuntimeException e) {
                failure = failure(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * True when {@code failure} says the store never ran the operation (Redis away: the command was refused before it
     * was sent, or Redis was loading or busy), so that running it again cannot apply it twice. False when it may have
     * run (a time-out or a connection lost while the command was out) and for the in-memory store.
     */
    boolean notRun(CompletionException failure) {
        return redis != null && RedisBuckets.notRun(failure.getCause());
    }

    /**
     * True when a settlement sent again is applied at most once (Redis: its idempotency key), so one whose outcome is
     * unknown may be retried; the in-memory store never loses a command's outcome.
     */
    boolean settlesOnce() {
        return redis != null;
    }

    /** Tokens left in a charge's bucket (negative when a settled answer ran over). */
    long available(Charge charge, long version) {
        if (redis != null) {
            return redis.available(charge, version);
        }
        try {
            return bucket(charge, version).getAvailableTokens();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** One bucket of this process (the per-source guard before authentication; never in Redis). */
    ConsumptionProbe tryConsume(String key, long tokens, BucketConfiguration configuration, long version) {
        return local(key, () -> configuration, version).tryConsumeAndReturnRemaining(tokens);
    }

    /** Gives tokens back to one bucket of this process; never above its capacity. */
    void giveBack(String key, long tokens, BucketConfiguration configuration, long version) {
        local(key, () -> configuration, version).addTokens(tokens);
    }

    /** A failure of the store as the asynchronous proxies reported it (callers refuse the request on it). */
    private static CompletionException failure(RuntimeException e) {
        return e instanceof CompletionException c ? c : new CompletionException(e);
    }

    private BucketProxy bucket(Charge charge, long version) {
        return local(charge.key(), charge::configuration, version);
    }

    private BucketProxy local(String key, Supplier<BucketConfiguration> configuration, long version) {
        return builder(version).build(key, configuration);
    }

    /** The proxy builder for {@code version}; a builder only reads its settings when it builds, so threads share it. */
    RemoteBucketBuilder<String> builder(long version) {
        if (buckets == null) {
            throw new IllegalStateException("a single bucket is only kept in memory");
        }
        VersionedBuilder[] known = builders;
        for (VersionedBuilder b : known) {
            if (b.version() == version) {
                return b.builder();
            }
        }
        RemoteBucketBuilder<String> builder = buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.ADDITIVE);
        VersionedBuilder[] kept = new VersionedBuilder[Math.min(known.length + 1, KEPT_VERSIONS)];
        kept[0] = new VersionedBuilder(version, builder);
        System.arraycopy(known, 0, kept, 1, kept.length - 1);
        builders = kept;
        return builder;
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
