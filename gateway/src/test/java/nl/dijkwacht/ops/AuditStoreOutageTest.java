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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.support.GatewayProcess;
import nl.dijkwacht.support.ThrowawayPostgres;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL (the audit store) goes away during a load run and comes back. While it is away the gateway refuses with
 * 503 {@code audit_unavailable} and a Dutch message (fail closed: no answer without a record); it recovers by itself;
 * every request it acknowledged is in the store afterwards and the chain verifies. Uses a PostgreSQL server of its own
 * (the machine's shared one is never stopped). Prints the figures recorded in docs/reliability.md.
 */
class AuditStoreOutageTest {

    @Test
    void theGatewayRefusesInDutchWhileTheStoreIsAwayAndRecoversWithoutLosingAnything() throws Exception {
        Path dir = Files.createTempDirectory("dw-outage");
        try (ThrowawayPostgres pg = ThrowawayPostgres.create();
             GatewayProcess gateway = GatewayProcess.start("outage", dir, List.of(
                     "--spring.datasource.url=" + pg.jdbcUrl(),
                     "--spring.datasource.username=postgres",
                     "--spring.datasource.password=",
                     "--spring.datasource.hikari.connection-timeout=2000",
                     "--dijkwacht.limits.requests-per-minute=1000000",
                     "--dijkwacht.data-dir=" + dir,
                     "--dijkwacht.policies-dir=" + Path.of("../policies").toAbsolutePath().normalize(),
                     "--dijkwacht.models-dir=" + Path.of("../models-config").toAbsolutePath().normalize()))) {
            gateway.awaitUp(GatewayProcess.START_TIMEOUT);
            GatewayClient client = new GatewayClient(gateway.port());
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            java.util.Map<String, Instant> ackedAt = new ConcurrentHashMap<>();
            AtomicInteger refused503 = new AtomicInteger();
            AtomicReference<String> dutch = new AtomicReference<>();
            AtomicReference<Instant> lastRefusal = new AtomicReference<>();
            OutageLoad load = OutageLoad.start(client, () -> new String[] {"X-Dijkwacht-User", "outage-test-" + System.nanoTime()},
                    (r, stream, answered) -> {
                        if (answered) {
                            String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
                            ackedAt.put(trace, Instant.now());
                            acknowledged.add(trace);
                        } else if (r.body().contains("audit_unavailable")) {
                            refused503.incrementAndGet();
                            lastRefusal.set(Instant.now());
                            if (!stream) {
                                assertThat(r.statusCode()).isEqualTo(503);
                                dutch.set(client.json(r).path("error").path("message").asText());
                            }
                        } else {
                            return false;
                        }
                        return true;
                    });
            OutageLoad.awaitCount(acknowledged, 100);
            int before = acknowledged.size();
            pg.stop();
            Instant down = Instant.now();
            Thread.sleep(4000);
            int duringOutage = acknowledged.size() - before;
            pg.start();
            Instant up = Instant.now();
            int atRestart = acknowledged.size();
            OutageLoad.awaitCount(acknowledged, atRestart + 50);
            long recoveryMillis = Duration.between(up, Instant.now()).toMillis();
            load.stop();

            assertThat(refused503.get()).as("requests refused while the store was away").isPositive();
            assertThat(dutch.get()).contains("Dijkwacht kan het gebruik nu niet vastleggen");
            assertThat(load.other.get()).as("other outcomes (neither answered nor audit_unavailable)").isZero();

            Set<String> logged = client.exportedTraceIds("tool=dev-cli");
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(logged);
            Instant downAt = down;
            Instant upAt = up;
            assertThat(missing).as("acknowledged but not in the store (of %d acknowledged, %d exported; acked ms after stop: %s; stop->start %d ms)",
                    acknowledged.size(), logged.size(),
                    missing.stream().map(id -> Duration.between(downAt, ackedAt.get(id)).toMillis()).sorted().toList(),
                    Duration.between(downAt, upAt).toMillis()).isEmpty();
            JsonNode verify = client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
            assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
            System.out.printf("audit store outage: %d sent; %d acknowledged (%d before the stop, %d while pg_ctl was still stopping the server "
                            + "and in the store); %d refused 503 audit_unavailable; %d other; recovered "
                            + "%d ms after PostgreSQL was back; %d records in the store, 0 acknowledged missing; chain ok=%s%n",
                    load.sent.get(), acknowledged.size(), before, duringOutage, refused503.get(), load.other.get(), recoveryMillis,
                    logged.size(), verify.path("ok").asBoolean());
            assertThat(lastRefusal.get()).isAfter(down);
        }
    }
}
