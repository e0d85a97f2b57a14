package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.limits.BudgetGauge;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.LocalServices;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Concurrent requests through the whole gateway, its buckets in the machine's Redis, against a tenant's month budget
 * that holds a few of them at once: answered ones (whole and streamed) are charged what the model reported, ones the
 * upstream refused give their reservation back, refused ones never reach the upstream and are audited — and the
 * budget's account is exact afterwards (limits27).
 */
class ConcurrentBudgetGatewayTest extends GatewayTestBase {

    private static final long BUDGET = 6_000;
    private static final String PREFIX = "dijkwacht-test:" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        LocalServices.requireRedis();
        registry.add("dijkwacht.limits.redis-url", () -> LocalServices.REDIS_URL);
        registry.add("dijkwacht.limits.redis-key-prefix", () -> PREFIX);
    }

    @AfterAll
    static void removeKeys() {
        try (RedisClient client = RedisClient.create(LocalServices.REDIS_URL);
             StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        }
    }

    @Autowired
    ActivePolicy policy;

    @Autowired
    BudgetGauge budgetGauge;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void budgets() throws Exception {
        if (policy.current().limits() == null) {
            Files.writeString(policy.policiesDir().resolve("limits.yaml"), """
                    defaults:
                      tool:
                        requests-per-minute: 10000
                      user:
                        tokens-per-day: 1000000
                      tenant:
                        tokens-per-month: %d
                    """.formatted(BUDGET));
            policy.reload();
        }
        assertThat(policy.current().limits()).isNotNull();
    }

    @Test
    void concurrentRequestsSpendExactlyWhatWasAnsweredAndNeverPassTheBudget() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Geheel"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Antwoord"},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":100,"completion_tokens":200,"total_tokens":300}}""")));
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Stroom"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(ChatCompletionsStreamTest.sse(List.of("Goed", "emorgen"), true))));
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("Afgewezen"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Invalid value for 'temperature'.","type":"invalid_request_error","param":"temperature","code":"invalid_value"}}""")));

        int n = 30;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String kind = List.of("Geheel", "Stroom", "Afgewezen").get(i % 3);
                kinds.add(kind);
                String body = """
                        {"model":"upstream","max_tokens":800,%s"messages":[{"role":"user","content":"%s verzoek %d"}]}"""
                        .formatted(kind.equals("Stroom") ? "\"stream\":true," : "", kind, i);
                String user = "gelijktijdig-" + (i % 5);
                sent.add(threads.submit(() -> {
                    start.await();
                    return postJson("/v1/chat/completions", body, TestPack.TOOL_KEY, "X-Dijkwacht-User", user);
                }));
            }
            start.countDown();
            long charged = 0;
            int answered = 0;
            int upstreamRefused = 0;
            int budgetRefused = 0;
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = sent.get(i).get();
                String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
                Map<String, Object> record = auditRecord(trace);
                switch (r.statusCode()) {
                    case 200 -> {
                        answered++;
                        charged += kinds.get(i).equals("Geheel") ? 300 : 42;
                        assertThat(kinds.get(i)).isNotEqualTo("Afgewezen");
                    }
                    case 400 -> {
                        upstreamRefused++;
                        assertThat(kinds.get(i)).isEqualTo("Afgewezen");
                        assertThat(record.get("UPSTREAM_STATUS")).isEqualTo(400);
                    }
                    case 429 -> {
                        budgetRefused++;
                        assertThat(parse(r.body()).path("error").path("code").asText()).isEqualTo("token_budget_exceeded");
                        assertThat(parse(r.body()).path("error").path("message").asText()).contains("maandtegoed");
                        assertThat(record.get("RULE")).isEqualTo("token-budget:tenant:tokens-per-month");
                        assertThat(record.get("HTTP_STATUS")).isEqualTo(429);
                    }
                    default -> throw new AssertionError(r.statusCode() + " " + r.body());
                }
            }
            assertThat(budgetRefused).as("the budget holds only a few reservations at once").isPositive();
            assertThat(answered).as("and lets some through").isPositive();
            upstream.verify(answered + upstreamRefused, postRequestedFor(urlEqualTo("/v1/chat/completions")));

            // settling runs after the answer has gone out: wait (bounded) until the last one is in the account
            double expected = (double) charged / BUDGET;
            double used = -1;
            for (int i = 0; i < 200 && used != expected; i++) {
                budgetGauge.refresh();
                used = meters.get("dijkwacht.budget.used.ratio").tags("tenant", "gemeente", "budget", "tokens-per-month").gauge().value();
                if (used != expected) {
                    Thread.sleep(50);
                }
            }
            assertThat(used * BUDGET).as("%d answered, %d refused by the upstream, %d over the budget", answered, upstreamRefused,
                    budgetRefused).isCloseTo(charged, org.assertj.core.data.Offset.offset(0.001));
            System.out.printf("gateway on Redis: %d concurrent requests, %d answered, %d refused by the upstream, %d over the budget; "
                    + "%d of %d tokens used%n", n, answered, upstreamRefused, budgetRefused, charged, BUDGET);
        }
    }
}
