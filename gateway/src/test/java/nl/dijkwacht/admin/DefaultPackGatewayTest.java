package nl.dijkwacht.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default on the real default pack (../policies, ../models-config): it starts without any upstream
 * API key set, answers through the built-in dry-run model without network, and explain works on it. No call in
 * this test leaves the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultPackGatewayTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("dw-default-pack");
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.data-dir", data::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:default-pack;DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.policy.poll-interval", () -> "0s");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, String key, String useCase, String body, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (useCase != null) {
            req.header("X-Dijkwacht-Use-Case", useCase);
        }
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersThroughDryRunInEveryUseCase() throws Exception {
        for (String useCase : new String[] {"algemene-vragen", "brieven-opstellen", "documenten-samenvatten"}) {
            HttpResponse<String> r = post("/v1/chat/completions", "dw-dev-alleen-lokaal", useCase,
                    "{\"model\":\"dry-run\",\"messages\":[{\"role\":\"user\",\"content\":\"Mijn BSN is 111222333.\"}]}");
            assertThat(r.statusCode()).as(useCase + ": " + r.body()).isEqualTo(200);
            String content = JSON.readTree(r.body()).at("/choices/0/message/content").asText();
            assertThat(content).contains("[BSN]").doesNotContain("111222333").contains("Traceercode");
        }
    }

    @Test
    void wooUseCaseNeedsAVerifiedDepartment() throws Exception {
        String body = "{\"model\":\"dry-run\",\"messages\":[{\"role\":\"user\",\"content\":\"Welke passages moeten gelakt?\"}]}";
        HttpResponse<String> r = post("/v1/chat/completions", "dw-dev-alleen-lokaal", "woo-lakken", body);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("identity_required");
        // the first finding: a department header from an ordinary tool key no longer opens woo-lakken
        HttpResponse<String> declared = post("/v1/chat/completions", "dw-dev-alleen-lokaal", "woo-lakken", body,
                "X-Dijkwacht-Department", "Juridische Zaken", "X-Dijkwacht-Roles", "jurist", "X-Dijkwacht-Tenant", "andere");
        assertThat(declared.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(declared.body()).at("/error/code").asText()).isEqualTo("identity_required");
    }

    @Test
    void explainOnTheDefaultPack() throws Exception {
        ObjectNode input = JSON.createObjectNode().put("tool", "dev-cli").put("use_case", "brieven-opstellen")
                .put("prompt", "Schrijf een brief aan de inwoner met BSN 111222333 en e-mail j.jansen@example.nl.");
        HttpResponse<String> r = post("/admin/explain", "dw-beheer-alleen-lokaal", null, input.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("111222333").doesNotContain("j.jansen@example.nl");
        JsonNode x = JSON.readTree(r.body());
        assertThat(x.at("/model/id").asText()).isEqualTo("eu-groot");
        assertThat(x.at("/model/hosting").asText()).isEqualTo("eu-cloud");
        assertThat(x.at("/model/fallbacks_on_failure").toString()).isEqualTo("[\"lokaal-klein\",\"dry-run\"]");
        assertThat(x.path("entities")).hasSize(2);
        assertThat(x.path("disclaimer").asText()).startsWith("Concept opgesteld met AI (model eu-groot)");

        ObjectNode woo = JSON.createObjectNode().put("tool", "dev-cli").put("use_case", "woo-lakken").put("department", "Juridische Zaken")
                .put("model", "auto").put("prompt", "Wijs de persoonsgegevens aan: mail van j.jansen@example.nl over het besluit.");
        JsonNode w = JSON.readTree(post("/admin/explain", "dw-beheer-alleen-lokaal", null, woo.toString()).body());
        assertThat(w.at("/model/id").asText()).isEqualTo("lokaal-klein");
        assertThat(w.at("/would_send/messages/0/content").asText()).contains("j.jansen@example.nl");
        assertThat(w.path("data_classes_kept").toString()).isEqualTo("[\"personal-data\"]");
    }

    @Test
    void suspendedModelOfTheDefaultPackIsRefused() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "dw-dev-alleen-lokaal", "algemene-vragen",
                "{\"model\":\"claude-extern\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("model_not_allowed");
    }
}
