package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** No audit record, no answer: when the store is unavailable the gateway refuses (503) instead of answering. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailClosedTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("dw-audit-fail");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:audit-fail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.data-dir", dataDir::toString);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void storeOutageRefusesAndRecoveryServesAgain() throws Exception {
        GatewayClient client = new GatewayClient(port);
        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("voor", false)).statusCode()).isEqualTo(200);

        execute("ALTER TABLE audit_record RENAME TO audit_record_weg");
        try {
            HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("tijdens", false));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(client.json(r).path("error").path("code").asText()).isEqualTo("audit_unavailable");
            assertThat(r.body()).doesNotContain("tijdens").doesNotContain("choices");

            // once a write has failed, requests are refused before the model is called: a stream gets a plain 503,
            // no text reaches the tool
            HttpResponse<String> s = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("stroom", true));
            assertThat(s.statusCode()).isEqualTo(503);
            assertThat(s.body()).contains("audit_unavailable").doesNotContain("data:").doesNotContain("stroom");
        } finally {
            execute("ALTER TABLE audit_record_weg RENAME TO audit_record");
        }
        Thread.sleep(600); // the store is probed at most every 500 ms
        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("na", false)).statusCode()).isEqualTo(200);
        HttpResponse<String> stream = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("stroom na", true));
        assertThat(stream.body()).contains("data: [DONE]");
        assertThat(client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY)).path("ok").asBoolean()).isTrue();
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
