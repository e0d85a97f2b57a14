package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.LocalServices;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway with its audit trail in the machine's real PostgreSQL, migrated by Flyway. Round trips to the
 * database are counted at the driver's socket ({@link CountingSocketFactory}); the background readers that poll the
 * database (policy suspensions, chain check, pool keep-alive) are off here, so that only the requests are counted.
 */
class PostgresAuditStoreTest extends GatewayTestBase {

    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema = LocalServices.createPostgresSchema("dw_gateway");
        registry.add("spring.datasource.url", () -> LocalServices.postgresUrl(schema) + "&socketFactory=" + CountingSocketFactory.class.getName());
        registry.add("spring.datasource.username", () -> LocalServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.datasource.hikari.keepalive-time", () -> "0");
        registry.add("dijkwacht.policy.poll-interval", () -> "0s");
        registry.add("dijkwacht.telemetry.chain-check-interval", () -> "0s");
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            LocalServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void answeredAndRefusedRequestsAreBothRecordedInPostgres() throws Exception {
        var answered = postJson("/v1/chat/completions", chat("dry-run", "Mail a@b.nl"), TestPack.TOOL_KEY);
        var refused = postJson("/v1/chat/completions", chat("dry-run", "Mail a@b.nl"), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "bestaat-niet");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("test");
        var ok = auditRecord(answered.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(ok.get("decision")).isEqualTo("redacted");
        assertThat(ok.get("entity_counts")).isEqualTo("{\"EMAIL\":1}");
        var no = auditRecord(refused.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(no.get("error_code")).isEqualTo("use_case_unknown");
        assertThat(no.get("decision")).isEqualTo("refused");
    }

    /** An answered request, JSON or streamed, talks to the database once: the one statement that commits its record (pg13). */
    @Test
    void anAnsweredRequestIsOneRoundTripToTheDatabaseJsonOrStreamed() throws Exception {
        String streamed = json.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                chat("dry-run", "Mail a@b.nl"))).put("stream", true));
        for (int i = 0; i < 10; i++) { // the pool's connections opened, the statements prepared
            postJson("/v1/chat/completions", chat("dry-run", "Mail a@b.nl"), TestPack.TOOL_KEY);
            postJson("/v1/chat/completions", streamed, TestPack.TOOL_KEY);
        }

        long before = CountingSocketFactory.roundTrips();
        for (int i = 0; i < 30; i++) {
            var r = postJson("/v1/chat/completions", chat("dry-run", "Mail a@b.nl"), TestPack.TOOL_KEY);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(30);

        before = CountingSocketFactory.roundTrips();
        for (int i = 0; i < 30; i++) {
            var r = postJson("/v1/chat/completions", streamed, TestPack.TOOL_KEY);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(sseData(r.body())).last().isEqualTo("[DONE]");
        }
        assertThat(CountingSocketFactory.roundTrips() - before).isEqualTo(30);
    }
}
