package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import nl.dijkwacht.limits.BudgetGauge;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Token budgets through the whole gateway: reserved with an estimate, settled with the usage the model reports —
 * in streams too, where the gateway asks for the usage chunk and hides it from a tool that did not ask.
 */
// a context (and policy directory) of its own: the limits.yaml written here must not reach other test classes
@TestPropertySource(properties = "dijkwacht.limits.max-buckets=50001")
class TokenBudgetGatewayTest extends GatewayTestBase {

    private static final String BUDGETS = """
            estimate:
              completion-tokens: 500
            defaults:
              tool:
                requests-per-minute: 10000
              user:
                tokens-per-day: 10000
              tenant:
                tokens-per-month: 1000000
            """;

    @Autowired
    ActivePolicy policy;

    @Autowired
    BudgetGauge budgetGauge;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void budgets() throws Exception {
        if (policy.current().limits() == null) {
            // written while the gateway runs: limits.yaml is reloaded like the rest of policies/
            Files.writeString(policy.policiesDir().resolve("limits.yaml"), BUDGETS);
            policy.reload();
        }
        assertThat(policy.current().limits()).isNotNull();
    }

    @Test
    void aStreamIsSettledWithTheUsageTheGatewayAskedForAndTheToolDoesNotSeeIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(List.of("Goed", "emorgen"), true))));
        String request = """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Zeg goedemorgen"}]}""";

        var first = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "stroom-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(sseData(first.body())).noneMatch(event -> event.contains("\"usage\""));
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))));
        long estimate = 10000 - remainingTokens(first);
        assertThat(estimate).isGreaterThan(500).isLessThan(600);
        assertThat(first.headers().firstValue("x-ratelimit-limit-tokens")).contains("10000");

        var second = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "stroom-1");
        // the first request's estimate became the 42 tokens the upstream reported
        assertThat(remainingTokens(second)).isEqualTo(10000 - 42 - estimate);
    }

    /**
     * A stream the upstream cut after it started (no [DONE]) is charged the prompt as counted and the output streamed
     * so far, and the audit record carries that figure; before budget28 it gave the whole reservation back and the
     * record said 0 tokens (ADR 0012).
     */
    @Test
    void aStreamCutAfterItStartedIsChargedWhatItUsedAndTheAuditRecordSaysSo() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(List.of("Goedemorgen", ", hoe gaat ", "het met u?"), false))));
        String request = """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Zeg goedemorgen"}]}""";

        var cut = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "afgebroken-1");
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(sseData(cut.body())).anyMatch(event -> event.contains("\"error\""));
        long estimate = 10000 - remainingTokens(cut);
        var record = auditRecord(cut.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        int prompt = ((Number) record.get("PROMPT_TOKENS")).intValue();
        int completion = ((Number) record.get("COMPLETION_TOKENS")).intValue();
        // "Zeg goedemorgen" with the chat framing; the three pieces as the model's tokenizer counts them
        assertThat(prompt).isBetween(5, 20);
        assertThat(completion).isEqualTo(nl.dijkwacht.invoke.TokenEncodings.cl100k().countTokensOrdinary("Goedemorgen, hoe gaat het met u?"));

        var next = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "afgebroken-1");
        assertThat(remainingTokens(next)).as("the cut stream's figure stays spent, not its reservation, not nothing")
                .isEqualTo(10000 - prompt - completion - estimate);
    }

    @Test
    void aToolThatAsksForUsageInAStreamStillGetsIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(ChatCompletionsStreamTest.sse(List.of("Hallo"), true))));
        var response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hoi"}]}""",
                TestPack.TOOL_KEY, "X-Dijkwacht-User", "stroom-2");
        assertThat(sseData(response.body())).anyMatch(event -> event.contains("\"total_tokens\":42"));
    }

    @Test
    void aWholeAnswerIsSettledAndAnExhaustedBudgetIsA429InTheOpenAiFormat() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Lang antwoord"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":1000,"completion_tokens":8500,"total_tokens":9500}}""")));
        String request = """
                {"model":"upstream","max_tokens":9000,"messages":[{"role":"user","content":"Schrijf een lang verhaal"}]}""";
        var first = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "veel-1");
        assertThat(first.statusCode()).isEqualTo(200);

        // 9500 used: 500 left, the next request reserves about 9000
        var refused = postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "veel-1");
        assertThat(refused.statusCode()).isEqualTo(429);
        var error = parse(refused.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asText()).isEqualTo("token_budget_exceeded");
        assertThat(error.path("message").asText()).contains("dagtegoed per medewerker").doesNotContain("veel-1");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 25 * 3600L);
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-tokens")).contains("500");
        assertThat(refused.headers().firstValue("x-ratelimit-reset-tokens").orElseThrow()).matches("\\d+h\\d+m\\d+s|\\d+m\\d+s|\\d+s");
        String trace = refused.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(auditRecord(trace).get("RULE")).isEqualTo("token-budget:user:tokens-per-day");
        assertThat(auditRecord(trace).get("HTTP_STATUS")).isEqualTo(429);
        upstream.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        // another user has a budget of their own
        assertThat(postJson("/v1/chat/completions", request, TestPack.TOOL_KEY, "X-Dijkwacht-User", "veel-2").statusCode()).isEqualTo(200);

        // the tenant's month budget shows what was used: the first answer's 9500 tokens and the second's reservation
        // (about 9000; it may not be settled yet when the answer has arrived) of 1,000,000
        budgetGauge.refresh();
        double used = meters.get("dijkwacht.budget.used.ratio").tags("tenant", "gemeente", "budget", "tokens-per-month").gauge().value();
        assertThat(used).isGreaterThan(0.018).isLessThan(1.0);
    }

    private static long remainingTokens(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
    }
}
