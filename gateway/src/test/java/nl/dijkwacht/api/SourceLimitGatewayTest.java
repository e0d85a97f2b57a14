package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Callers without a valid key are limited per source address before any work is done, and their failures are
 * counted per source and minute for the auditor. The test client reaches the gateway through 127.0.0.1, configured
 * here as a trusted proxy, so X-Forwarded-For names the source.
 */
@TestPropertySource(properties = {"dijkwacht.limits.trusted-proxies=127.0.0.1", "dijkwacht.limits.auth-failures.flush-interval=0s"})
class SourceLimitGatewayTest extends GatewayTestBase {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    ActivePolicy policy;

    @Autowired
    AuthFailureCounter failures;

    @BeforeEach
    void fivePerMinute() throws Exception {
        // GuessedKeysAggregateTest shares this context and writes a limits.yaml of its own: whichever ran first
        if (policy.current().limits() == null || policy.current().limits().unauthenticatedPerMinute() != 5) {
            Files.writeString(policy.policiesDir().resolve("limits.yaml"), """
                    unauthenticated:
                      requests-per-minute: 5
                    defaults:
                      tool:
                        requests-per-minute: 10000
                    """);
            policy.reload();
        }
    }

    private HttpResponse<String> chatFrom(String source, String key) throws Exception {
        return postJson("/v1/chat/completions", chat("dry-run", "hoi"), key, "X-Forwarded-For", source);
    }

    @Test
    void guessedKeysFromOneSourceAreRefusedBeforeAuthenticationAndCountedForTheAuditor() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(chatFrom("203.0.113.7", "geraden-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = chatFrom("203.0.113.7", "geraden-6");
        assertThat(refused.statusCode()).isEqualTo(429);
        var error = parse(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unauthenticated_rate_limit_exceeded");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("message").asText()).contains("zonder geldige sleutel").contains("5 per minuut");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("x-ratelimit-limit-requests")).contains("5");
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).contains("0");
        // no work was done: no trace id, no audit record
        assertThat(refused.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        // a good key from that source is refused too (the gateway cannot know it is good without doing the work) ...
        assertThat(chatFrom("203.0.113.7", TestPack.TOOL_KEY).statusCode()).isEqualTo(429);
        // ... but another source is not affected
        assertThat(chatFrom("198.51.100.9", TestPack.TOOL_KEY).statusCode()).isEqualTo(200);

        failures.flush(true);
        var report = parse(getWithKey("/audit/v1/auth-failures?source=203.0.113.7", TestPack.AUDITOR_KEY).body());
        assertThat(report.path("total_attempts").asLong()).isEqualTo(7);
        List<String> rows = new ArrayList<>();
        report.path("minutes").forEach(m -> rows.add(m.path("source").asText() + " " + m.path("reason").asText() + " " + m.path("attempts").asLong()));
        assertThat(String.join("\n", rows)).contains("203.0.113.7 invalid_api_key 5").contains("203.0.113.7 rate-limited 2");
    }

    // sources no other test in this Spring context uses: GuessedKeysAggregateTest counts its sources' attempts exactly
    @Test
    void guessesAgainstAnAddressNotOfferedAreLimitedAndCountedLikeAnyOtherWithTheSame404() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = postJson("/v1/audio/speech", "{}", "geraden-" + i, "X-Forwarded-For", "203.0.113.41");
            assertThat(guess.statusCode()).isEqualTo(404);
            assertThat(parse(guess.body()).path("error").path("code").asText()).isEqualTo("not_found");
            assertThat(guess.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        }
        assertThat(postJson("/v1/audio/speech", "{}", "geraden-6", "X-Forwarded-For", "203.0.113.41").statusCode()).isEqualTo(429);
        // calls without any credentials check nothing and give their attempt back: never limited
        for (int i = 0; i < 8; i++) {
            assertThat(postJson("/v1/audio/speech", "{}", null, "X-Forwarded-For", "203.0.113.42").statusCode()).isEqualTo(404);
        }

        failures.flush(true);
        var report = parse(getWithKey("/audit/v1/auth-failures?source=203.0.113.41", TestPack.AUDITOR_KEY).body());
        List<String> rows = new ArrayList<>();
        report.path("minutes").forEach(m -> rows.add(m.path("source").asText() + " " + m.path("reason").asText() + " " + m.path("attempts").asLong()));
        assertThat(String.join("\n", rows)).contains("203.0.113.41 invalid_api_key 5").contains("203.0.113.41 rate-limited 1");
        assertThat(parse(getWithKey("/audit/v1/auth-failures?source=203.0.113.42", TestPack.AUDITOR_KEY).body())
                .path("total_attempts").asLong()).isZero();
    }

    @Test
    void twoHundredConcurrentGuessesLetExactlyTheLimitReachAuthentication() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                statuses.add(threads.submit(() -> {
                    start.await();
                    return chatFrom("192.0.2.44", "geraden-" + n).statusCode();
                }));
            }
            start.countDown();
            int unauthorized = 0;
            int limited = 0;
            for (Future<Integer> status : statuses) {
                int s = status.get();
                if (s == 401) {
                    unauthorized++;
                } else if (s == 429) {
                    limited++;
                }
            }
            assertThat(unauthorized).isEqualTo(5);
            assertThat(limited).isEqualTo(195);
        }
    }

    @Test
    void callersWithAGoodKeyGetTheirAttemptBack() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(chatFrom("198.51.100.77", TestPack.TOOL_KEY).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(getWithKey("/audit/v1/auth-failures", TestPack.AUDITOR_KEY, "198.51.100.78").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void authenticatedRequestsInFlightFromOneSourceAreNotBoundByTheLimit() throws Exception {
        // every answer takes 1.5 s, so all twelve are in flight at once: more than the five attempts a minute the
        // source has. The attempt comes back when the filter chain returns (the handler's work, model call included,
        // runs when the answer is written, after it), so the limit bounds guesses, not answers in flight from one
        // address (a proxy in front of many staff members, long streams)
        upstream.stubFor(post(urlEqualTo("/v1/stall/chat/completions")).willReturn(aResponse().withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Klaar."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":8,"completion_tokens":2,"total_tokens":10}}""")));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                statuses.add(threads.submit(() -> {
                    start.await();
                    return postJson("/v1/chat/completions", chat("stall", "Vat dit samen"), TestPack.TOOL_KEY,
                            "X-Forwarded-For", "198.51.100.90").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/v1/stall/chat/completions")))).hasSize(12);
    }

    @Test
    void theAuditorApiNeedsTheAuditorRole() throws Exception {
        var response = getWithKey("/audit/v1/auth-failures", TestPack.TOOL_KEY, "198.51.100.80");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(parse(response.body()).path("error").path("code").asText()).isEqualTo("invalid_api_key");
    }

    private HttpResponse<String> getWithKey(String path, String key) throws Exception {
        return getWithKey(path, key, "198.51.100.81");
    }

    private HttpResponse<String> getWithKey(String path, String key, String source) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).header("X-Forwarded-For", source).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
