package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code store: true} asks OpenAI to keep the completion (and the forwarded metadata) on its side (leftover28). It
 * reaches a provider only for a model whose catalogue entry says {@code provider-storage: allowed} ({@code extern-pd}
 * in the test pack); to any other model ({@code extern}) it is refused with a Dutch 400 naming {@code store}, audited,
 * and the model gets nothing. WireMock records what each model received. The Responses API's {@code store} is never
 * forwarded; the legacy completions API does not know the field.
 */
class ProviderStorageGatewayTest extends ExternModelDoorsTestBase {

    @BeforeEach
    void stubs() {
        answerOn("/extern-pd/v1/chat/completions");
    }

    @Test
    void storeTrueToAModelWithoutProviderStorageIsRefusedAuditedAndNeverSent() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            ObjectNode body = chatBody("extern").put("store", true).put("stream", stream);
            body.putObject("metadata").put("zaaknummer", "Z-2026-1");

            var response = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                    "X-Dijkwacht-Use-Case", "test-velden");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode error = parse(response.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asText()).isEqualTo("provider_storage_not_allowed");
            assertThat(error.path("param").asText()).isEqualTo("store");
            assertThat(error.path("message").asText()).contains("'extern'").contains("bewaren bij de aanbieder");
            Map<String, Object> audit = auditRecord(traceId(response));
            assertThat(audit.get("DECISION")).isEqualTo("refused");
            assertThat(audit.get("RULE")).isEqualTo("storage:not-allowed:extern");
        }
        assertThat(sent("extern")).isEmpty();
    }

    @Test
    void storeFalseOrAbsentPasses() throws Exception {
        var withFalse = postJson("/v1/chat/completions", json.writeValueAsString(chatBody("extern").put("store", false)),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
        var absent = postJson("/v1/chat/completions", json.writeValueAsString(chatBody("extern")),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(withFalse.statusCode()).as(withFalse.body()).isEqualTo(200);
        assertThat(absent.statusCode()).as(absent.body()).isEqualTo(200);
        List<LoggedRequest> sent = sent("extern");
        assertThat(sent).hasSize(2);
        assertThat(parse(sent.get(0).getBodyAsString()).path("store").isBoolean()).isTrue();
        assertThat(parse(sent.get(0).getBodyAsString()).path("store").booleanValue()).isFalse();
        assertThat(parse(sent.get(1).getBodyAsString()).has("store")).isFalse();
    }

    @Test
    void storeTrueReachesOnlyAModelWhoseEntryAllowsProviderStorage() throws Exception {
        var response = postJson("/v1/chat/completions", json.writeValueAsString(chatBody("extern-pd").put("store", true)),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-bijlagen");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<LoggedRequest> sent = sent("extern-pd");
        assertThat(sent).hasSize(1);
        assertThat(parse(sent.getFirst().getBodyAsString()).path("store").booleanValue()).isTrue();
        assertThat(auditRecord(traceId(response)).get("DECISION")).isNotEqualTo("refused");
    }

    /** The Responses API is translated into a chat request without {@code store}: no model is ever asked to keep it. */
    @Test
    void aResponsesStoreTrueNeverReachesAProvider() throws Exception {
        for (String[] target : new String[][] {{"extern", "test-velden"}, {"extern-pd", "test-bijlagen"}}) {
            ObjectNode body = json.createObjectNode().put("model", target[0]).put("input", "Hallo").put("store", true);

            var response = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", target[1]);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(parse(response.body()).path("store").booleanValue()).isFalse();
            List<LoggedRequest> sent = sent(target[0]);
            assertThat(sent).hasSize(1);
            assertThat(parse(sent.getFirst().getBodyAsString()).has("store")).isFalse();
        }
    }

    @Test
    void theLegacyCompletionsApiRefusesStore() throws Exception {
        var response = postJson("/v1/completions", "{\"model\":\"extern\",\"prompt\":\"Hallo\",\"store\":true}",
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(parse(response.body()).at("/error/param").asText()).isEqualTo("store");
        assertThat(auditRecord(traceId(response)).get("DECISION")).isEqualTo("refused");
        assertThat(sent("extern")).isEmpty();
    }

    private static ObjectNode chatBody(String model) {
        ObjectNode body = json.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hallo");
        return body;
    }

    private static List<LoggedRequest> sent(String model) {
        return upstream.findAll(postRequestedFor(urlEqualTo("/" + model + "/v1/chat/completions")));
    }

}
