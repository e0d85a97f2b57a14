package nl.dijkwacht.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Token buckets in Redis, all buckets of one request in ONE round trip: a Lua script ({@code limits/buckets.lua}) that
 * Redis runs atomically refills, checks and charges every bucket the request belongs to (tool, user, department,
 * use-case, tenant). All or nothing without giving back: when one bucket refuses, none is charged. The buckets behave
 * as the in-memory ones (Bucket4j): requests per minute refill greedily, a calendar budget whole at the end of its
 * period, a raised limit adds the difference (ADDITIVE), and every key expires once its bucket would be full again
 * plus {@link BucketStore#KEEP_FULL}. The time is the gateway's clock, passed in, so every replica must keep time
 * (NTP), as with Bucket4j's client-side clock before.
 *
 * <p>One script touches several keys, so this needs one Redis (or a primary with replicas), not Redis Cluster.
 */
final class RedisBuckets implements AutoCloseable {

    private static final String SCRIPT = load();
    private static final String SHA = sha1(SCRIPT);

    /** What a script call does to each bucket. */
    enum Operation {
        /** Takes the amount from every bucket if every bucket holds it, else from none. */
        CONSUME,
        /** Takes the amount used beyond a reservation: the bucket may go below zero. */
        TAKE,
        /** Gives the amount back, never above the capacity. */
        GIVE,
        /** Reads only. */
        PEEK;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String keyPrefix;
    private final TimeMeter clock;
    private final long timeoutNanos;

    /**
     * How long a settlement's marker (its idempotency key) is kept in Redis: a settlement whose outcome is unknown is
     * retried only within half of it ({@link PendingSettlements}), so a retry always finds the marker of a run that
     * happened. About 150 bytes of Redis memory per settled request for this long (review45, docs/admin-guide.md).
     */
    static final Duration SETTLEMENT_MARKER_TTL = Duration.ofMinutes(10);

    /** The first pause before a charge refused while disconnected is sent again; doubled up to {@link #LONGEST_PAUSE_NANOS}. */
    private static final long FIRST_PAUSE_NANOS = 1_000_000;
    private static final long LONGEST_PAUSE_NANOS = 50_000_000;

    RedisBuckets(String redisUrl, String keyPrefix, Duration timeout, TimeMeter clock) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout); // also bounds the connection handshake (Lettuce's default: a minute)
        this.client = RedisClient.create();
        // while the connection is down, commands fail at once instead of waiting in Lettuce's buffer for the time-out:
        // such a command was never sent, so a settlement it carried can be applied later without being applied twice
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            this.connection = client.connect(uri);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
        connection.setTimeout(timeout);
        this.redis = connection.sync();
        this.keyPrefix = keyPrefix;
        this.clock = clock;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Applies {@code operation} to the bucket of every charge, in one script call, and returns each bucket's answer
     * as a probe (consumed = the amount fitted). An unreachable or silent Redis throws {@link CompletionException}.
     */
    List<ConsumptionProbe> run(Operation operation, List<Charge> charges, long version) {
        List<Object> out = operation == Operation.CONSUME ? evalWaiting(operation, charges, version)
                : eval(operation, charges, version, null);
        return probes(out, charges);
    }

    /**
     * Takes or gives back a settlement at most once: {@code settlementId} is its idempotency key, a marker the script sets
     * (kept {@link #SETTLEMENT_MARKER_TTL}) in the same atomic run that applies it; a run that finds the marker only
     * reads. So a settlement whose command timed out — it may have run — can be sent again (leftover45).
     */
    void settle(boolean take, List<Charge> charges, long version, String settlementId) {
        eval(take ? Operation.TAKE : Operation.GIVE, charges, version, settlementId);
    }

    private static List<ConsumptionProbe> probes(List<Object> out, List<Charge> charges) {
        List<ConsumptionProbe> probes = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            boolean fits = (Long) out.get(4 * i) == 1L;
            long remaining = (Long) out.get(4 * i + 1);
            long wait = (Long) out.get(4 * i + 2);
            long full = (Long) out.get(4 * i + 3) * 1_000;
            probes.add(fits ? ConsumptionProbe.consumed(remaining, full)
                    : ConsumptionProbe.rejected(remaining, wait < 0 ? Long.MAX_VALUE : wait * 1_000, full));
        }
        return probes;
    }

    /**
     * Tokens left in one bucket, below zero when a settled answer ran over. Not through a {@link ConsumptionProbe}:
     * its {@code getRemainingTokens()} never says less than 0.
     */
    long available(Charge charge, long version) {
        return (Long) eval(Operation.PEEK, List.of(charge), version, null).get(1);
    }

    /**
     * A charge Redis never ran because the connection was down (Lettuce reconnecting: {@code REJECT_COMMANDS}) or Redis
     * was LOADING or BUSY is sent again, after a pause of 1 ms doubling up to 50 ms, until Redis runs it or
     * {@code redis-timeout} has passed since the first try: a request that arrives during a reconnect of a few
     * milliseconds waits for it, as it waited in Lettuce's buffer before, instead of being refused at once (review44). Sending
     * it again cannot charge twice: it never ran. Only charges, which hold a request that has not been answered yet;
     * a settlement goes to {@link PendingSettlements} at once.
     */
    private List<Object> evalWaiting(Operation operation, List<Charge> charges, long version) {
        long deadline = System.nanoTime() + timeoutNanos;
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            try {
                return eval(operation, charges, version, null);
            } catch (CompletionException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !notRun(e.getCause()) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
            }
        }
    }

    /** @param settlementId a settlement's idempotency key (its marker is the last key), or null */
    private List<Object> eval(Operation operation, List<Charge> charges, long version, String settlementId) {
        String[] keys = new String[charges.size() + (settlementId == null ? 0 : 1)];
        String[] args = new String[4 + 5 * charges.size()];
        args[0] = operation.wire();
        args[1] = Long.toString(clock.currentTimeNanos() / 1_000);
        args[2] = Long.toString(BucketStore.KEEP_FULL.toNanos() / 1_000);
        args[3] = settlementId == null ? "0" : Long.toString(SETTLEMENT_MARKER_TTL.toMillis());
        if (settlementId != null) {
            keys[charges.size()] = keyPrefix + "settled:" + settlementId;
        }
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            keys[i] = keyPrefix + charge.key();
            int at = 4 + 5 * i;
            args[at] = Long.toString(charge.limit());
            args[at + 1] = Long.toString(charge.refillPeriod().toNanos() / 1_000);
            args[at + 2] = charge.refillsGreedily() ? "1" : "0";
            args[at + 3] = Long.toString(charge.amount());
            args[at + 4] = Long.toString(version);
        }
        List<Object> out;
        try {
            try {
                out = redis.evalsha(SHA, ScriptOutputType.MULTI, keys, args);
            } catch (RedisNoScriptException e) {
                out = redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args); // Redis restarted or flushed its scripts
            }
        } catch (RedisException e) {
            throw new CompletionException(e);
        }
        return out;
    }

    /**
     * True when Redis never ran the command that failed with {@code cause}: Lettuce refused it while disconnected
     * ({@code REJECT_COMMANDS}: "Currently not connected"), or Redis answered LOADING or BUSY. A time-out or a
     * connection lost while the command was out may have run it.
     */
    static boolean notRun(Throwable cause) {
        if (cause instanceof RedisLoadingException || cause instanceof RedisBusyException) {
            return true;
        }
        return cause instanceof RedisException && !(cause instanceof RedisCommandTimeoutException)
                && cause.getMessage() != null && cause.getMessage().startsWith(NOT_CONNECTED);
    }

    /** The start of Lettuce's message for a command refused while disconnected (tested against the real client). */
    static final String NOT_CONNECTED = "Currently not connected";

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private static String load() {
        try (InputStream in = RedisBuckets.class.getResourceAsStream("/limits/buckets.lua")) {
            if (in == null) {
                throw new IllegalStateException("limits/buckets.lua is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
