package nl.dijkwacht.limits;

import static nl.dijkwacht.limits.LimitsFixture.exchange;
import static nl.dijkwacht.limits.LimitsFixture.limits;
import static nl.dijkwacht.limits.LimitsFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.LimitsPolicy.Values;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.support.LocalServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same contract on the machine's real Redis (under a random key prefix, removed afterwards). */
class RedisBudgetsTest extends BudgetContract {

    private final String prefix = "dijkwacht-test:" + UUID.randomUUID() + ":";

    @Override
    protected BucketStore newStore(io.github.bucket4j.TimeMeter clock) {
        LocalServices.requireRedis();
        return BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5), clock);
    }

    @AfterEach
    void removeKeys() {
        LocalServices.deleteRedisKeys(prefix);
    }

    @Test
    void twoReplicasShareTheBuckets() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, null))));
        try (BucketStore other = BucketStore.redis(LocalServices.REDIS_URL, prefix, Duration.ofSeconds(5), stopped)) {
            CallerLimits replicaB = LimitsFixture.callerLimits(other);
            assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(replicaB.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(limits.chargeRequests(exchange(policy, "tool", null, null, tenant))).isEqualTo(Outcome.CONTINUE);
            assertThat(replicaB.chargeRequests(exchange(policy, "tool", null, null, tenant))).isInstanceOf(Outcome.Deny.class);
        }
    }

    @Test
    void everyKeyExpiresAndNoneHoldsAUserId() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null),
                Scope.USER, new Values(10L, 1_000L, 10_000L))));
        assertThat(limits.chargeRequests(exchange(policy, "tool", "anna@gemeente.nl", null, tenant))).isEqualTo(Outcome.CONTINUE);
        assertThat(limits.reserveTokens(exchange(policy, "tool", "anna@gemeente.nl", null, tenant), () -> 10)).isEqualTo(Outcome.CONTINUE);
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(prefix + "*");
            assertThat(keys).hasSize(4).noneMatch(k -> k.contains("anna"));
            for (String key : keys) {
                long ttl = redis.sync().pttl(key);
                long most = key.endsWith("requests-per-minute") ? Duration.ofMinutes(1).plus(BucketStore.KEEP_FULL).toMillis()
                        : key.contains("tokens-per-day") ? Duration.ofHours(25).plus(BucketStore.KEEP_FULL).toMillis()
                        : Duration.ofDays(31).plus(BucketStore.KEEP_FULL).toMillis();
                assertThat(ttl).as(key).isPositive().isLessThanOrEqualTo(most);
            }
        }
    }

    /**
     * An answer far beyond the budget leaves a day bucket that would only be full after several refills; its key is
     * still gone within its day's 25 h (it was kept 5 x 25 h: limits27).
     */
    @Test
    void anOverspentBudgetsKeyStillExpiresWithinItsPeriod() {
        PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(100L, null, null), Scope.USER, new Values(null, 1_000L, 10_000L))));
        var overran = exchange(policy, "tool", "anna", null, tenant);
        assertThat(limits.reserveTokens(overran, () -> 100)).isEqualTo(Outcome.CONTINUE);
        overran.upstreamStatus(200);
        overran.usage(1_000, 4_000);
        limits.settle(overran);
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(prefix + "*tokens-per-*");
            assertThat(keys).hasSize(2);
            for (String key : keys) {
                long most = (key.contains("tokens-per-day") ? Duration.ofHours(25) : Duration.ofDays(31)).plus(BucketStore.KEEP_FULL).toMillis();
                assertThat(redis.sync().pttl(key)).as(key).isPositive().isLessThanOrEqualTo(most);
            }
        }
    }

    @Test
    void aRedisThatStopsAnsweringRefusesInsteadOfLettingThrough() throws Exception {
        // a server that answers the connection handshake, then nothing: every bucket operation runs into the timeout
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            Thread.ofVirtual().start(() -> handshakeThenSilence(silent));
            // the timeout also bounds the handshake with the fake server, which a loaded machine can take a second over
            try (BucketStore silentStore = BucketStore.redis("redis://127.0.0.1:" + silent.getLocalPort(), prefix, Duration.ofSeconds(2))) {
                PolicySet policy = policy(limits(Map.of(Scope.TOOL, new Values(3L, null, null))));
                assertThat(LimitsFixture.callerLimits(silentStore).chargeRequests(exchange(policy, "tool", null, null, tenant)))
                        .isInstanceOfSatisfying(Outcome.Deny.class, d -> {
                            assertThat(d.refusal().status()).isEqualTo(503);
                            assertThat(d.refusal().code()).isEqualTo("limits_unavailable");
                            assertThat(d.rule()).isEqualTo("rate-limit:unavailable");
                        });
            }
        }
    }

    @Test
    void aGatewayWhoseRedisIsDownDoesNotStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BucketStore.redis(
                "redis://127.0.0.1:" + nl.dijkwacht.support.FreePort.find(), prefix, Duration.ofMillis(300)))
                .isInstanceOf(RuntimeException.class);
    }

    /** Speaks just enough RESP for Lettuce to connect (HELLO refused, so RESP2; CLIENT/PING/SELECT answered), then stays silent. */
    private static void handshakeThenSilence(java.net.ServerSocket server) {
        try (java.net.Socket socket = server.accept()) {
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            var out = socket.getOutputStream();
            while (true) {
                String header = line(in);
                int parts = Integer.parseInt(header.substring(1));
                String command = null;
                for (int i = 0; i < parts; i++) {
                    int length = Integer.parseInt(line(in).substring(1));
                    byte[] data = in.readNBytes(length + 2);
                    if (i == 0) {
                        command = new String(data, 0, length, java.nio.charset.StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
                    }
                }
                String reply = switch (command) {
                    case "HELLO" -> "-ERR unknown command 'HELLO'\r\n";
                    case "PING" -> "+PONG\r\n";
                    case "CLIENT", "SELECT", "AUTH" -> "+OK\r\n";
                    default -> null;
                };
                if (reply != null) {
                    out.write(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // the store closed the connection
        }
    }

    private static String line(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new java.io.EOFException();
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
