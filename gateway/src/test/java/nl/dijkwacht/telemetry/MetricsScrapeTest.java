package nl.dijkwacht.telemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.support.FreePort;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * After a few requests (answered, streamed, refused, one that falls back to another model) every metric the
 * deployment guide lists is on {@code /actuator/prometheus} of the management port; the public port shows only health;
 * model calls become GenAI spans with no prompt text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=50ms",
        // exemplars on the request timer's count too (a summary: by default the client writes them on counters and buckets only)
        "management.prometheus.metrics.export.properties[io.prometheus.exporter.exemplarsOnAllMetricTypes]=true"})
@ActiveProfiles("test")
class MetricsScrapeTest {

    static final WireMockServer upstream = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final List<SpanData> spans = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final String TOOL_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TestConfiguration
    static class CollectSpans {
        @Bean
        SpanExporter collectingExporter() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> batch) {
                    spans.addAll(batch);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        upstream.start();
        TestPack pack = TestPack.create(upstream.port(), FreePort.find());
        // a model whose upstream is down, with "upstream" as its approved fallback
        Files.writeString(pack.models().resolve("flaky.yaml"), """
                id: flaky
                provider: openai-compatible
                base-url: http://127.0.0.1:%d/v1
                upstream-model: flaky-model
                timeouts: { connect: 1s, response: 2s }
                fallbacks: [upstream]
                status: approved
                hosting: on-premises
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data, special-category]
                """.formatted(FreePort.find()));
        Path useCase = pack.policies().resolve("use-cases/test-algemeen.yaml");
        Files.writeString(useCase, Files.readString(useCase).replace("models: [upstream,", "models: [upstream, flaky,"));
        // a tenant token budget, for dijkwacht_budget_used_ratio
        Files.writeString(pack.policies().resolve("limits.yaml"), """
                defaults:
                  tool: { requests-per-minute: 10000 }
                  tenant: { tokens-per-month: 1000000 }
                """);
        registry.add("dijkwacht.policies-dir", () -> pack.policies().toString());
        registry.add("dijkwacht.models-dir", () -> pack.models().toString());
        registry.add("dijkwacht.data-dir", () -> pack.dataDir().toString());
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @org.springframework.beans.factory.annotation.Autowired
    nl.dijkwacht.limits.BudgetGauge budgetGauge;

    @Test
    void everyDocumentedMetricIsScrapedAndThePublicPortShowsOnlyHealth() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Goed, [EMAIL_1]."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16}}""")));
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"s1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[{"index":0,"delta":{"content":"Hallo"}}]}

                        data: {"id":"s1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                        data: {"id":"s1","object":"chat.completion.chunk","created":1,"model":"echo-7b","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}

                        data: [DONE]

                        """)));

        // a tool that traces its own calls: the request continues its W3C trace
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).header("Content-Type", "application/json")
                .header("traceparent", "00-" + TOOL_TRACE + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"upstream\",\"messages\":[{\"role\":\"user\",\"content\":\"Mail piet@example.nl over de vergunning\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(chat("{\"model\":\"upstream\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}").body()).contains("[DONE]");
        assertThat(chat("{\"model\":\"bestaat-niet\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}").statusCode()).isEqualTo(404);
        HttpResponse<String> fellBack = chat("{\"model\":\"flaky\",\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}");
        assertThat(fellBack.statusCode()).isEqualTo(200);
        assertThat(fellBack.headers().firstValue("X-Dijkwacht-Model")).contains("upstream");

        budgetGauge.refresh(); // it reads the budgets every 30 s; now, for the scrape
        String scrape = get(managementPort, "/actuator/prometheus", null).body();
        Set<String> documented = documentedMetrics();
        assertThat(documented).as("metric names in docs/deployment.md").hasSizeGreaterThan(10);
        Set<String> missing = new TreeSet<>();
        for (String name : documented) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "(_bucket|_count|_sum|_max)?[{ ]").matcher(scrape).find()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("documented metrics missing from the scrape").isEmpty();
        assertThat(scrape)
                .contains("dijkwacht_requests_total{decision=\"redacted\",endpoint=\"chat.completions\",model=\"upstream\",rule=\"pii:redacted\",status=\"200\",streamed=\"false\",use_case=\"test-algemeen\"} 1.0")
                .contains("dijkwacht_refusals_total{code=\"model_not_found\",status=\"404\",use_case=\"test-algemeen\"} 1.0")
                .contains("dijkwacht_pii_entities_total{direction=\"input\",type=\"EMAIL\",use_case=\"test-algemeen\"} 1.0")
                .contains("dijkwacht_tokens_total{model=\"upstream\",type=\"input\",use_case=\"test-algemeen\"} 29.0")
                .contains("dijkwacht_fallbacks_total{from=\"flaky\",reason=\"unreachable\"} 1.0")
                .contains("dijkwacht_upstream_ttft_seconds_count{model=\"upstream\",upstream=\"openai-compatible/127.0.0.1\"} 1")
                // the requests above came one at a time: each was alone, so each wrote its own audit record
                .containsPattern("dijkwacht_audit_batches_total\\{chain=\"[^\"]+\",writer=\"request\"\\} [1-9]")
                // breaker state per upstream server (Resilience4j's binding; "Metrics of other components")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"flaky@[^\"]+\"[^}]*state=\"[a-z_]+\"[^}]*\\} 1\\.0")
                // Spring's own request timer (the http.server.requests observation) stays
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/chat/completions\"[^}]*\\} [1-9]")
                // but not its long-task timer (management.metrics.observations.ignored-meters): nothing reads it
                .doesNotContain("http_server_requests_active_seconds")
                .doesNotContain("piet@example.nl").doesNotContain("vergunning");

        // what operators see of the request path, pinned whole: every series of these families with its tag keys and
        // values, counters and counts with their values (times and bucket counts vary, so only their series are pinned)
        assertThat(requestPathSeries(scrape)).isEqualTo(pinned("request-path-series.txt"));

        // exemplars name the trace of a sampled request (every request here is sampled): on the counters, and on the
        // request timer, which Micrometer stops inside its span's scope for that
        String openMetrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(openMetrics)
                .containsPattern("(?m)^dijkwacht_requests_total\\{[^}]*\\} 1\\.0 # \\{[^}]*trace_id=\"[0-9a-f]{32}\"")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/v1/chat/completions\"[^}]*\\} [1-9][0-9]* # \\{[^}]*trace_id=\"[0-9a-f]{32}\"");

        // the public port: health for load balancers, nothing else of the actuator, no links built from Host
        assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/livez", null).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/info")) {
            HttpResponse<String> r = get(port, path, "evil.example");
            assertThat(r.statusCode()).as(path).isIn(401, 404);
            assertThat(r.body()).as(path).doesNotContain("evil.example").doesNotContain("java.version");
        }
        assertThat(get(managementPort, "/actuator", "evil.example").statusCode()).isEqualTo(404);

        // GenAI spans: one per model call, with gen_ai.* attributes and no prompt text
        Instant deadline = Instant.now().plusSeconds(10);
        while (spans.stream().filter(s -> s.getName().startsWith("chat ")).count() < 4 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        List<SpanData> modelCalls = spans.stream().filter(s -> s.getName().startsWith("chat ")).toList();
        assertThat(modelCalls).hasSize(4); // answered, streamed, flaky (failed) + its fallback
        SpanData failed = modelCalls.stream().filter(s -> s.getName().equals("chat flaky-model")).findFirst().orElseThrow();
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("unreachable");
        SpanData answered = modelCalls.getFirst();
        assertThat(answered.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(answered.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(answered.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("echo-7b");
        assertThat(answered.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
        assertThat(answered.getParentSpanContext().isValid()).as("child of the server span").isTrue();
        assertThat(modelCalls.stream().filter(c -> c.getTraceId().equals(TOOL_TRACE)).toList()).as("the tool's trace").hasSize(1);
        assertThat(spans.toString()).doesNotContain("piet@example.nl").doesNotContain("vergunning");

        // every span of the four requests' traces: name, kind, attributes (ids, times and ports masked), pinned whole
        Set<String> requestTraces = new TreeSet<>();
        spans.stream().filter(s -> s.getName().startsWith("chat ") || "/v1/chat/completions".equals(s.getAttributes().get(AttributeKey.stringKey("uri"))))
                .forEach(s -> requestTraces.add(s.getTraceId()));
        assertThat(spans.stream().filter(s -> requestTraces.contains(s.getTraceId())).map(MetricsScrapeTest::pinned).sorted().toList())
                .isEqualTo(pinned("request-spans.txt"));
    }

    static final Set<String> PINNED_FAMILIES = Set.of("dijkwacht_requests_total", "dijkwacht_refusals_total",
            "dijkwacht_request_added_seconds", "dijkwacht_upstream_latency_seconds", "dijkwacht_upstream_ttft_seconds",
            "dijkwacht_tokens_total", "dijkwacht_fallbacks_total", "dijkwacht_pii_entities_total", "http_server_requests_seconds");

    /** The scrape's lines of the request path's metric families; only counters' and counts' values kept. */
    static List<String> requestPathSeries(String scrape) {
        List<String> lines = new java.util.ArrayList<>();
        Pattern line = Pattern.compile("^(# (?:HELP|TYPE) )?([a-z_]+?)(_bucket|_count|_sum|_max)?(\\{[^}]*\\})?( .*)?$");
        for (String l : scrape.split("\n")) {
            Matcher m = line.matcher(l);
            if (!m.matches() || !PINNED_FAMILIES.contains(m.group(2))) {
                continue;
            }
            if (m.group(1) != null) {
                lines.add(l);
            } else if (m.group(2).startsWith("http_server_requests") && !m.group(4).contains("uri=\"/v1/")) {
                continue; // the management port's and health requests: not the gateway's request path
            } else {
                boolean counted = m.group(3) == null || m.group(3).equals("_count");
                lines.add(m.group(2) + (m.group(3) == null ? "" : m.group(3)) + m.group(4) + (counted ? m.group(5) : ""));
            }
        }
        return lines.stream().sorted().toList();
    }

    private static final Set<String> VOLATILE = Set.of("dijkwacht.trace_id", "dijkwacht.policy_version", "server.port", "http.url");

    static String pinned(SpanData span) {
        TreeSet<String> attributes = new TreeSet<>();
        span.getAttributes().forEach((k, v) -> attributes.add(k.getKey() + "=" + (VOLATILE.contains(k.getKey()) ? "*" : v)));
        return span.getKind() + " " + span.getName() + " " + span.getStatus().getStatusCode() + " " + attributes
                + " events=" + span.getEvents().stream().map(e -> e.getName()).toList();
    }

    /** What operators scrape of the four requests, as it was before obs26 (session 42) changed how it is recorded. */
    static List<String> pinned(String resource) throws Exception {
        try (var in = MetricsScrapeTest.class.getResourceAsStream("/telemetry/" + resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    private HttpResponse<String> chat(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path, String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The metric names in the "Metrics" section of docs/deployment.md: every {@code dijkwacht_...} in backticks. */
    static Set<String> documentedMetrics() throws Exception {
        String doc = Files.readString(Path.of("../docs/deployment.md"));
        int start = doc.indexOf("\n## Metrics");
        int end = doc.indexOf("\n## ", start + 5);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`(dijkwacht_[a-z0-9_]+)`").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
