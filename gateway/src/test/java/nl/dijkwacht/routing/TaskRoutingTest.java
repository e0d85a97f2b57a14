package nl.dijkwacht.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.dijkwacht.invoke.UpstreamPool;
import nl.dijkwacht.policy.TestPack;
import nl.dijkwacht.support.PackGateway;
import org.awaitility.Awaitility;
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
 * Task routing with the recipe of docs/admin-guide.md ("A small local model with a task route") on the default pack:
 * the small fine-tuned model (Ollama wire format, LoRA adapter name as model) first; the general model when the small
 * one is down, overloaded or the prompt exceeds its context window. Decision and reason in the audit record and explain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskRoutingTest {

    static final String TOOL_KEY = "dw-dev-alleen-lokaal";
    static final String ADMIN_KEY = "dw-beheer-alleen-lokaal";
    static final ObjectMapper JSON = new ObjectMapper();
    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static final Path root;

    static {
        upstream.start();
        try {
            root = Files.createTempDirectory("dw-task-routing");
            TestPack pack = TestPack.copyOfDefault(root);
            Path recipe = Path.of("../docs/recipes/local-model");
            String small = Files.readString(recipe.resolve("models-config/lokaal-brieven.yaml"))
                    .replace("http://localhost:11434/v1", upstream.baseUrl() + "/ollama/v1")
                    .replace("max-concurrent: 4", "max-concurrent: 1")
                    .replace("context-window: 8192", "context-window: 400")
                    .replace("max-output-tokens: 1024", "max-output-tokens: 100");
            pack.write("models-config/lokaal-brieven.yaml", small);
            // a second task whose route starts outside the premises, and telephone numbers kept as they are (PHONE: allow),
            // so a request with a phone number holds personal data that eu-groot (data-classes: []) may not receive
            pack.write("policies/use-cases/brieven-opstellen.yaml",
                    Files.readString(recipe.resolve("policies/use-cases/brieven-opstellen.yaml"))
                            .replace("  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]\n",
                                    "  brief-opstellen: [lokaal-brieven, eu-groot, lokaal-klein]\n  terugbelnotitie: [eu-groot, lokaal-klein]\n")
                            .replace("    IBAN: redact\n", "    IBAN: redact\n    PHONE: allow\n"));
            pack.replace("models-config/eu-groot.yaml", "https://api.mistral.ai/v1", upstream.baseUrl() + "/mistral/v1");
            pack.replace("models-config/lokaal-klein.yaml", "http://localhost:11434/v1", upstream.baseUrl() + "/vllm/v1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PackGateway.properties(registry, root.resolve("policies"), root.resolve("models-config"), root.resolve("data"), "task-routing");
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UpstreamPool pool;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void recordings() throws IOException {
        upstream.resetAll();
        pool.resetHealth();
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(wire("ollama/chat-completion.json"))));
        upstream.stubFor(post(urlEqualTo("/vllm/v1/chat/completions")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"cmpl-vllm-1","object":"chat.completion","created":1702256327,"model":"lokaal-klein",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Antwoord van het lokale model."},
                         "finish_reason":"stop"}],"usage":{"prompt_tokens":16,"completion_tokens":6,"total_tokens":22}}""")));
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"cmpl-e5cc70bb28c444948073e77776eb30ef","object":"chat.completion","created":1702256327,
                         "model":"mistral-large-latest","choices":[{"index":0,"message":{"role":"assistant","content":"Antwoord van het algemene model.","tool_calls":null},
                         "finish_reason":"stop"}],"usage":{"prompt_tokens":16,"completion_tokens":34,"total_tokens":50}}""")));
    }

    @Test
    void theTaskHeaderSendsTheRequestToTheSmallFineTunedModelUnderItsAdapterName() throws Exception {
        HttpResponse<String> r = chat(letter("Schrijf een bevestiging van de verhuizing aan mevrouw Jansen."), "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("lokaal-brieven");
        assertThat(JSON.readTree(r.body()).at("/choices/0/message/content").asText()).startsWith("Geachte ");
        upstream.verify(1, postRequestedFor(urlEqualTo("/ollama/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gemeente-brieven"))));
        Map<String, Object> audit = audit(r);
        assertThat(audit.get("MODEL_ID")).isEqualTo("lokaal-brieven");
        assertThat(audit.get("ROUTE_TASK")).isEqualTo("brief-opstellen");
        assertThat((String) audit.get("ROUTE_SUMMARY")).startsWith("task:brief-opstellen; lokaal-brieven@");
        assertThat(audit.get("ROUTE_UPSTREAM")).isEqualTo("localhost:" + upstream.port() + "/ollama/v1");
    }

    @Test
    void aStreamedAnswerFromTheSmallModelIsAuditedWithTheServerThatGaveIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(wire("ollama/chat-stream.sse"))));
        ObjectNode body = letter("Schrijf een welkomstbrief.").put("stream", true);

        HttpResponse<String> r = chat(body, "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Geachte ").contains("welkom.").contains("data: [DONE]");
        Map<String, Object> audit = audit(r);
        assertThat(audit.get("ROUTE_UPSTREAM")).isEqualTo("localhost:" + upstream.port() + "/ollama/v1");
        assertThat((String) audit.get("ROUTE_SUMMARY")).matches("task:brief-opstellen; lokaal-brieven@localhost:\\d+/ollama/v1:ok \\d+ms");
    }

    @Test
    void metadataDwTaskWorksLikeTheHeader() throws Exception {
        ObjectNode body = letter("Schrijf een korte uitnodiging.");
        body.putObject("metadata").put("dw_task", "brief-opstellen");

        HttpResponse<String> r = chat(body);

        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("lokaal-brieven");
        assertThat(audit(r).get("ROUTE_TASK")).isEqualTo("brief-opstellen");
    }

    @Test
    void aPromptBeyondTheSmallModelsContextWindowGoesToTheGeneralModel() throws Exception {
        String longLetter = "Schrijf een uitgebreide brief over de nieuwe afvalinzameling in de wijk. ".repeat(40);

        HttpResponse<String> r = chat(letter(longLetter), "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("eu-groot");
        upstream.verify(0, postRequestedFor(urlEqualTo("/ollama/v1/chat/completions")));
        Map<String, Object> audit = audit(r);
        assertThat((String) audit.get("ROUTE_SUMMARY")).matches("task:brief-opstellen; skip lokaal-brieven:context-window \\d+>400; eu-groot@.*:ok \\d+ms");
        assertThat(audit.get("DECISION")).isEqualTo("allowed");
    }

    @Test
    void whenTheSmallModelIsDownItsBreakerOpensAndTheGeneralModelAnswersAtOnce() throws Exception {
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"llama runner process has terminated\",\"type\":\"api_error\",\"param\":null,\"code\":null}}")));

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = chat(letter("Schrijf een korte groet."), "X-Dijkwacht-Task", "brief-opstellen");
            assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("eu-groot");
            assertThat(audit(r).get("RULE")).isEqualTo("fallback:lokaal-brieven->eu-groot:error_status");
        }
        HttpResponse<String> r = chat(letter("Schrijf een korte groet."), "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("eu-groot");
        // the disclaimer (header, extension field, text) names the model that wrote the answer, not the one that failed
        String disclaimer = java.net.URLDecoder.decode(r.headers().firstValue("X-Dijkwacht-Disclaimer").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(disclaimer).contains("model eu-groot").doesNotContain("lokaal-brieven");
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.at("/dijkwacht/disclaimer").asText()).isEqualTo(disclaimer);
        assertThat(answer.at("/choices/0/message/content").asText()).contains("model eu-groot").doesNotContain("lokaal-brieven");
        upstream.verify(3, postRequestedFor(urlEqualTo("/ollama/v1/chat/completions")));
        Map<String, Object> audit = audit(r);
        assertThat(audit.get("RULE")).isEqualTo("fallback:lokaal-brieven->eu-groot:unavailable");
        assertThat((String) audit.get("ROUTE_SUMMARY")).contains("skip lokaal-brieven:circuit-open").doesNotContain("lokaal-brieven@");
    }

    @Test
    void whenTheSmallModelIsBusyTheRequestGoesToTheGeneralModelWithoutWaiting() throws Exception {
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("LANGZAAM"))
                .willReturn(aResponse().withFixedDelay(1500).withHeader("Content-Type", "application/json")
                        .withBody(wire("ollama/chat-completion.json"))));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return chat(letter("LANGZAAM: schrijf een brief."), "X-Dijkwacht-Task", "brief-opstellen");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().until(() -> upstream.countRequestsMatching(
                postRequestedFor(urlEqualTo("/ollama/v1/chat/completions")).build()).getCount() == 1);

        HttpResponse<String> second = chat(letter("Schrijf een andere brief."), "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(second.headers().firstValue("X-Dijkwacht-Model")).hasValue("eu-groot");
        assertThat((String) audit(second).get("ROUTE_SUMMARY")).contains("skip lokaal-brieven:overloaded");
        assertThat(first.get().headers().firstValue("X-Dijkwacht-Model")).hasValue("lokaal-brieven");
    }

    @Test
    void aStreamThatFellBackNamesTheModelThatAnsweredInItsDisclaimerHeader() throws Exception {
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"server busy\",\"type\":\"api_error\",\"param\":null,\"code\":null}}")));
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"s1","object":"chat.completion.chunk","created":1,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"role":"assistant","content":"Beste "},"finish_reason":null}]}

                        data: {"id":"s1","object":"chat.completion.chunk","created":1,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"content":"inwoner."},"finish_reason":"stop"}]}

                        data: [DONE]

                        """)));

        HttpResponse<String> r = chat(letter("Schrijf een korte groet.").put("stream", true), "X-Dijkwacht-Task", "brief-opstellen");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("eu-groot");
        String disclaimer = java.net.URLDecoder.decode(r.headers().firstValue("X-Dijkwacht-Disclaimer").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(disclaimer).contains("model eu-groot").doesNotContain("lokaal-brieven");
        assertThat(r.body()).contains("model eu-groot").doesNotContain("model lokaal-brieven").contains("data: [DONE]");
        assertThat(audit(r).get("RULE")).isEqualTo("fallback:lokaal-brieven->eu-groot:error_status");
    }

    /**
     * Sensitivity routing follows the task route: the route of 'terugbelnotitie' starts at eu-groot, which may receive no
     * personal data; a phone number the use-case keeps (PHONE: allow) sends the request to the next model on that route
     * (lokaal-klein) — not to the use-case's first model (lokaal-brieven, which is not on this route), and never outside.
     */
    @Test
    void personalDataOnATaskRouteGoesOnlyToAModelOnThatRouteThatMayReceiveIt() throws Exception {
        HttpResponse<String> r = chat(letter("Maak een terugbelnotitie: mevrouw belt terug op 06-12345678."),
                "X-Dijkwacht-Task", "terugbelnotitie");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Dijkwacht-Model")).hasValue("lokaal-klein");
        upstream.verify(0, postRequestedFor(urlEqualTo("/mistral/v1/chat/completions")));
        upstream.verify(0, postRequestedFor(urlEqualTo("/ollama/v1/chat/completions")));
        upstream.verify(1, postRequestedFor(urlEqualTo("/vllm/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("06-12345678")));
        Map<String, Object> audit = audit(r);
        assertThat(audit.get("RULE")).isEqualTo("route:personal-data:eu-groot->lokaal-klein");
        assertThat(audit.get("ROUTE_TASK")).isEqualTo("terugbelnotitie");
        assertThat((String) audit.get("ROUTE_SUMMARY")).contains("skip eu-groot:may-not-receive:personal-data");

        // the same text without the task: the use-case's own order, whose first model may receive it
        HttpResponse<String> general = chat(letter("Maak een terugbelnotitie: mevrouw belt terug op 06-12345678."));
        assertThat(general.headers().firstValue("X-Dijkwacht-Model")).hasValue("lokaal-brieven");
        upstream.verify(0, postRequestedFor(urlEqualTo("/mistral/v1/chat/completions")));
    }

    @Test
    void whenTheOnlyModelOnATaskRouteThatMayReceiveTheDataIsDownNothingLeavesThePremises() throws Exception {
        upstream.stubFor(post(urlEqualTo("/vllm/v1/chat/completions")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"down\"}}")));

        HttpResponse<String> r = chat(letter("Maak een terugbelnotitie: mevrouw belt terug op 06-12345678."),
                "X-Dijkwacht-Task", "terugbelnotitie");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        upstream.verify(0, postRequestedFor(urlEqualTo("/mistral/v1/chat/completions")));
        assertThat(r.body()).doesNotContain("06-12345678");
        assertThat(audit(r).get("DECISION")).isNotEqualTo("allowed");
    }

    @Test
    void anUnknownTaskIsRefusedWithTheTasksThatExist() throws Exception {
        HttpResponse<String> r = chat(letter("Hallo"), "X-Dijkwacht-Task", "gedichten-schrijven");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("task_unknown");
        assertThat(error.path("message").asText()).contains("brief-opstellen").doesNotContain("gedichten");
        assertThat(audit(r).get("ROUTE_TASK")).isNull();
    }

    @Test
    void explainShowsTheTaskRouteAndWhyAModelWasPassedOver() throws Exception {
        ObjectNode input = JSON.createObjectNode().put("tool", "dev-cli").put("use_case", "brieven-opstellen")
                .put("task", "brief-opstellen")
                .put("prompt", "Schrijf een uitgebreide brief over de nieuwe afvalinzameling in de wijk. ".repeat(40));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/explain"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input.toString())).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode x = JSON.readTree(r.body());
        assertThat(x.at("/model/id").asText()).as(r.body()).isEqualTo("eu-groot");
        assertThat(x.at("/model/routing/task").asText()).isEqualTo("brief-opstellen");
        assertThat(x.at("/model/routing/skipped/0/model").asText()).isEqualTo("lokaal-brieven");
        assertThat(x.at("/model/routing/skipped/0/reason").asText()).startsWith("context-window ");
        assertThat(x.at("/model/why").asText()).contains("Taak 'brief-opstellen'").contains("lokaal-brieven (context-window");
        assertThat(x.at("/model/fallbacks_on_failure/0").asText()).isEqualTo("lokaal-klein");
        upstream.verify(0, postRequestedFor(urlEqualTo("/mistral/v1/chat/completions")));
    }

    @Test
    void theTransparencyPageAndTheAlgoritmeregisterExportShowTheFineTunedModel() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/transparantie")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/transparantie.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> register = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/transparantie/algoritmeregister/brieven-opstellen.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Gefinetunede modellen").contains("qwen2.5:1.5b-instruct").contains("gemeente-brieven")
                .contains("EVAL-2026-07");
        JsonNode tuned = java.util.stream.StreamSupport.stream(JSON.readTree(report.body()).path("models").spliterator(), false)
                .filter(m -> m.path("id").asText().equals("lokaal-brieven")).findFirst().orElseThrow().path("fine_tuning");
        assertThat(tuned.path("tasks").get(0).asText()).isEqualTo("brief-opstellen");
        assertThat(tuned.at("/training_data/personal_data").asBoolean()).isFalse();
        assertThat(tuned.at("/evaluations/0/value").asDouble()).isEqualTo(0.82);
        JsonNode entry = JSON.readTree(register.body());
        assertThat(entry.path("methods_and_models").asText()).contains("gefinetuned op qwen2.5:1.5b-instruct")
                .contains("taak brief-opstellen: lokaal-brieven → eu-groot → lokaal-klein");
        assertThat(entry.path("performance_standard").asText()).contains("lokaal-brieven / brief-opstellen").contains("0.82");
        assertThat(entry.path("source_data").asText()).contains("2.400 verzonden brieven");
    }

    // ------------------------------------------------------------------ helpers

    private static String wire(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/wire", name));
    }

    private static ObjectNode letter(String text) {
        ObjectNode body = JSON.createObjectNode().put("model", "auto");
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        return body;
    }

    private HttpResponse<String> chat(ObjectNode body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Dijkwacht-Use-Case";
        all[1] = "brieven-opstellen";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return PackGateway.chat(http, port, TOOL_KEY, body.toString(), all);
    }

    private Map<String, Object> audit(HttpResponse<String> r) {
        return PackGateway.audit(jdbc, r, "decision, rule, model_id, route_task, route_summary, route_upstream");
    }
}
