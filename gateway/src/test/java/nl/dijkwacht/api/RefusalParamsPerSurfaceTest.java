package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * edges50: a refusal of the gateway's own steps names the field of the chat request the pipeline reads
 * ({@code messages}); the Responses API and legacy completions translate their request into that one, and before, their
 * tools were told to look at a {@code messages} field they never sent. Now {@code param} is the field the tool sent
 * ({@code input}, {@code prompt}), as it already was for a model's own errors. The chat API keeps {@code messages}.
 */
class RefusalParamsPerSurfaceTest extends GatewayTestBase {

    private static final String BLOCKED = "BSN 111222333, graag de aanvraag nakijken.";

    private JsonNode refused(String path, ObjectNode body) throws Exception {
        HttpResponse<String> response = postJson(path, json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-beperkt");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("personal_data_blocked");
        assertThat(response.body()).doesNotContain("111222333");
        assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("DECISION"))
                .isEqualTo("refused");
        return error;
    }

    @Test
    void aResponsesRequestIsToldItsInput() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("input", BLOCKED);
        assertThat(refused("/v1/responses", body).path("param").asText()).isEqualTo("input");
    }

    @Test
    void aResponsesRequestWithInstructionsIsStillToldItsInput() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("instructions", "Antwoord kort.");
        body.putArray("input").addObject().put("role", "user").put("content", BLOCKED);
        assertThat(refused("/v1/responses", body).path("param").asText()).isEqualTo("input");
    }

    @Test
    void aLegacyCompletionIsToldItsPrompt() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("prompt", BLOCKED);
        assertThat(refused("/v1/completions", body).path("param").asText()).isEqualTo("prompt");
    }

    @Test
    void aChatRequestIsToldItsMessages() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run");
        body.putArray("messages").addObject().put("role", "user").put("content", BLOCKED);
        assertThat(refused("/v1/chat/completions", body).path("param").asText()).isEqualTo("messages");
    }
}
