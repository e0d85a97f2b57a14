package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
