package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

class ChatCompletionsJsonTest extends GatewayTestBase {

    private static final String ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"echo-7b",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Ik mail [EMAIL_1] over [BSN_1] en [EMAIL_9]."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":42,"completion_tokens":11,"total_tokens":53}}
            """;

    @Test
    void redactsBeforeTheModelAndRestoresInTheAnswer() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));

        var response = postJson("/v1/chat/completions",
                chat("upstream", "Mail jan.jansen@example.nl over BSN 111222333, rekening NL91ABNA0417164300."),
                TestPack.TOOL_KEY, "X-Dijkwacht-User", "medewerker-17", "X-Dijkwacht-Department", "Burgerzaken");

        assertThat(response.statusCode()).isEqualTo(200);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("""
                        {"model":"echo-7b","messages":[{"role":"user","content":"Mail [EMAIL_1] over BSN [BSN_1], rekening [IBAN]."}]}
                        """)));
        JsonNode body = parse(response.body());
        String content = body.at("/choices/0/message/content").asText();
        assertThat(content).startsWith("Ik mail jan.jansen@example.nl over 111222333 en [EMAIL_9].");
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(content).endsWith("AI-tekst (upstream), trace " + trace);

        Map<String, Object> audit = auditRecord(trace);
        assertThat(audit.get("DECISION")).isEqualTo("redacted");
        assertThat(audit.get("MODEL_ID")).isEqualTo("upstream");
        assertThat(audit.get("UPSTREAM_MODEL")).isEqualTo("echo-7b");
        assertThat(audit.get("TOOL_ID")).isEqualTo("test-tool");
        assertThat(audit.get("DEPARTMENT")).isEqualTo("Burgerzaken");
        assertThat((String) audit.get("ACTOR_PSEUDONYM")).startsWith("p-").doesNotContain("medewerker");
        assertThat(audit.get("PROMPT_TOKENS")).isEqualTo(42);
        assertThat(audit.get("COMPLETION_TOKENS")).isEqualTo(11);
        assertThat(audit.get("ENTITY_COUNTS")).isEqualTo("{\"BSN\":1,\"EMAIL\":1,\"IBAN\":1}");
        assertThat(audit.get("PLACEHOLDERS_RESTORED")).isEqualTo(2);
        assertThat(audit.get("PLACEHOLDERS_UNKNOWN")).isEqualTo(1);
        assertThat(audit.values().toString()).doesNotContain("111222333").doesNotContain("jan.jansen");
    }

    @Test
    void personalDataTheModelAddsIsFlaggedAndRedactedWhenTheUseCaseSaysSo() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c3","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
                         "message":{"role":"assistant","content":"Mail [EMAIL_1] en ook de buurman op buurman.pietersen@example.nl."},
                         "finish_reason":"stop"}]}
                        """)));

        var response = postJson("/v1/chat/completions", chat("upstream", "Mail aan anna@example.nl"), TestPack.TOOL_KEY);

        String content = parse(response.body()).at("/choices/0/message/content").asText();
        assertThat(content).startsWith("Mail anna@example.nl en ook de buurman op [EMAIL].");
        var audit = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void passesThroughFieldsTheGatewayDoesNotInterpret() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c2","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
                         "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                         "function":{"name":"zoek_dossier","arguments":"{\\"email\\":\\"[EMAIL_1]\\",\\"note\\":\\"x\\"}"}}]},
                         "finish_reason":"tool_calls"}]}
                        """)));
        String request = """
                {"model":"upstream","temperature":0.2,"max_tokens":300,"response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"zoek_dossier","parameters":{"type":"object"}}}],
                 "messages":[{"role":"system","content":"Je bent behulpzaam."},
                             {"role":"user","content":[{"type":"text","text":"Zoek het dossier van piet@example.nl"}]}]}
                """;

        var response = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"model":"echo-7b","temperature":0.2,"max_tokens":300,"response_format":{"type":"json_object"},
                         "tools":[{"type":"function","function":{"name":"zoek_dossier","parameters":{"type":"object"}}}],
                         "messages":[{"role":"system","content":"Je bent behulpzaam."},
                                     {"role":"user","content":[{"type":"text","text":"Zoek het dossier van [EMAIL_1]"}]}]}
                        """)));
        JsonNode call = parse(response.body()).at("/choices/0/message/tool_calls/0/function");
        assertThat(parse(call.path("arguments").asText()).path("email").asText()).isEqualTo("piet@example.nl");
        assertThat(parse(response.body()).at("/choices/0/message/content").isNull()).isTrue();
    }

    @Test
    void dryRunShowsWhatWouldLeaveTheBuildingWithoutNetwork() throws Exception {
        var response = postJson("/v1/chat/completions", chat("dry-run", "Brief aan jan@example.nl"), TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        String content = parse(response.body()).at("/choices/0/message/content").asText();
        assertThat(content).contains("[dry-run]").contains("Brief aan [EMAIL_1]").doesNotContain("jan@example.nl");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void moreEmbeddingTextsThanOpenAiTakesAreCountedNotCalledTheWrongType() throws Exception {
        String inputs = String.join(",", java.util.Collections.nCopies(2049, "\"a\""));
        var response = postJson("/v1/embeddings", "{\"model\":\"dry-run\",\"input\":[" + inputs + "]}", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("value_out_of_range");
        assertThat(error.path("param").asText()).isEqualTo("input");
        assertThat(error.path("message").asText()).contains("hoogstens 2048 teksten");
        var audit = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("ERROR_CODE")).isEqualTo("value_out_of_range");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void dryRunAlsoShowsTheToolDefinitionsThatWouldLeave() throws Exception {
        String body = """
                {"model":"dry-run","messages":[{"role":"user","content":"Verstuur de brief"}],
                 "tools":[{"type":"function","function":{"name":"verstuur_brief",
                   "description":"Stuurt de brief, kopie aan jan@example.nl","parameters":{"type":"object"}}}]}""";
        var response = postJson("/v1/chat/completions", body, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        String content = parse(response.body()).at("/choices/0/message/content").asText();
        assertThat(content).contains("[tools]").contains("\"name\":\"verstuur_brief\"").contains("Stuurt de brief, kopie aan [EMAIL_")
                .doesNotContain("jan@example.nl");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void embeddingsFollowTheSamePolicy() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}],\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}")));

        var response = postJson("/v1/embeddings", "{\"model\":\"upstream\",\"input\":[\"dossier van a@b.nl\"]}", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).at("/data/0/embedding/1").asDouble()).isEqualTo(0.2);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withRequestBody(equalToJson("{\"model\":\"echo-7b\",\"input\":[\"dossier van [EMAIL_1]\"]}")));
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(auditRecord(trace).get("ENDPOINT")).isEqualTo("embeddings");
    }

    @Test
    void modelListShowsOnlyWhatTheCallerMayUse() throws Exception {
        JsonNode all = parse(getJson("/v1/models", TestPack.TOOL_KEY).body());
        assertThat(all.findValuesAsText("id")).containsExactlyInAnyOrder("upstream", "slow", "dead", "dry-run", "claude", "garbage", "stall", "azure", "mistral",
                "extern", "extern-pd");

        JsonNode restricted = parse(getJson("/v1/models", TestPack.OTHER_TOOL_KEY).body());
        assertThat(restricted.findValuesAsText("id")).containsExactly("dry-run");
        assertThat(getJson("/v1/models/upstream", TestPack.OTHER_TOOL_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/v1/models/dry-run", TestPack.OTHER_TOOL_KEY).statusCode()).isEqualTo(200);
    }
}
