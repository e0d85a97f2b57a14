package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.http.HttpResponse;
import java.util.List;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/** Every upstream fault gives the tool a clean OpenAI-style error (or an error event in a stream) and an audit record. */
class UpstreamFaultsTest extends GatewayTestBase {

    private void assertFailure(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("type").asText()).isNotBlank();
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(error.has("param")).isTrue();
        assertAudited(response, code);
    }

    private void assertAudited(HttpResponse<String> response, String code) {
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        var audit = auditRecord(trace);
        assertThat(audit.get("DECISION")).isEqualTo("failed");
        assertThat(audit.get("ERROR_CODE")).isEqualTo(code);
        assertThat((String) audit.get("RULE")).startsWith("upstream:");
    }

    @Test
    void timeoutGives504() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/slow/chat/completions")).willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        assertFailure(postJson("/v1/chat/completions", chat("slow", "Hallo"), TestPack.TOOL_KEY), 504, "upstream_timeout");
    }

    @Test
    void connectionRefusedGives502() throws Exception {
        assertFailure(postJson("/v1/chat/completions", chat("dead", "Hallo"), TestPack.TOOL_KEY), 502, "upstream_unreachable");
    }

    @Test
    void serverErrorGives502() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"overloaded\"}}")));
        var response = postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY);
        assertFailure(response, 502, "upstream_error");
        assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("UPSTREAM_STATUS")).isEqualTo(503);
    }

    @Test
    void aRequestTheModelRejectsGetsADutchMessageWithTheModelsOwnWordsBesideIt() throws Exception {
        String english = "Invalid value for 'temperature': expected a number between 0 and 2, got 7.";
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"%s","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}"""
                        .formatted(english))));

        var response = postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY);

        assertFailure(response, 400, "upstream_rejected_request");
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        // the main text is Dutch; the model's words come last, marked as an untranslated quote, and in their own field
        assertThat(error.path("message").asText())
                .startsWith("Het taalmodel 'upstream' wees het verzoek af als ongeldig (status 400). Meestal gaat het om een"
                        + " parameter of waarde die dit model niet ondersteunt.")
                .endsWith(" Oorspronkelijke melding van het model (onvertaald, ook in het veld 'upstream_message'): \"" + english + "\"");
        assertThat(error.path("upstream_message").asText()).isEqualTo(english);
        assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("UPSTREAM_STATUS")).isEqualTo(400);
    }

    @Test
    void theParameterTheModelNamesIsErrorParamByTheNameTheToolUsed() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Invalid value for 'max_tokens': 99999 is more than 16384.","type":"invalid_request_error","param":"max_tokens","code":"invalid_value"}}""")));

        var chatCall = postJson("/v1/chat/completions", """
                {"model":"upstream","max_tokens":99999,"messages":[{"role":"user","content":"Hallo"}]}""", TestPack.TOOL_KEY);
        var responsesCall = postJson("/v1/responses", """
                {"model":"upstream","max_output_tokens":99999,"input":"Hallo"}""", TestPack.TOOL_KEY);
        var completionsCall = postJson("/v1/completions", """
                {"model":"upstream","max_tokens":99999,"prompt":"Hallo"}""", TestPack.TOOL_KEY);

        assertFailure(chatCall, 400, "upstream_rejected_request");
        assertThat(parse(chatCall.body()).at("/error/param").asText()).isEqualTo("max_tokens");
        // the Responses API's request is translated: its own name for the same limit
        assertThat(responsesCall.statusCode()).isEqualTo(400);
        assertThat(parse(responsesCall.body()).at("/error/param").asText()).isEqualTo("max_output_tokens");
        assertThat(parse(completionsCall.body()).at("/error/param").asText()).isEqualTo("max_tokens");
        // the model's words stay out of the param and quoted beside the Dutch message
        assertThat(parse(chatCall.body()).at("/error/upstream_message").asText()).startsWith("Invalid value for 'max_tokens'");
    }

    @Test
    void aPathIntoTheMessagesIsThePromptOfALegacyCompletionAndNoParamForAFieldTheToolDidNotSend() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Invalid content.","type":"invalid_request_error","param":"messages[0].content","code":null}}""")));

        var completionsCall = postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"Hallo\"}", TestPack.TOOL_KEY);
        var chatCall = postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY);
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Too many input tokens.","type":"BadRequestError","param":"input_tokens","code":400}}""")));
        var notSent = postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY);

        assertThat(parse(completionsCall.body()).at("/error/param").asText()).isEqualTo("prompt");
        assertThat(parse(chatCall.body()).at("/error/param").asText()).isEqualTo("messages[0].content");
        assertFailure(notSent, 400, "upstream_rejected_request");
        assertThat(parse(notSent.body()).at("/error/param").isNull()).isTrue();
    }

    @Test
    void anErrorAnswerLargerThanTheLimitIsNotHeldInMemoryAndTheToolStillGetsTheDutchRefusal() throws Exception {
        String padding = "x".repeat(64 * 1024); // four times what the client reads of an error (ERROR_BODY_LIMIT)
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"padding":"%s","error":{"message":"te laat gelezen"}}""".formatted(padding))));

        var response = postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY);

        assertFailure(response, 400, "upstream_rejected_request");
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("message").asText()).startsWith("Het taalmodel 'upstream' wees het verzoek af als ongeldig (status 400).")
                .doesNotContain("te laat gelezen");
        assertThat(error.has("upstream_message")).as("the message lay beyond the part read").isFalse();
    }

    @Test
    void theOpenAiJavaSdkShowsTheDutchMessageAndKeepsTheModelsWordsInTheErrorBody() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"max_tokens is too large: 99999.\",\"type\":\"invalid_request_error\"}}")));
        var client = com.openai.client.okhttp.OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey(TestPack.TOOL_KEY).maxRetries(0).timeout(java.time.Duration.ofSeconds(20)).build();
        try {
            var params = com.openai.models.chat.completions.ChatCompletionCreateParams.builder().model("upstream")
                    .addUserMessage("Hallo").build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.chat().completions().create(params))
                    .isInstanceOfSatisfying(com.openai.errors.BadRequestException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.code()).contains("upstream_rejected_request");
                        assertThat(e.type()).contains("invalid_request_error");
                        // what the Java SDK prints is "<status>: <error.message>" only (the Node SDK likewise): the
                        // Dutch text first, then the model's own words
                        assertThat(e.getMessage()).startsWith("400: Het taalmodel 'upstream' wees het verzoek af als ongeldig")
                                .endsWith("\"max_tokens is too large: 99999.\"");
                        assertThat(e.body().toString()).contains("upstream_message");
                    });
        } finally {
            client.close();
        }
    }

    @Test
    void upstreamRateLimitGives429() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429).withBody("{}")));
        assertFailure(postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY), 429, "upstream_rate_limited");
    }

    @Test
    void malformedJsonGives502() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/garbage/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"choices\": [ not json")));
        assertFailure(postJson("/v1/chat/completions", chat("garbage", "Hallo"), TestPack.TOOL_KEY), 502, "upstream_malformed_response");
    }

    @Test
    void connectionResetBeforeAnswerGives502() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertFailure(postJson("/v1/chat/completions", chat("upstream", "Hallo"), TestPack.TOOL_KEY), 502, "upstream_unreachable");
    }

    @Test
    void streamCutMidwayEndsWithAnErrorEventAndNoDone() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(List.of("Het antwoord ", "begint"), false))));

        var response = postJson("/v1/chat/completions",
                "{\"model\":\"upstream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hoi\"}]}", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = sseData(response.body());
        assertThat(events).doesNotContain("[DONE]");
        assertThat(parse(events.getLast()).at("/error/code").asText()).isEqualTo("upstream_stream_interrupted");
        assertAudited(response, "upstream_stream_interrupted");
    }

    /**
     * json28: streamed tool-call arguments are held until complete (to restore placeholders and scan values in them); a model
     * or hostile upstream streaming megabytes of them is stopped at {@code dijkwacht.max-held-tool-arguments} (default the
     * request body limit, 1 MiB): the tool gets a Dutch error event and no [DONE], nothing of the arguments, the upstream
     * connection is dropped, and the audit record says why.
     */
    @Test
    void streamedToolArgumentsBeyondTheLimitEndTheStreamWithADutchErrorEvent() throws Exception {
        StringBuilder body = new StringBuilder();
        ObjectNode first = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
        ObjectNode opening = first.putArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant")
                .putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "function");
        opening.putObject("function").put("name", "stuur_brief").put("arguments", "{\"tekst\": \"");
        body.append("data: ").append(json.writeValueAsString(first)).append("\n\n");
        String piece = "blabla ".repeat(64 * 1024 / 7);
        for (int i = 0; i * piece.length() < 1_200_000; i++) {
            ObjectNode chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                    .put("index", 0).putObject("function").put("arguments", piece);
            body.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
        }
        body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n");
        body.append("data: [DONE]\n\n");
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(body.toString())));

        // the prompt's e-mail address is pseudonymised, so the arguments are held to restore it
        var response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Schrijf jan.devries@example.nl een brief"}],
                 "tools":[{"type":"function","function":{"name":"stuur_brief","parameters":{"type":"object"}}}]}""", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = sseData(response.body());
        assertThat(events).doesNotContain("[DONE]");
        JsonNode error = parse(events.getLast()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("tool_arguments_too_large");
        assertThat(error.path("message").asText()).contains("functieaanroep", "1048576 tekens", "afgebroken").doesNotContain("Exception");
        assertThat(response.body()).as("nothing of the held arguments reached the tool").doesNotContain("blabla");
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        var audit = auditRecord(trace);
        assertThat(audit.get("DECISION")).isEqualTo("failed");
        assertThat(audit.get("ERROR_CODE")).isEqualTo("tool_arguments_too_large");
        assertThat(audit.get("RULE")).isEqualTo("answer:tool_arguments_too_large");
        assertThat(audit.get("STREAMED")).isEqualTo(true);
    }

    @Test
    void streamThatStallsIsCutOffWithATimeoutEvent() throws Exception {
        // headers after ~1 s (within the 5 s response timeout), then 1 s gaps: longer than the 400 ms stream-idle timeout
        upstream.stubFor(post(urlEqualTo("/v1/stall/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(List.of("Een ", "langzaam ", "antwoord"), true))
                .withChunkedDribbleDelay(3, 3000)));

        var response = postJson("/v1/chat/completions",
                "{\"model\":\"stall\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hoi\"}]}", TestPack.TOOL_KEY);

        List<String> events = sseData(response.body());
        assertThat(events).doesNotContain("[DONE]");
        assertThat(parse(events.getLast()).at("/error/code").asText()).isEqualTo("upstream_timeout");
        assertAudited(response, "upstream_timeout");
    }

    @Test
    void streamRefusedBeforeItStartsIsAPlainJsonError() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500).withBody("boom")));
        var response = postJson("/v1/chat/completions",
                "{\"model\":\"upstream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hoi\"}]}", TestPack.TOOL_KEY);
        assertFailure(response, 502, "upstream_error");
    }
}
