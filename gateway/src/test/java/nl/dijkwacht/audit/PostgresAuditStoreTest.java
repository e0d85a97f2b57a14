package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.LocalServices;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole gateway with its audit trail in the machine's real PostgreSQL, migrated by Flyway. */
class PostgresAuditStoreTest extends GatewayTestBase {

    private static String schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        schema = LocalServices.createPostgresSchema("dw_gateway");
        registry.add("spring.datasource.url", () -> LocalServices.postgresUrl(schema));
        registry.add("spring.datasource.username", () -> LocalServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
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
}
