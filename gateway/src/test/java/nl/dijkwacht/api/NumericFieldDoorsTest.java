package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * Numeric request fields as number channels (redteam51): {@code max_tokens: 111222333} or {@code temperature:
 * 0.111222333} fit the schema, and were passed to the provider digit for digit. A provider needs a token ceiling only up
 * to what a model can write and a sampling setting only to a few digits, so the gateway caps the one and rounds the other.
 */
class NumericFieldDoorsTest extends ExternModelDoorsTestBase {

    @Test
    void aTokenCeilingIsCappedAndSamplingSettingsRoundedBeforeTheyLeave() throws Exception {
        String body = """
                {"model":"extern","max_tokens":111222333,"max_completion_tokens":1.11222333E8,
                 "temperature":0.111222333,"top_p":0.999111222333,"frequency_penalty":1.11222333,
                 "presence_penalty":-0.111222333,
                 "messages":[{"role":"user","content":"Vat de wet samen."}]}""";
        var response = postJson("/v1/chat/completions", body, TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String sentText = sentBodies().getFirst();
        assertThat(sentText).doesNotContain("1222333").doesNotContain("11222333").doesNotContain("111222");
        JsonNode sent = json.readTree(sentText);
        assertThat(sent.path("max_tokens").asLong()).isEqualTo(1_000_000L);
        assertThat(sent.path("max_completion_tokens").asLong()).isEqualTo(1_000_000L);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.111);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.999);
        assertThat(sent.path("frequency_penalty").asDouble()).isEqualTo(1.11);
        assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(-0.111);
    }

    @Test
    void ordinarySettingsGoOutAsSent() throws Exception {
        String body = """
                {"model":"extern","max_tokens":800,"temperature":0.7,"top_p":0.95,"frequency_penalty":0.5,
                 "presence_penalty":-1.25,"messages":[{"role":"user","content":"Vat de wet samen."}]}""";
        var response = postJson("/v1/chat/completions", body, TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        JsonNode sent = json.readTree(sentBodies().getFirst());
        assertThat(sent.path("max_tokens").asLong()).isEqualTo(800L);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(sent.path("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(-1.25);
    }

    @Test
    void aLegacyCompletionsRequestIsCappedAndRoundedToo() throws Exception {
        String body = """
                {"model":"extern","prompt":"Vat de wet samen.","max_tokens":111222333,"temperature":0.111222333}""";
        var response = postJson("/v1/completions", body, TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String sentText = sentBodies().getFirst();
        assertThat(sentText).doesNotContain("111222").doesNotContain("1222333");
        JsonNode sent = json.readTree(sentText); // bounded, not dropped
        assertThat(sent.path("max_tokens").asLong()).isEqualTo(1_000_000L);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.111);
    }

    /**
     * review51: a Responses request is translated to a chat request ({@code max_output_tokens} becomes {@code max_tokens},
     * the sampling settings pass on) and bounded the same way before it leaves.
     */
    @Test
    void aResponsesRequestIsCappedAndRoundedToo() throws Exception {
        String body = """
                {"model":"extern","input":"Vat de wet samen.","max_output_tokens":111222333,"temperature":0.111222333,
                 "top_p":0.999111222333}""";
        var response = postJson("/v1/responses", body, TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String sentText = sentBodies().getFirst();
        assertThat(sentText).doesNotContain("111222").doesNotContain("1222333");
        JsonNode sent = json.readTree(sentText);
        assertThat(sent.path("max_tokens").asLong()).isEqualTo(1_000_000L);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.111);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.999);
    }

    @Test
    void embeddingDimensionsNoModelHasAreRefused() throws Exception {
        var response = postJson("/v1/embeddings", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"dimensions\":111222333}",
                TestPack.TOOL_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("value_out_of_range");
        assertThat(error.path("param").asText()).isEqualTo("dimensions");
        assertThat(error.path("message").asText()).contains("dimensions").doesNotContain("111222333");
        Map<String, Object> audit = auditRecord(traceId(response));
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("RULE")).isEqualTo("request:value_out_of_range");
        assertThat(audit.values().toString()).doesNotContain("111222333");
    }

    private List<String> sentBodies() {
        return upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT))).stream().map(r -> r.getBodyAsString()).toList();
    }
}
