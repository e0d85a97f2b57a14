package nl.dijkwacht.purpose;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.dijkwacht.invoke.UpstreamPool;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.TestPack;
import nl.dijkwacht.support.PackGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The purpose guard's third layer end to end (issue 10): a running gateway whose use-cases name a {@code role: guard}
 * model, served by WireMock in Ollama's OpenAI-compatible wire format (test resource wire/ollama). Use-case
 * {@code twijfel} makes every request without a rule hit unsure (allow-below 0, refuse-at 1; topic-below 0,
 * personal-at 1), so the guard model decides; {@code twijfel-open} is the same with {@code on-guard-failure: allow};
 * {@code schrijven} has the default thresholds, so clear cases never reach the guard model. The guard's answer per
 * request is chosen by a marker word in the prompt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GuardModelGatewayTest {

    static final String TOOL_KEY = "dw-dev-alleen-lokaal";
    static final String AUDITOR_KEY = "dw-audit-alleen-lokaal";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GUARD = "/controle/v1/chat/completions";
    static final String CHAT = "/lokaal/v1/chat/completions";
    static final String PURPOSE_QUESTION = "Vraagt dit verzoek";
    static final String SPECIAL_QUESTION = "Bevat dit verzoek";

    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static final Path root;
    static final TestPack pack;

    static {
        upstream.start();
        try {
            root = Files.createTempDirectory("dw-guard-model");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        pack = TestPack.small(root, "http://localhost:" + upstream.port());
        pack.replace("policies/tools.yaml", "use-cases: [schrijven,", "use-cases: [twijfel, twijfel-open, schrijven,");
        pack.replace("policies/use-cases/schrijven.yaml", "risk-class: limited", """
                risk-class: limited
                purpose-guard:
                  guard-model: controle""");
        for (String id : new String[] {"twijfel", "twijfel-open"}) {
            pack.write("policies/use-cases/" + id + ".yaml", """
                    id: %s
                    purpose: Alles is twijfelachtig, de controle beslist (test).
                    risk-class: limited
                    models: [lokaal]
                    purpose-guard:
                      allow-below: 0.0
                      decide-at: 0.5
                      refuse-at: 1.0
                      topic-below: 0.0
                      personal-at: 1.0
                      guard-model: controle
                      guard-budget: 2s
                    """.formatted(id) + (id.equals("twijfel-open") ? "  on-guard-failure: allow\n" : ""));
        }
        pack.write("models-config/controle.yaml", """
                id: controle
                provider: openai-compatible
                base-url: http://localhost:%d/controle/v1
                upstream-model: qwen2.5:1.5b-instruct
                role: guard
                timeouts:
                  connect: 1s
                  response: 5s
                circuit-breaker:
                  minimum-calls: 10
                  window: 10
                status: approved
                hosting: on-premises
                no-training: true
                owner: Test
                next-evaluation: 2099-12-31
                data-classes: [personal-data, special-category]
                """.formatted(upstream.port()));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PackGateway.properties(registry, pack.policies, pack.models, root.resolve("data"), "guard-model");
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
    UpstreamPool upstreamPool;

    @Autowired
    ActivePolicy activePolicy;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void stubs() throws IOException {
        upstream.resetAll();
        upstreamPool.resetHealth();
        upstream.stubFor(post(urlEqualTo(CHAT)).willReturn(ok(ollama("Hier is de tekst."))));
        upstream.stubFor(guard(9).willReturn(ok(ollama("nee"))));
        upstream.stubFor(guard(2, "GEVAL-JA").willReturn(ok(ollama("Ja."))));
        upstream.stubFor(guard(2, "GEVAL-YES").willReturn(ok(ollama("yes"))));
        upstream.stubFor(guard(2, "GEVAL-TRAAG").willReturn(ok(ollama("ja")).withFixedDelay(4000)));
        upstream.stubFor(guard(2, "GEVAL-RESET").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        upstream.stubFor(guard(2, "GEVAL-503").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"model is loading\",\"type\":\"api_error\",\"param\":null,\"code\":null}}")));
        upstream.stubFor(guard(2, "GEVAL-RAAR").willReturn(ok(ollama("Misschien; dat hangt ervan af."))));
        upstream.stubFor(guard(1, SPECIAL_QUESTION, "BIJZ-JA").willReturn(ok(ollama("ja"))));
        upstream.stubFor(guard(1, SPECIAL_QUESTION, "BIJZ-NEE").willReturn(ok(ollama("Nee"))));
        upstream.stubFor(guard(1, SPECIAL_QUESTION, "BIJZ-503").willReturn(aResponse().withStatus(503)));
    }

    private static MappingBuilder guard(int priority, String... contains) {
        MappingBuilder b = post(urlEqualTo(GUARD)).atPriority(priority);
        for (String c : contains) {
            b = b.withRequestBody(containing(c));
        }
        return b;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The recorded Ollama chat completion (test resource wire/ollama) with the guard's answer as its content. */
    private static String ollama(String answer) throws IOException {
        try (var in = GuardModelGatewayTest.class.getResourceAsStream("/wire/ollama/chat-completion.json")) {
            ObjectNode recorded = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) recorded.at("/choices/0/message")).put("content", answer);
            return recorded.toString();
        }
    }

    HttpResponse<String> chat(String useCase, String content) throws Exception {
        return chat(useCase, "lokaal", content, "medewerker-1");
    }

    HttpResponse<String> chat(String useCase, String model, String content, String user) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", content);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TOOL_KEY).header("Content-Type", "application/json")
                .header("X-Dijkwacht-Use-Case", useCase).header("X-Dijkwacht-User", user)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> flag(String trace, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/dijkwacht/refusals/" + trace + "/flag"))
                .header("Authorization", "Bearer " + TOOL_KEY).header("Content-Type", "application/json")
                .header("X-Dijkwacht-User", user)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> audit(HttpResponse<String> response) {
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        return jdbc.queryForMap("SELECT decision, rule, error_code, purpose_verdict, purpose_layer, purpose_score FROM audit_record"
                + " WHERE trace_id = ?", trace);
    }

    /** The purpose guard's decision in the audit record: {@code verdict/layer/score}. */
    String purpose(HttpResponse<String> response) {
        Map<String, Object> a = audit(response);
        return a.get("PURPOSE_VERDICT") + "/" + a.get("PURPOSE_LAYER") + "/" + a.get("PURPOSE_SCORE");
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private void guardCalls(int n) {
        upstream.verify(n, postRequestedFor(urlEqualTo(GUARD)));
    }

    // ------------------------------------------------------------------ forbidden purpose

    @Test
    void yesRefusesWithTheGuardModelAsTheLayer(CapturedOutput output) throws Exception {
        HttpResponse<String> r = chat("twijfel", "Kijk even mee naar dit dossier over de wijkaanpak GEVAL-JA.");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("forbidden_purpose");
        assertThat((String) audit(r).get("RULE")).matches("purpose:[a-z-]+/guard-model/1\\.00");
        assertThat(purpose(r)).matches("forbidden-purpose:[a-z-]+/guard-model/1.0");
        guardCalls(1);
        upstream.verify(0, postRequestedFor(urlEqualTo(CHAT)));
        // the guard got the question, the request quoted, and a short strict answer format
        var sent = upstream.findAll(postRequestedFor(urlEqualTo(GUARD))).getFirst().getBodyAsString();
        JsonNode body = JSON.readTree(sent);
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5:1.5b-instruct");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(3);
        assertThat(body.at("/messages/1/content").asText()).startsWith(PURPOSE_QUESTION).contains("<verzoek>\nKijk even mee");
        // the log names the model, the question and the answer, never the text
        assertThat(output.getAll()).contains("guard model controle asked FORBIDDEN_PURPOSE: yes").doesNotContain("wijkaanpak");
    }

    @Test
    void anEnglishYesCountsToo() throws Exception {
        HttpResponse<String> r = chat("twijfel", "Please look at this case GEVAL-YES.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat((String) audit(r).get("RULE")).contains("/guard-model/");
    }

    @Test
    void noLetsTheRequestThrough() throws Exception {
        HttpResponse<String> r = chat("twijfel", "Kijk even mee naar dit dossier over de wijkaanpak.");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).at("/choices/0/message/content").asText()).startsWith("Hier is de tekst.");
        assertThat(purpose(r)).isEqualTo("allowed/guard-model/0.0");
        guardCalls(1);
        upstream.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    HttpResponse<String> explain(String query, String useCase, String prompt) throws Exception {
        ObjectNode input = JSON.createObjectNode().put("tool", "dev-cli").put("use_case", useCase).put("prompt", prompt);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/explain" + query))
                .header("Authorization", "Bearer dw-beheer-alleen-lokaal").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode purposeStep(HttpResponse<String> explained) throws IOException {
        for (JsonNode step : json(explained).path("steps")) {
            if (step.path("step").asText().equals("purpose")) {
                return step;
            }
        }
        throw new AssertionError("no purpose step in " + explained.body());
    }

    @Test
    void aDryExplainDoesNotAskTheGuardModelAndSaysWhatItWouldHaveAsked() throws Exception {
        String prompt = "Kijk even mee naar dit dossier over de wijkaanpak GEVAL-JA.";
        HttpResponse<String> dry = explain("?guard=false", "twijfel", prompt);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        guardCalls(0);
        JsonNode step = purposeStep(dry);
        assertThat(step.at("/guard_model/asked").isBoolean()).isTrue();
        assertThat(step.at("/guard_model/asked").asBoolean()).isFalse();
        assertThat(step.at("/guard_model/not_asked/0").asText()).isEqualTo("forbidden-purpose");
        assertThat(step.at("/guard_model/note").asText()).contains("on-guard-failure");
        // the outcome of a guard model that does not answer: twijfel refuses then (on-guard-failure: refuse)
        assertThat(step.path("judgement").asText()).matches("forbidden-purpose:[a-z-]+/guard-unavailable/.*");

        HttpResponse<String> asked = explain("", "twijfel", prompt);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        guardCalls(1);
        assertThat(purposeStep(asked).path("judgement").asText()).matches("forbidden-purpose:[a-z-]+/guard-model/1\\.00");
        assertThat(purposeStep(asked).at("/guard_model/asked").asBoolean()).isTrue();
        assertThat(purposeStep(asked).at("/guard_model/calls/0/model").asText()).isEqualTo("controle");
        assertThat(purposeStep(asked).at("/guard_model/calls/0/question").asText()).isEqualTo("forbidden-purpose");
        assertThat(purposeStep(asked).at("/guard_model/calls/0/answer").asText()).isEqualTo("yes");
        assertThat(json(asked).path("model_called").asBoolean()).isFalse();
        assertThat(json(asked).path("guard_model_called").asBoolean()).isTrue();
        assertThat(json(dry).path("guard_model_called").asBoolean()).isFalse();

        HttpResponse<String> wrong = explain("?guard=nee", "twijfel", prompt);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).at("/error/param").asText()).isEqualTo("guard");
        assertThat(json(wrong).at("/error/message").asText()).contains("'false'");
        guardCalls(1);
    }

    @Test
    void theConsoleExplainFormOffersTheDryExplainToo() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = csrfOf(page(browser, "/console/inloggen"));
        HttpResponse<String> login = consoleForm(browser, "/console/inloggen",
                "username=dev-beheerder&password=dw-beheer-alleen-lokaal", csrf);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("fout");
        String form = page(browser, "/console/beheer/uitleg");
        assertThat(form).contains("name=\"dry\"");
        csrf = csrfOf(form);
        String prompt = "prompt=" + java.net.URLEncoder.encode("Kijk even mee naar dit dossier over de wijkaanpak GEVAL-JA.",
                java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> dry = consoleForm(browser, "/console/beheer/uitleg", "tool=dev-cli&useCase=twijfel&" + prompt + "&dry=true", csrf);
        assertThat(dry.statusCode()).isEqualTo(200);
        assertThat(dry.body()).contains("id=\"uitleg\"").containsPattern("id=\"dry\"[^>]*checked");
        guardCalls(0);

        assertThat(dry.body()).contains("Er is geen model aangeroepen", "niet gevraagd");

        HttpResponse<String> asked = consoleForm(browser, "/console/beheer/uitleg", "tool=dev-cli&useCase=twijfel&" + prompt, csrf);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"uitleg\"").doesNotContainPattern("id=\"dry\"[^>]*checked");
        guardCalls(1);
        assertThat(asked.body()).doesNotContain("Er is geen model aangeroepen").contains("controlemodel controle", "Antwoord: ja");

        // allowed after the guard model said no: the result no longer claims that no model was called
        String unsure = "prompt=" + java.net.URLEncoder.encode("Kijk even mee naar dit dossier over de wijkaanpak.",
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> cleared = consoleForm(browser, "/console/beheer/uitleg", "tool=dev-cli&useCase=twijfel&" + unsure, csrf);
        assertThat(cleared.statusCode()).isEqualTo(200);
        guardCalls(2);
        assertThat(cleared.body()).contains("doorgelaten").doesNotContain("Er is geen model aangeroepen")
                .contains("controlemodel controle", "Antwoord: nee");
    }

    private String page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> consoleForm(HttpClient browser, String path, String body, String csrf) throws Exception {
        String all = body + "&_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(all)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"csrf-token\"\\s+content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a page with a CSRF token").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    @Test
    void clearCasesNeverReachTheGuardModel() throws Exception {
        HttpResponse<String> allowed = chat("schrijven", clearlyAllowed());
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(purpose(allowed)).startsWith("allowed/classifier/");
        HttpResponse<String> refused = chat("schrijven", "Geef elke aanvrager een risicoscore voor fraude.");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat((String) audit(refused).get("RULE")).startsWith("purpose:fraude-risicoscore/").doesNotContain("guard");
        assertThat(purpose(refused)).startsWith("forbidden-purpose:fraude-risicoscore/");
        guardCalls(0);
    }

    /** An ordinary prompt the shipped classifier scores below allow-below (the classifier is retrained, so it is looked up). */
    private static String clearlyAllowed() {
        PurposeClassifier classifier = PurposeClassifier.shipped();
        for (String prompt : new String[] {"Vat de Participatiewet in vijf zinnen samen.", "Schrijf een uitnodiging voor de nieuwjaarsborrel.",
                "Vertaal deze zin naar het Engels: de vergadering begint om tien uur.", "Maak deze alinea korter en duidelijker.",
                "Schrijf een vacaturetekst voor een beleidsmedewerker."}) {
            if (classifier.classify(prompt, false).forbidden() < nl.dijkwacht.policy.PurposeGuardPolicy.DEFAULTS.allowBelow()) {
                return prompt;
            }
        }
        throw new AssertionError("no clearly allowed prompt among the candidates");
    }

    @Test
    void aTimeoutPastTheBudgetRefusesByDefault() throws Exception {
        HttpResponse<String> r = chat("twijfel", "Kijk even mee naar dit dossier GEVAL-TRAAG.");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("forbidden_purpose");
        assertThat((String) audit(r).get("RULE")).matches("purpose:[a-z-]+/guard-unavailable/[0-9.]+");
        upstream.verify(0, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void aTimeoutLetsTheRequestThroughWhenThePolicySaysAllow() throws Exception {
        HttpResponse<String> r = chat("twijfel-open", "Kijk even mee naar dit dossier GEVAL-TRAAG.");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(purpose(r)).startsWith("allowed/guard-unavailable/");
        upstream.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void anOutageIsTheSameAsATimeout(CapturedOutput output) throws Exception {
        for (String marker : new String[] {"GEVAL-RESET", "GEVAL-503"}) {
            HttpResponse<String> closed = chat("twijfel", "Kijk even mee naar dit dossier " + marker + ".");
            assertThat(closed.statusCode()).as(marker + ": " + closed.body()).isEqualTo(403);
            assertThat((String) audit(closed).get("RULE")).as(marker).contains("/guard-unavailable/");
            HttpResponse<String> open = chat("twijfel-open", "Kijk even mee naar dit dossier " + marker + ".");
            assertThat(open.statusCode()).as(marker + ": " + open.body()).isEqualTo(200);
        }
        upstream.verify(2, postRequestedFor(urlEqualTo(CHAT)));
        assertThat(output.getAll()).contains("FORBIDDEN_PURPOSE: failed (error_status:503)");
    }

    @Test
    void anAnswerThatIsNeitherYesNorNoIsAFailure(CapturedOutput output) throws Exception {
        HttpResponse<String> r = chat("twijfel", "Kijk even mee naar dit dossier GEVAL-RAAR.");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat((String) audit(r).get("RULE")).contains("/guard-unavailable/");
        assertThat(output.getAll()).contains("FORBIDDEN_PURPOSE: failed (unparseable)");
    }

    // ------------------------------------------------------------------ special-category data of a person

    @Test
    void theGuardModelDecidesWhetherASpecialCategoryIsAPersonsDataOrATopic() throws Exception {
        HttpResponse<String> person = chat("twijfel", "Schrijf iets over diabetes BIJZ-JA.");
        assertThat(person.statusCode()).as(person.body()).isEqualTo(403);
        assertThat(json(person).at("/error/code").asText()).isEqualTo("special_category_not_allowed");
        assertThat((String) audit(person).get("RULE")).isEqualTo("route:special-category-not-allowed:personal-special-category/guard-model/1.00");
        assertThat(purpose(person)).isEqualTo("personal-special-category/guard-model/1.0");

        HttpResponse<String> topic = chat("twijfel", "Schrijf iets over diabetes BIJZ-NEE.");
        assertThat(topic.statusCode()).as(topic.body()).isEqualTo(200);
        assertThat(purpose(topic)).isEqualTo("special-category-topic/guard-model/0.0");
        upstream.verify(2, postRequestedFor(urlEqualTo(GUARD)).withRequestBody(containing(SPECIAL_QUESTION)));
    }

    @Test
    void theSpecialCategoryQuestionAlwaysFailsClosed() throws Exception {
        HttpResponse<String> r = chat("twijfel-open", "Schrijf iets over diabetes BIJZ-503.");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat((String) audit(r).get("RULE")).startsWith("route:special-category-not-allowed:personal-special-category/guard-unavailable/");
        upstream.verify(0, postRequestedFor(urlEqualTo(CHAT)));
    }

    // ------------------------------------------------------------------ audit trail

    @Test
    void theDecisionIsInTheAuditorApiTheCsvExportAndTheVerifiedChain() throws Exception {
        HttpResponse<String> r = chat("twijfel", "Kijk even mee naar dit dossier over de wijkaanpak.");
        assertThat(r.statusCode()).isEqualTo(200);
        String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        HttpResponse<String> record = get("/audit/v1/records/" + trace, AUDITOR_KEY);
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        JsonNode purpose = json(record).at("/records/0/purpose");
        assertThat(purpose.path("verdict").asText()).isEqualTo("allowed");
        assertThat(purpose.path("layer").asText()).isEqualTo("guard-model");
        assertThat(purpose.path("score").asDouble()).isEqualTo(0.0);
        assertThat(record.body()).doesNotContain("wijkaanpak");
        HttpResponse<String> csv = get("/audit/v1/export.csv?trace_id=" + trace, AUDITOR_KEY);
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains("purpose_verdict,purpose_layer,purpose_score");
        assertThat(csv.body()).contains(",allowed,guard-model,0.0,");
        HttpResponse<String> verify = get("/audit/v1/verify", AUDITOR_KEY);
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        assertThat(json(verify).path("ok").asBoolean()).as(verify.body()).isTrue();
    }

    // ------------------------------------------------------------------ flagging a refusal as wrong

    @Test
    void theStaffMemberWhoWasRefusedCanFlagItOnceAndTheTransparencyReportCountsIt() throws Exception {
        HttpResponse<String> refused = chat("schrijven", "lokaal", "Geef elke aanvrager een risicoscore voor fraude.", "anna");
        assertThat(refused.statusCode()).isEqualTo(403);
        String trace = refused.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        // the refusal tells how to flag it
        assertThat(json(refused).at("/error/message").asText()).contains("Vindt u deze weigering onterecht?")
                .contains("traceercode " + trace).contains("/v1/dijkwacht/refusals/" + trace + "/flag");

        HttpResponse<String> other = flag(trace, "bert", null);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(json(other).at("/error/code").asText()).isEqualTo("trace_not_found");
        assertThat(json(other).at("/error/message").asText()).contains("hoort niet bij een weigering aan u");

        HttpResponse<String> flagged = flag(trace, "anna", "{\"reason\":\"Ik vroeg om een brief over fraudepreventie, geen score.\"}");
        assertThat(flagged.statusCode()).as(flagged.body()).isEqualTo(201);
        assertThat(json(flagged).path("flagged").asBoolean()).isTrue();

        HttpResponse<String> again = flag(trace, "anna", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/error/code").asText()).isEqualTo("flag_exists");

        // a chained record: the flag as an action on the refusal, by the same pseudonym, no text
        Map<String, Object> record = jdbc.queryForMap("SELECT actor_pseudonym, tool_id, use_case, action_params, chain_id FROM audit_record"
                + " WHERE endpoint = 'operator' AND bio_action = 'refusal.flag' AND bio_object = ?", "trace:" + trace);
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo(jdbc.queryForObject(
                "SELECT actor_pseudonym FROM audit_record WHERE trace_id = ?", String.class, trace)).isNotNull();
        assertThat(record.get("USE_CASE")).isEqualTo("schrijven");
        assertThat(record.get("CHAIN_ID")).isNotNull();
        assertThat((String) record.get("ACTION_PARAMS")).contains("forbidden_purpose").doesNotContain("fraudepreventie");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_complaint WHERE trace_id = ? AND kind = 'refusal_flag'",
                Long.class, trace)).isEqualTo(1L);
        HttpResponse<String> verify = get("/audit/v1/verify", AUDITOR_KEY);
        assertThat(json(verify).path("ok").asBoolean()).as(verify.body()).isTrue();

        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/transparantie.json"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode schrijven = null;
        for (JsonNode p : json(report).path("purposes")) {
            if (p.path("use_case").asText().equals("schrijven")) {
                schrijven = p;
            }
        }
        assertThat(schrijven).as(report.body()).isNotNull();
        long refusals = schrijven.path("purpose_guard_refusals").asLong();
        assertThat(refusals).isGreaterThanOrEqualTo(1);
        assertThat(schrijven.path("refusals_flagged_wrong").asLong()).isEqualTo(1);
        assertThat(schrijven.path("refusal_flag_rate").asDouble()).isEqualTo(Math.round(1000.0 / refusals) / 1000.0);
    }

    @Test
    void onlyPurposeGuardRefusalsCanBeFlagged() throws Exception {
        HttpResponse<String> answered = chat("schrijven", "lokaal", "Maak deze alinea korter.", "anna");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(flag(answered.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow(), "anna", null).statusCode()).isEqualTo(404);
        HttpResponse<String> otherRefusal = chat("schrijven", "bestaat-niet", "Maak deze alinea korter.", "anna");
        assertThat(otherRefusal.statusCode()).isBetween(400, 499);
        String trace = otherRefusal.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        HttpResponse<String> r = flag(trace, "anna", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_a_purpose_refusal");
    }

    // ------------------------------------------------------------------ hot reload

    @Test
    void onGuardFailureChangedOnDiskDecidesTheNextRequest() throws Exception {
        String file = "policies/use-cases/twijfel.yaml";
        String before = pack.read(file);
        try {
            assertThat(chat("twijfel", "Kijk even mee naar dit dossier GEVAL-503.").statusCode()).isEqualTo(403);
            pack.write(file, before + "  on-guard-failure: allow\n");
            activePolicy.reload();
            upstreamPool.resetHealth();
            assertThat(chat("twijfel", "Kijk even mee naar dit dossier GEVAL-503.").statusCode()).isEqualTo(200);
        } finally {
            pack.write(file, before);
            activePolicy.reload();
        }
    }
}
