package nl.dijkwacht.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.support.GatewayProcess;
import nl.dijkwacht.support.LocalServices;
import nl.dijkwacht.support.ThrowawayRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis (the shared limits) goes away during a load run and comes back. While it is away the gateway refuses with
 * 503 {@code limits_unavailable} and a Dutch message (a limit that cannot be checked is not waived), every refusal is
 * in the audit trail (PostgreSQL stays up), the gateway recovers by itself when Redis is back, and every acknowledged
 * request is in the store. Uses a redis-server of its own; prints the figures recorded in docs/reliability.md.
 */
class LimitsStoreOutageTest {

    static String schema;

    @BeforeAll
    static void schema() {
        schema = LocalServices.createPostgresSchema("dw_redis_outage");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            LocalServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void theGatewayRefusesInDutchWhileRedisIsAwayAndRecoversWithoutLosingAnything() throws Exception {
        Path dir = Files.createTempDirectory("dw-redis-outage");
        try (ThrowawayRedis redis = ThrowawayRedis.create();
             GatewayProcess gateway = GatewayProcess.start("redis-outage", dir, List.of(
                     "--spring.datasource.url=" + LocalServices.postgresUrl(schema),
                     "--spring.datasource.username=" + LocalServices.POSTGRES_USER,
                     "--spring.datasource.password=",
                     "--spring.flyway.schemas=" + schema,
                     "--dijkwacht.limits.redis-url=" + redis.url(),
                     "--dijkwacht.limits.redis-timeout=1s",
                     "--dijkwacht.data-dir=" + dir,
                     "--dijkwacht.policies-dir=" + Path.of("../policies").toAbsolutePath().normalize(),
                     "--dijkwacht.models-dir=" + Path.of("../models-config").toAbsolutePath().normalize()))) {
            gateway.awaitUp(GatewayProcess.START_TIMEOUT);
            GatewayClient client = new GatewayClient(gateway.port());
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> refusedTraces = ConcurrentHashMap.newKeySet();
            AtomicReference<String> dutch = new AtomicReference<>();
            OutageLoad load = OutageLoad.start(client, () -> new String[0], (r, stream, answered) -> {
                String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElse("?");
                if (answered) {
                    acknowledged.add(trace);
                } else if (r.statusCode() == 503 && r.body().contains("limits_unavailable")) {
                    refusedTraces.add(trace);
                    dutch.set(client.json(r).path("error").path("message").asText());
                } else {
                    return r.statusCode() == 429;
                }
                return true;
            });
            OutageLoad.awaitCount(acknowledged, 50);
            int before = acknowledged.size();
            redis.stop();
            Thread.sleep(4000);
            redis.start();
            Instant up = Instant.now();
            int atRestart = acknowledged.size();
            OutageLoad.awaitCount(acknowledged, atRestart + 30);
            long recoveryMillis = Duration.between(up, Instant.now()).toMillis();
            load.stop();

            assertThat(refusedTraces).as("refused while Redis was away").isNotEmpty();
            assertThat(dutch.get()).startsWith("Dijkwacht").doesNotContain("Exception");
            assertThat(load.other.get()).as("other outcomes").isZero();
            Set<String> logged = client.exportedTraceIds("tool=dev-cli");
            Set<String> missing = new HashSet<>(acknowledged);
            missing.addAll(refusedTraces);
            missing.removeAll(logged);
            assertThat(missing).as("acknowledged or refused but not in the audit trail").isEmpty();
            JsonNode verify = client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
            assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
            System.out.printf("limits store outage: %d sent; %d acknowledged (%d before Redis stopped); %d refused 503 "
                            + "limits_unavailable (all recorded); %d other; answered again %d ms after Redis was back; %d records; "
                            + "0 missing; chain ok=%s%n",
                    load.sent.get(), acknowledged.size(), before, refusedTraces.size(), load.other.get(), recoveryMillis, logged.size(),
                    verify.path("ok").asBoolean());
        }
    }
}
