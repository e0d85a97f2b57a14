package nl.dijkwacht.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            AtomicReference<String> dutch = new AtomicReference<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                boolean stream = t == 0;
                load.submit(() -> {
                    while (!stop.get()) {
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                                    client.chatBody("storing " + System.nanoTime(), stream));
                            String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElse("?");
                            boolean done = stream ? r.body().contains("data: [DONE]") : r.body().contains("\"choices\"");
                            if (r.statusCode() == 200 && done) {
                                acknowledged.add(trace);
                            } else if (r.statusCode() == 503 && r.body().contains("limits_unavailable")) {
                                refusedTraces.add(trace);
                                dutch.set(client.json(r).path("error").path("message").asText());
                            } else if (r.statusCode() != 429) {
                                other.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            other.incrementAndGet();
                        }
                    }
                });
            }
            awaitCount(acknowledged, 50);
            int before = acknowledged.size();
            redis.stop();
            Thread.sleep(4000);
            redis.start();
            Instant up = Instant.now();
            int atRestart = acknowledged.size();
            awaitCount(acknowledged, atRestart + 30);
            long recoveryMillis = Duration.between(up, Instant.now()).toMillis();
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

            assertThat(refusedTraces).as("refused while Redis was away").isNotEmpty();
            assertThat(dutch.get()).startsWith("Dijkwacht").doesNotContain("Exception");
            assertThat(other.get()).as("other outcomes").isZero();
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
                    sent.get(), acknowledged.size(), before, refusedTraces.size(), other.get(), recoveryMillis, logged.size(),
                    verify.path("ok").asBoolean());
        }
    }

    private static void awaitCount(Set<String> set, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        while (set.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(set.size()).as("acknowledged requests").isGreaterThanOrEqualTo(count);
    }
}
