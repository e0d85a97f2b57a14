package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole gateway on PostgreSQL (Flyway picks the partitioned vendor migration), in a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresGatewayTest {

    static final String SCHEMA = "dw_audit_gw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void requirePostgres() {
        AuditDb.postgres().close(); // skips loudly (or fails on CI) when PostgreSQL is absent
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("dw-audit-pg");
        registry.add("spring.datasource.url", () -> AuditDb.PG_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> AuditDb.PG_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("dijkwacht.data-dir", dataDir::toString);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(AuditDb.PG_URL, AuditDb.PG_USER, "");
             var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (java.sql.SQLException e) {
            // PostgreSQL absent: nothing was created
        }
    }

    @LocalServerPort
    int port;

    @Test
    void requestsAreChainedIntoThePartitionedPostgresStore() {
        GatewayClient client = new GatewayClient(port);
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Hallo", false),
                "X-Dijkwacht-Sources", "doc:1");
        assertThat(r.statusCode()).isEqualTo(200);
        String traceId = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        JsonNode view = client.json(client.get("/audit/v1/records/" + traceId, GatewayClient.AUDITOR_KEY));
        assertThat(view.path("records").path(0).path("sources").toString()).contains("doc:1");
        assertThat(client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY)).path("ok").asBoolean()).isTrue();
        assertThat(client.get("/audit/v1/export.csv", GatewayClient.AUDITOR_KEY).body()).contains(traceId);
    }
}
