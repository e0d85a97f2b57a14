package nl.dijkwacht.purpose;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.dijkwacht.audit.TurnHasher;
import nl.dijkwacht.audit.query.DeliveredTurnQuery;
import nl.dijkwacht.pipeline.DeliveredTurns;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.FreePort;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * turns28: when the store that says whether the gateway delivered an earlier turn cannot be reached, a turn that would
 * cause a refusal counts as not delivered — the request is refused (503 {@code forbidden_purpose_unverified}, fail
 * closed) and audited with its own rule. The look-up goes to a real PostgreSQL driver aimed at a port nothing listens on
 * (connection refused), while the audit trail itself writes to the embedded store as usual.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeliveredTurnsStoreDownTest extends GatewayTestBase {

    @TestConfiguration
    static class StoreDown {
        @Bean
        @Primary
        DeliveredTurns unreachableDeliveredTurns(@Qualifier("secretKey") byte[] secretKey) {
            return new DeliveredTurnQuery(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePort.find()
                    + "/test?connectTimeout=2", "postgres", ""), TurnHasher.fromSecret(secretKey));
        }
    }

    @Autowired
    ActivePolicy policy;

    @Test
    void anEarlierTurnThatWouldBeRefusedIsRefusedWhenTheStoreCannotSay() throws Exception {
        Path root = Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..");
        String governance = Files.readString(root.resolve("policies/governance.yaml"));
        Files.writeString(policy.policiesDir().resolve("governance.yaml"), governance.substring(governance.indexOf("forbidden-purposes:")));
        assertThat(postJson("/admin/policy/reload", "", TestPack.ADMIN_KEY).statusCode()).isEqualTo(200);
        upstream.stubFor(post(urlEqualTo("/extern/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"extern","choices":[{"index":0,
                         "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}]}""")));

        ObjectNode body = json.createObjectNode().put("model", "extern");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Wat mag een medewerker vragen over bijstand?");
        messages.addObject().put("role", "assistant").put("content", DeliveredTurnsContract.ANSWER);
        messages.addObject().put("role", "user").put("content", DeliveredTurnsContract.FOLLOW_UP);
        HttpResponse<String> r = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        JsonNode error = parse(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("forbidden_purpose_unverified");
        assertThat(error.path("message").asText()).startsWith("Dit verzoek is geweigerd").contains("niet nagaan");
        assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/extern/v1/chat/completions")))).isEmpty();
        Map<String, Object> audit = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(String.valueOf(audit.get("RULE"))).startsWith("purpose-turn-unverified:");

        // the same conversation without the earlier turn's request: nothing to look up, answered
        ((ObjectNode) messages.get(1)).put("content", "Een medewerker mag vragen stellen over de regels.");
        HttpResponse<String> ok = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }
}
