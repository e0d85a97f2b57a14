package nl.dijkwacht.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static nl.dijkwacht.support.PackGateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.invoke.Upstream;
import nl.dijkwacht.invoke.UpstreamPool;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.FreePort;
import nl.dijkwacht.support.PackGateway;
import nl.dijkwacht.support.SilentServer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several model servers (two WireMock instances, a closed port, a server that accepts connections and never answers)
 * behind one gateway: load is spread, a refused connection is retried on the other server, a short Retry-After is
 * honoured, a dead server's circuit breaker opens so it no longer costs its timeout, and a started stream is never
 * retried. Assertions are on which upstream answered, call counts, breaker state and the audit record — not on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResilientUpstreamsTest {

    static final String KEY = "weerbaar-test-key";
    static final String ADMIN_KEY = "weerbaar-beheer-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final WireMockServer serverA = new WireMockServer(options().dynamicPort());
    static final WireMockServer serverB = new WireMockServer(options().dynamicPort());
    static final SilentServer silent = new SilentServer();
    static final int deadPort = FreePort.find();
    static final Path root;

    static {
        serverA.start();
        serverB.start();
        try {
            root = Files.createTempDirectory("dw-resilience");
            writePack(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PackGateway.properties(registry, root.resolve("policies"), root.resolve("models-config"), root.resolve("data"), "resilience");
        registry.add("dijkwacht.upstreams.max-retry-wait", () -> "2s");
    }

    @AfterAll
    static void stop() {
        serverA.stop();
        serverB.stop();
        silent.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UpstreamPool pool;

    @Autowired
    ActivePolicy policy;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        serverA.resetAll();
        serverB.resetAll();
        pool.resetHealth();
        for (WireMockServer server : List.of(serverA, serverB)) {
            for (String path : List.of("/v1", "/v1/halfdood", "/v1/reserve", "/v1/traag", "/v1/druk", "/v1/druk-lang")) {
                server.stubFor(post(urlEqualTo(path + "/chat/completions")).atPriority(10)
                        .willReturn(ok("antwoord van " + (server == serverA ? "A" : "B") + path)));
            }
        }
    }

    @Test
    void loadIsSpreadOverTheModelsServers() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = chat("paar");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            answeredBy.add((String) audit(r).get("ROUTE_UPSTREAM"));
        }
        int a = serverA.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount();
        int b = serverB.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions")).build()).getCount();
        assertThat(a + b).isEqualTo(6);
        assertThat(a).isGreaterThanOrEqualTo(2);
        assertThat(b).isGreaterThanOrEqualTo(2);
        assertThat(answeredBy).contains(label(serverA, "/v1"), label(serverB, "/v1"));
    }

    @Test
    void aRefusedConnectionIsRetriedOnTheOtherServerAndOnceTheBreakerIsOpenNoLongerTried() throws Exception {
        List<String> summaries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = chat("half-dood");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Map<String, Object> audit = audit(r);
            assertThat(audit.get("ROUTE_UPSTREAM")).isEqualTo(label(serverA, "/v1/halfdood"));
            assertThat(audit.get("MODEL_ID")).isEqualTo("half-dood");
            assertThat(audit.get("DECISION")).isEqualTo("allowed");
            summaries.add((String) audit.get("ROUTE_SUMMARY"));
        }
        String dead = "half-dood@127.0.0.1:" + deadPort + "/v1:unreachable";
        assertThat(summaries.stream().filter(s -> s.contains(dead)).count()).isEqualTo(2);
        assertThat(summaries.subList(4, 6)).allSatisfy(s -> assertThat(s).doesNotContain(dead));
        assertThat(breaker("half-dood", "http://127.0.0.1:" + deadPort + "/v1").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(serverA.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/halfdood/chat/completions")).build()).getCount()).isEqualTo(6);
    }

    @Test
    void aShortRetryAfterIsWaitedForOnceAndTheSameServerAnswers() throws Exception {
        serverA.stubFor(post(urlEqualTo("/v1/druk/chat/completions")).inScenario("druk").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1").withBody("{\"error\":{\"message\":\"busy\"}}"))
                .willSetStateTo("weer vrij"));
        serverA.stubFor(post(urlEqualTo("/v1/druk/chat/completions")).inScenario("druk").whenScenarioStateIs("weer vrij")
                .willReturn(ok("na het wachten")));

        HttpResponse<String> r = chat("druk");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText()).startsWith("na het wachten");
        serverA.verify(2, postRequestedFor(urlEqualTo("/v1/druk/chat/completions")));
        Map<String, Object> audit = audit(r);
        assertThat((String) audit.get("ROUTE_SUMMARY")).contains("druk@" + label(serverA, "/v1/druk") + ":error_status:503")
                .contains("druk@" + label(serverA, "/v1/druk") + ":ok");
        assertThat(audit.get("DECISION")).isEqualTo("allowed");
    }

    @Test
    void aLongRetryAfterGoesToTheFallbackWithoutWaiting() throws Exception {
        serverA.stubFor(post(urlEqualTo("/v1/druk-lang/chat/completions"))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120").withBody("{\"error\":{\"message\":\"busy\"}}")));

        HttpResponse<String> r = chat("druk-lang");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("reserve");
        serverA.verify(1, postRequestedFor(urlEqualTo("/v1/druk-lang/chat/completions")));
        Map<String, Object> audit = audit(r);
        assertThat(audit.get("RULE")).isEqualTo("fallback:druk-lang->reserve:error_status");
        assertThat(audit.get("ROUTE_UPSTREAM")).isEqualTo(label(serverA, "/v1/reserve"));
    }

    @Test
    void aServerThatNeverAnswersCostsItsTimeoutOnlyUntilItsBreakerOpens() throws Exception {
        int before = silent.accepted();
        List<Map<String, Object>> audits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = chat("stil");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("reserve");
            audits.add(audit(r));
        }
        // minimum-calls 2: two calls waited for the response timeout, then the breaker opened
        assertThat(silent.accepted() - before).isEqualTo(2);
        assertThat(breaker("stil", "http://127.0.0.1:" + silent.port() + "/v1").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(audits.subList(0, 2)).allSatisfy(a -> {
            assertThat(a.get("RULE")).isEqualTo("fallback:stil->reserve:timeout");
            assertThat((String) a.get("ROUTE_SUMMARY")).contains("stil@127.0.0.1:" + silent.port() + "/v1:timeout");
        });
        assertThat(audits.subList(2, 6)).allSatisfy(a -> {
            assertThat(a.get("RULE")).isEqualTo("fallback:stil->reserve:unavailable");
            assertThat((String) a.get("ROUTE_SUMMARY")).contains("skip stil:circuit-open").doesNotContain("stil@");
            assertThat(a.get("ROUTE_UPSTREAM")).isEqualTo(label(serverA, "/v1/reserve"));
        });
    }

    @Test
    void adminSeesTheOpenBreakerAndExplainShowsIt() throws Exception {
        int before = silent.accepted();
        for (int i = 0; i < 3; i++) {
            chat("stil");
        }
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/upstreams"))
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        var models = JSON.readTree(status.body()).path("models");
        var stil = java.util.stream.StreamSupport.stream(models.spliterator(), false)
                .filter(m -> m.path("id").asText().equals("stil")).findFirst().orElseThrow();
        assertThat(stil.at("/upstreams/0/breaker").asText()).isEqualTo("open");
        assertThat(stil.at("/upstreams/0/failed_in_window").asInt()).isEqualTo(2);

        var explainInput = JSON.createObjectNode().put("tool", "weerbaar-tool").put("model", "stil").put("prompt", "Hallo");
        HttpResponse<String> explain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/explain"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(explainInput.toString())).build(), HttpResponse.BodyHandlers.ofString());
        var x = JSON.readTree(explain.body());
        assertThat(x.at("/model/upstreams/0/breaker").asText()).as(explain.body()).isEqualTo("open");
        assertThat(x.at("/model/fallbacks_on_failure/0").asText()).isEqualTo("reserve");
        assertThat(x.path("steps").findValuesAsText("step")).contains("authenticate", "request", "model", "pii", "route");
        assertThat(silent.accepted() - before).isEqualTo(2);
    }

    @Test
    void aSlowStartTimesOutOnceFallsBackAndTheServerIsUsedAgainWhenItIsUp() throws Exception {
        serverA.stubFor(post(urlEqualTo("/v1/traag/chat/completions")).inScenario("opstart").whenScenarioStateIs(STARTED)
                .willReturn(ok("te laat").withFixedDelay(2500)).willSetStateTo("warm"));
        serverA.stubFor(post(urlEqualTo("/v1/traag/chat/completions")).inScenario("opstart").whenScenarioStateIs("warm")
                .willReturn(ok("warm gedraaid")));

        HttpResponse<String> first = chat("traag");
        HttpResponse<String> second = chat("traag");

        assertThat(first.headers().firstValue("X-Dijkwacht-Model")).hasValue("reserve");
        assertThat(audit(first).get("RULE")).isEqualTo("fallback:traag->reserve:timeout");
        assertThat(second.headers().firstValue("X-Dijkwacht-Model")).hasValue("traag");
        assertThat(JSON.readTree(second.body()).at("/choices/0/message/content").asText()).startsWith("warm gedraaid");
        assertThat(breaker("traag", serverA.baseUrl() + "/v1/traag").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aStreamThatBrokeAfterItStartedIsNotRetriedAnywhere() throws Exception {
        serverA.stubFor(post(urlEqualTo("/v1/traag/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Het begin \"}}]}\n\n")));
        var body = JSON.createObjectNode().put("model", "traag").put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", "Hallo");

        HttpResponse<String> r = send(body.toString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Het begin").contains("upstream_stream_interrupted").doesNotContain("[DONE]");
        serverA.verify(1, postRequestedFor(urlEqualTo("/v1/traag/chat/completions")));
        serverA.verify(0, postRequestedFor(urlEqualTo("/v1/reserve/chat/completions")));
        assertThat(audit(r).get("DECISION")).isEqualTo("failed");
    }

    // ------------------------------------------------------------------ helpers

    private CircuitBreaker breaker(String model, String baseUrl) {
        var definition = policy.current().catalog().find(model).orElseThrow();
        return pool.of(definition).stream().filter(u -> u.baseUrl().toString().equals(baseUrl)).findFirst()
                .map(Upstream::breaker).orElseThrow();
    }

    private static String label(WireMockServer server, String path) {
        return "localhost:" + server.port() + path;
    }

    private HttpResponse<String> chat(String model) throws Exception {
        var body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", "Schrijf een korte groet");
        return send(body.toString());
    }

    private HttpResponse<String> send(String body) throws Exception {
        return PackGateway.chat(http, port, KEY, body);
    }

    private Map<String, Object> audit(HttpResponse<String> r) {
        return PackGateway.audit(jdbc, r, "decision, rule, model_id, route_summary, route_upstream");
    }

    private static void writePack(Path root) throws IOException {
        Path policies = Files.createDirectories(root.resolve("policies/use-cases"));
        Path models = Files.createDirectories(root.resolve("models-config"));
        Files.writeString(root.resolve("policies/tools.yaml"), """
                tools:
                  - id: weerbaar-tool
                    key-sha256: %s
                    default-use-case: weerbaar
                """.formatted(TestPack.sha256(KEY)));
        Files.writeString(root.resolve("policies/operators.yaml"), """
                operators:
                  - id: beheer
                    key-sha256: %s
                    roles: [admin]
                    expires: 2099-12-31
                """.formatted(TestPack.sha256(ADMIN_KEY)));
        Files.writeString(policies.resolve("weerbaar.yaml"), """
                id: weerbaar
                purpose: Tests van upstream-storingen
                risk-class: minimal
                models: [paar, half-dood, druk, druk-lang, stil, traag, reserve]
                """);
        String a = serverA.baseUrl();
        String b = serverB.baseUrl();
        model(models, "paar", "base-urls: [%s/v1, %s/v1]\n".formatted(a, b), "");
        model(models, "half-dood", "base-urls: [http://127.0.0.1:%d/v1, %s/v1/halfdood]\n".formatted(deadPort, a),
                "circuit-breaker: {minimum-calls: 2, window: 2, open-for: 10m}\n");
        model(models, "druk", "base-url: %s/v1/druk\n".formatted(a), "");
        model(models, "druk-lang", "base-url: %s/v1/druk-lang\n".formatted(a), "fallbacks: [reserve]\n");
        model(models, "stil", "base-url: http://127.0.0.1:%d/v1\n".formatted(silent.port()),
                "timeouts: {connect: 1s, response: 300ms}\ncircuit-breaker: {minimum-calls: 2, window: 4, open-for: 10m}\nfallbacks: [reserve]\n");
        model(models, "traag", "base-url: %s/v1/traag\n".formatted(a), "timeouts: {connect: 1s, response: 1s}\nfallbacks: [reserve]\n");
        model(models, "reserve", "base-url: %s/v1/reserve\n".formatted(a), "");
    }

    private static void model(Path dir, String id, String urls, String extra) throws IOException {
        Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\nprovider: openai-compatible\n" + urls
                + "upstream-model: " + id + "-model\n" + extra + """
                status: approved
                hosting: on-premises
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data, special-category]
                """);
    }
}
