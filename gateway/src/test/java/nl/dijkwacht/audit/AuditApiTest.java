package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit trail end to end through the running gateway (dry-run model, in-memory H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {

    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("dw-audit-api");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:audit-api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.data-dir", () -> dataDir.toString());
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.limits.requests-per-minute", () -> "100000");
        TestIssuer.get().register(registry);
    }

    /** The staff member as the default pack's tool must name them: a verified access token (dev-cli is not trusted with headers). */
    private static String[] staff(String user, String department) {
        return new String[] {"X-Dijkwacht-User-Token", TestIssuer.get().staffToken(user, department)};
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    GatewayClient client;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        client = new GatewayClient(port);
    }

    private String chat(String text, String useCase, String... headers) {
        List<String> h = new ArrayList<>(List.of(staff("medewerker-42", "Burgerzaken")));
        if (useCase != null) {
            h.addAll(List.of("X-Dijkwacht-Use-Case", useCase));
        }
        h.addAll(List.of(headers));
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody(text, false),
                h.toArray(String[]::new));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    private JsonNode trace(String traceId) {
        HttpResponse<String> r = client.get("/audit/v1/records/" + traceId, GatewayClient.AUDITOR_KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return client.json(r);
    }

    @Test
    void aRecordShowsModelPolicySourcesTemplateAndKeyedHashes() throws Exception {
        String prompt = "Vat de regeling samen voor het team.";
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                """
                {"model":"dry-run","messages":[{"role":"user","content":"%s"}],
                 "metadata":{"dw_prompt_template":"samenvatting@4","dw_sources":"[\\"rag:chunk-sha256:abc\\"]"}}
                """.formatted(prompt),
                "X-Dijkwacht-User-Token", TestIssuer.get().staffToken("medewerker-42", "Burgerzaken"),
                "X-Dijkwacht-Sources", "doc:beleidsregel-12@v3, https://intranet.gemeente.nl/regeling/7");
        assertThat(r.statusCode()).isEqualTo(200);
        String traceId = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        String answer = client.json(r).path("choices").path(0).path("message").path("content").asText();

        JsonNode view = trace(traceId);
        JsonNode rec = view.path("records").path(0);
        assertThat(rec.path("action").asText()).isEqualTo("chat.completions");
        assertThat(rec.path("object").asText()).isEqualTo("model:dry-run");
        assertThat(rec.path("result").asText()).isEqualTo("success");
        assertThat(rec.path("origin").asText()).isEqualTo("tool:dev-cli+oidc:" + TestIssuer.ID);
        assertThat(rec.path("actor").asText()).startsWith("p-").doesNotContain("medewerker");
        assertThat(rec.path("department").asText()).isEqualTo("Burgerzaken");
        assertThat(rec.path("model").asText()).isEqualTo("dry-run");
        assertThat(rec.path("hosting").asText()).isNotBlank();
        assertThat(rec.path("policy_version").asText()).isEqualTo(r.headers().firstValue("X-Dijkwacht-Policy-Version").orElseThrow());
        assertThat(rec.path("prompt_template").asText()).isEqualTo("samenvatting@4");
        assertThat(rec.path("sources")).extracting(JsonNode::toString).asString()
                .contains("doc:beleidsregel-12@v3", "https://intranet.gemeente.nl/regeling/7", "rag:chunk-sha256:abc");
        assertThat(rec.path("prompt_tokens").asInt()).isPositive();
        assertThat(rec.path("hash_key_id").asText()).isEqualTo("k1");
        assertThat(rec.path("prompt_hmac").asText()).hasSize(64);
        assertThat(rec.path("answer_hmac").asText()).hasSize(64);
        assertThat(rec.path("chain").path("record_hash").asText()).hasSize(64);
        assertThat(view.path("content").isNull()).isTrue(); // algemene-vragen keeps no content

        // a text can be proven to match without having been stored
        assertThat(hashCheck(traceId, "prompt", prompt)).isTrue();
        assertThat(hashCheck(traceId, "prompt", prompt + " ")).isFalse();
        assertThat(hashCheck(traceId, "answer", answer)).isTrue();
        // the stored record holds neither text
        assertThat(client.get("/audit/v1/records/" + traceId, GatewayClient.AUDITOR_KEY).body()).doesNotContain("regeling samen");
    }

    private boolean hashCheck(String traceId, String kind, String text) throws Exception {
        var body = json.createObjectNode().put("trace_id", traceId).put("kind", kind).put("text", text);
        HttpResponse<String> r = client.post("/audit/v1/hash-check", GatewayClient.AUDITOR_KEY, json.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return client.json(r).path("matches").asBoolean();
    }

    @Test
    void streamedAnswersAreHashedAsDelivered() throws Exception {
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY,
                client.chatBody("Schrijf een korte groet.", true), "X-Dijkwacht-User", "m-1");
        assertThat(r.statusCode()).isEqualTo(200);
        String traceId = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        StringBuilder delivered = new StringBuilder();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonNode chunk = json.readTree(line.substring(6));
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual()) {
                    delivered.append(content.asText());
                }
            }
        }
        assertThat(r.body()).contains("data: [DONE]");
        JsonNode rec = trace(traceId).path("records").path(0);
        assertThat(rec.path("streamed").asBoolean()).isTrue();
        assertThat(hashCheck(traceId, "answer", delivered.toString())).isTrue();
    }

    @Test
    void refusalsAreRecordedToo() {
        HttpResponse<String> r = client.post("/v1/chat/completions", "onbekende-sleutel", client.chatBody("hoi", false));
        assertThat(r.statusCode()).isEqualTo(401);
        // a failed authentication is counted per source and minute (auth-failures), not chained one by one
        String unauthenticated = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(client.get("/audit/v1/records/" + unauthenticated, GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(404);
        // a refusal of a known tool is a chained record
        HttpResponse<String> refused = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("hoi", false),
                "X-Dijkwacht-Use-Case", "bestaat-niet");
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode rec = trace(refused.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).path("records").path(0);
        assertThat(rec.path("decision").asText()).isEqualTo("refused");
        assertThat(rec.path("result").asText()).isEqualTo("refused");
        assertThat(rec.path("origin").asText()).startsWith("tool:");
        assertThat(rec.path("error_code").asText()).isEqualTo("use_case_unknown");
        assertThat(rec.path("http_status").asInt()).isEqualTo(403);
    }

    @Test
    void useCasesThatKeepContentKeepItRedacted() {
        String traceId = chat("Stel een brief op voor de inwoner met BSN 111222333 en e-mail jan@example.nl.", "brieven-opstellen");
        JsonNode view = trace(traceId);
        JsonNode rec = view.path("records").path(0);
        assertThat(rec.path("content_retained").asBoolean()).isTrue();
        assertThat(rec.path("review_required").asBoolean()).isTrue();
        assertThat(rec.path("entity_counts").path("BSN").asInt()).isEqualTo(1);
        assertThat(view.path("content").path("redacted_prompt").asText()).isNotBlank()
                .doesNotContain("111222333").doesNotContain("jan@example.nl");
        assertThat(view.path("content").path("redacted_answer").asText()).isNotBlank()
                .doesNotContain("111222333").doesNotContain("jan@example.nl");
        assertThat(view.path("content").path("expires_at").asText()).isNotBlank();
    }

    /** Issue #9: disguised values (separators, full-width digits, zero-width characters, NUL, written-out '@'). */
    @Test
    void disguisedPersonalDataReachesNeitherTheModelNorTheStore() {
        String prompt = "Brief aan BSN 111-222-333, ook bekend als １１１２２２３３３ en 111\u200B222\u0000333; "
                + "mail jan.jansen＠example.nl of jan.jansen(at)example.nl of jan.jansen\u200B@example.nl.";
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody(prompt, false),
                "X-Dijkwacht-Use-Case", "brieven-opstellen");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String sent = client.json(r).at("/choices/0/message/content").asText(); // dry-run: what a model would get
        String traceId = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        JsonNode view = trace(traceId);
        assertThat(view.path("records").path(0).path("entity_counts").path("BSN").asInt()).isEqualTo(3);
        assertThat(view.path("records").path(0).path("entity_counts").path("EMAIL").asInt()).isEqualTo(3);
        for (String kept : List.of(sent, view.path("content").path("redacted_prompt").asText(),
                view.path("content").path("redacted_answer").asText())) {
            String compact = new nl.dijkwacht.pii.normalize.TextNormalizer().normalize(kept).text()
                    .replaceAll("[\\s.\\-_]", "");
            assertThat(compact).isNotBlank().doesNotContain("111222333").doesNotContain("jansen@example")
                    .doesNotContain("jansen(at)example");
        }
    }

    @Test
    void humanOversightAndComplaintsAttachToTheTrace() throws Exception {
        String accepted = chat("Concept brief 1", "brieven-opstellen");
        String edited = chat("Concept brief 2", "brieven-opstellen");
        String waiting = chat("Concept brief 3", "brieven-opstellen");

        assertThat(client.post("/v1/dijkwacht/reviews", GatewayClient.TOOL_KEY,
                "{\"trace_id\":\"%s\",\"outcome\":\"accepted\",\"reviewer\":\"medewerker-7\",\"final_text\":\"Geachte heer,\"}".formatted(accepted))
                .statusCode()).isEqualTo(201);
        assertThat(client.post("/v1/dijkwacht/reviews", GatewayClient.TOOL_KEY,
                "{\"trace_id\":\"%s\",\"outcome\":\"edited\",\"reviewer\":\"medewerker-7\",\"final_text_sha256\":\"%s\"}".formatted(edited, "c".repeat(64)))
                .statusCode()).isEqualTo(201);
        assertThat(client.post("/v1/dijkwacht/reviews", GatewayClient.TOOL_KEY,
                "{\"trace_id\":\"%s\",\"outcome\":\"accepted\"}".formatted(accepted)).statusCode()).isEqualTo(409);
        assertThat(client.post("/v1/dijkwacht/reviews", GatewayClient.TOOL_KEY,
                "{\"trace_id\":\"bestaat-niet\",\"outcome\":\"accepted\"}").statusCode()).isEqualTo(404);
        assertThat(client.post("/v1/dijkwacht/reviews", "verkeerde-sleutel",
                "{\"trace_id\":\"%s\",\"outcome\":\"accepted\"}".formatted(waiting)).statusCode()).isEqualTo(401);

        JsonNode stats = client.json(client.get("/audit/v1/oversight", GatewayClient.AUDITOR_KEY)).path("data");
        JsonNode letters = null;
        for (JsonNode s : stats) {
            if ("brieven-opstellen".equals(s.path("use_case").asText())) {
                letters = s;
            }
        }
        assertThat(letters).isNotNull();
        assertThat(letters.path("review_required").asBoolean()).isTrue();
        assertThat(letters.path("reviewed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(letters.path("accepted_unchanged").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(letters.path("accepted_unchanged_share").asDouble()).isBetween(0.0, 1.0);
        String unreviewed = client.get("/audit/v1/oversight/unreviewed?use_case=brieven-opstellen&limit=1000", GatewayClient.AUDITOR_KEY).body();
        assertThat(unreviewed).contains(waiting).doesNotContain(accepted).doesNotContain(edited);

        assertThat(client.post("/v1/dijkwacht/feedback", GatewayClient.TOOL_KEY,
                "{\"trace_id\":\"%s\",\"description\":\"Het adres in de brief klopt niet (BSN 111222333)\"}".formatted(waiting))
                .statusCode()).isEqualTo(201);
        assertThat(client.post("/audit/v1/complaints", GatewayClient.AUDITOR_KEY,
                "{\"trace_id\":\"%s\",\"kind\":\"objection\",\"reference\":\"Z-2026-0042\",\"summary\":\"Inwoner maakt bezwaar tegen gebruik AI\"}".formatted(waiting))
                .statusCode()).isEqualTo(201);
        JsonNode view = trace(waiting);
        assertThat(view.path("complaints")).hasSize(2);
        assertThat(view.path("complaints").toString()).contains("error_report", "objection", "Z-2026-0042").doesNotContain("111222333");
        assertThat(trace(accepted).path("review").path("outcome").asText()).isEqualTo("accepted");
        assertThat(trace(accepted).path("review").path("final_text_hash").asText()).hasSize(64);

        // reviews and complaints carry a keyed row MAC: verify finds an edited one
        JsonNode before = client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
        assertThat(before.path("reviews_and_complaints").path("ok").asBoolean()).as(before.toString()).isTrue();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("UPDATE audit_review SET outcome = 'edited' WHERE trace_id = ?")) {
            ps.setString(1, accepted);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode after = client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
        assertThat(after.path("ok").asBoolean()).isFalse();
        assertThat(after.path("reviews_and_complaints").path("problem").asText()).contains(accepted);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("UPDATE audit_review SET outcome = 'accepted' WHERE trace_id = ?")) {
            ps.setString(1, accepted);
            ps.executeUpdate();
        }
        assertThat(client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY)).path("ok").asBoolean()).isTrue();
    }

    @Test
    void auditorSearchesPagesExportsAndAggregates() throws Exception {
        String marker = "Afdeling-" + UUID.randomUUID().toString().substring(0, 8);
        String[] searched = staff("zoek-gebruiker", marker);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("vraag " + i, false),
                    searched);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        JsonNode page0 = client.json(client.get("/audit/v1/records?department=" + marker + "&size=2", GatewayClient.AUDITOR_KEY));
        assertThat(page0.path("data")).hasSize(2);
        assertThat(page0.path("has_more").asBoolean()).isTrue();
        JsonNode page2 = client.json(client.get("/audit/v1/records?department=" + marker + "&size=2&page=2", GatewayClient.AUDITOR_KEY));
        assertThat(page2.path("data")).hasSize(1);
        assertThat(page2.path("has_more").asBoolean()).isFalse();
        assertThat(client.json(client.get("/audit/v1/records?user=zoek-gebruiker&decision=allowed&model=dry-run&tool=dev-cli&use_case=algemene-vragen&from=2020-01-01",
                GatewayClient.AUDITOR_KEY)).path("data")).hasSize(5);
        assertThat(client.json(client.get("/audit/v1/records?user=iemand-anders", GatewayClient.AUDITOR_KEY)).path("data")).isEmpty();

        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Mail naar piet@example.nl", false),
                staff("iemand", marker + "-pii")).statusCode()).isEqualTo(200);
        assertThat(client.json(client.get("/audit/v1/records?entity_type=EMAIL&department=" + marker + "-pii", GatewayClient.AUDITOR_KEY))
                .path("data")).hasSize(1);

        HttpResponse<String> csv = client.get("/audit/v1/export.csv?department=" + marker, GatewayClient.AUDITOR_KEY);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().split("\r\n")).hasSize(6);
        assertThat(csv.body()).startsWith("trace_id,occurred_at,action,object,result,origin,actor");
        JsonNode export = client.json(client.get("/audit/v1/export.json?department=" + marker, GatewayClient.AUDITOR_KEY));
        assertThat(export.path("count").asInt()).isEqualTo(5);
        assertThat(export.path("data")).hasSize(5);

        JsonNode agg = client.json(client.get("/audit/v1/aggregates?period=month&by=department&department=" + marker, GatewayClient.AUDITOR_KEY));
        assertThat(agg.path("data")).hasSize(1);
        assertThat(agg.path("data").path(0).path("requests").asInt()).isEqualTo(5);
        assertThat(agg.path("data").path(0).has("energy_wh")).isTrue();
        assertThat(client.get("/audit/v1/aggregates?by=password", GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void auditWriteTimeIsAMetric() {
        chat("meten", null);
        String metrics = new GatewayClient(managementPort).get("/actuator/metrics/dijkwacht.audit.write", null).body();
        assertThat(metrics).contains("dijkwacht.audit.write", "COUNT");
    }

    @Test
    void auditorEndpointsNeedTheAuditorRole() {
        assertThat(client.get("/audit/v1/records", null).statusCode()).isEqualTo(401);
        assertThat(client.get("/audit/v1/records", GatewayClient.TOOL_KEY).statusCode()).isEqualTo(401);
        assertThat(client.get("/audit/v1/records", GatewayClient.ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(client.get("/audit/v1/export.csv", GatewayClient.ADMIN_KEY).statusCode()).isEqualTo(403);
        // separation of duties: an admin may not run retention (it deletes records), nor read the trail
        assertThat(client.post("/audit/v1/retention/run", GatewayClient.ADMIN_KEY, "{}").statusCode()).isEqualTo(403);
        assertThat(client.get("/admin/policy", GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(403);
        JsonNode error = client.json(client.get("/audit/v1/records", null));
        assertThat(error.path("error").path("code").asText()).isEqualTo("missing_api_key");
    }

    @Test
    void verificationNeverReassuresAboutNothing() {
        chat("iets", null);
        HttpResponse<String> typo = client.get("/audit/v1/verify?chain=mian", GatewayClient.AUDITOR_KEY);
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(client.json(typo).path("error").path("code").asText()).isEqualTo("chain_not_found");
        assertThat(client.json(typo).path("error").path("message").asText()).contains("mian", "main");

        JsonNode head = client.json(client.get("/audit/v1/chain/head", GatewayClient.AUDITOR_KEY));
        for (String query : List.of("chain=main&anchor_hash=" + head.path("hash").asText(), "chain=main&anchor_seq=" + head.path("seq").asLong(),
                "chain=main&anchor_seq=abc&anchor_hash=" + head.path("hash").asText(), "anchor_seq=1&anchor_hash=" + head.path("hash").asText())) {
            HttpResponse<String> r = client.get("/audit/v1/verify?" + query, GatewayClient.AUDITOR_KEY);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            JsonNode error = client.json(r).path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asText()).as(query).doesNotContain("Exception").doesNotContain("For input string")
                    .containsAnyOf("anchor", "anker", "keten");
        }
        // in Dutch, saying what to send instead
        assertThat(client.json(client.get("/audit/v1/verify?chain=main&anchor_seq=abc&anchor_hash=" + head.path("hash").asText(),
                GatewayClient.AUDITOR_KEY)).at("/error/message").asText())
                .isEqualTo("anchor_seq moet een geheel getal zijn (het volgnummer uit /audit/v1/chain/head).");
        assertThat(client.json(client.get("/audit/v1/verify?chain=main&anchor_hash=" + head.path("hash").asText(),
                GatewayClient.AUDITOR_KEY)).at("/error/message").asText())
                .isEqualTo("Een anker bestaat uit anchor_seq én anchor_hash (uit /audit/v1/chain/head); geef beide of geen van beide.");
        JsonNode wrongAnchor = client.json(client.get("/audit/v1/verify?chain=main&anchor_seq=" + head.path("seq").asLong()
                + "&anchor_hash=" + "0".repeat(64), GatewayClient.AUDITOR_KEY));
        assertThat(wrongAnchor.path("ok").asBoolean()).isFalse();
        assertThat(wrongAnchor.path("chains").path(0).path("problem").path("kind").asText()).isEqualTo("anchor_mismatch");
    }

    @Test
    void keysetPagesWalkTheWholeResultWithoutGapsOrRepeats() {
        String marker = "Keyset-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("vraag " + i, false),
                    staff("keyset-" + i, marker));
            sent.add(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = client.json(client.get("/audit/v1/records?department=" + marker + "&size=3"
                    + (after == null ? "" : "&after=" + after), GatewayClient.AUDITOR_KEY));
            page.path("data").forEach(r -> seen.add(r.path("trace_id").asText()));
            after = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            assertThat(page.path("has_more").asBoolean()).isEqualTo(after != null);
        } while (after != null);
        assertThat(seen).containsExactlyElementsOf(sent.reversed());
        assertThat(client.get("/audit/v1/records?after=nonsens", GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void aComplaintIsHandledThroughTheApi() {
        String traceId = chat("klacht", null);
        HttpResponse<String> created = client.post("/audit/v1/complaints", GatewayClient.AUDITOR_KEY,
                "{\"trace_id\":\"%s\",\"kind\":\"objection\",\"reference\":\"Z-1\"}".formatted(traceId));
        long id = client.json(created).path("id").asLong();
        assertThat(client.json(client.get("/audit/v1/complaints?status=open", GatewayClient.AUDITOR_KEY)).toString()).contains(traceId);
        assertThat(client.post("/audit/v1/complaints/" + id + "/outcome", GatewayClient.AUDITOR_KEY,
                "{\"status\":\"in_progress\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> upheld = client.post("/audit/v1/complaints/" + id + "/outcome", GatewayClient.AUDITOR_KEY,
                "{\"status\":\"upheld\",\"explanation\":\"Brief aangepast; mail jan@example.nl\"}");
        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(201);
        assertThat(upheld.body()).doesNotContain("jan@example.nl");
        assertThat(client.post("/audit/v1/complaints/" + id + "/outcome", GatewayClient.AUDITOR_KEY,
                "{\"status\":\"rejected\"}").statusCode()).isEqualTo(400);
        assertThat(client.post("/audit/v1/complaints/999999/outcome", GatewayClient.AUDITOR_KEY,
                "{\"status\":\"upheld\"}").statusCode()).isEqualTo(404);
        JsonNode complaint = trace(traceId).path("complaints").path(0);
        assertThat(complaint.path("status").asText()).isEqualTo("upheld");
        assertThat(complaint.path("outcomes")).hasSize(2);
        assertThat(client.json(client.get("/audit/v1/complaints?status=unresolved", GatewayClient.AUDITOR_KEY)).toString()).doesNotContain(traceId);
        assertThat(client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY)).path("ok").asBoolean()).isTrue();
    }

    @Test
    void verifyHoldsAndRetentionThroughTheApi() throws Exception {
        String traceId = chat("iets", null);
        JsonNode verify = client.json(client.get("/audit/v1/verify", GatewayClient.AUDITOR_KEY));
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
        JsonNode head = client.json(client.get("/audit/v1/chain/head", GatewayClient.AUDITOR_KEY));
        assertThat(head.path("seq").asLong()).isPositive();
        JsonNode anchored = client.json(client.get("/audit/v1/verify?chain=main&anchor_seq=" + head.path("seq").asLong()
                + "&anchor_hash=" + head.path("hash").asText(), GatewayClient.AUDITOR_KEY));
        assertThat(anchored.path("ok").asBoolean()).as(anchored.toString()).isTrue();
        // resume after the last link of that verification: only the links written since are walked
        JsonNode last = anchored.path("chains").path(0);
        chat("nog iets", null);
        JsonNode resumed = client.json(client.get("/audit/v1/verify?chain=main&from_seq=" + last.path("last_seq").asLong()
                + "&from_hash=" + last.path("last_hash").asText(), GatewayClient.AUDITOR_KEY));
        assertThat(resumed.path("ok").asBoolean()).as(resumed.toString()).isTrue();
        assertThat(resumed.path("chains").path(0).path("resumed_from").asLong()).isEqualTo(last.path("last_seq").asLong());
        assertThat(resumed.path("chains").path(0).path("records_checked").asLong()).as(resumed.toString()).isPositive()
                .isEqualTo(resumed.path("chains").path(0).path("last_seq").asLong() - last.path("last_seq").asLong());
        HttpResponse<String> halfResume = client.get("/audit/v1/verify?chain=main&from_seq=" + last.path("last_seq").asLong(),
                GatewayClient.AUDITOR_KEY);
        assertThat(halfResume.statusCode()).isEqualTo(400);
        assertThat(client.json(halfResume).path("error").path("message").asText()).contains("from_seq én from_hash");

        HttpResponse<String> hold = client.post("/audit/v1/holds", GatewayClient.AUDITOR_KEY,
                "{\"trace_id\":\"%s\",\"reason\":\"WOO-verzoek 2026-17\"}".formatted(traceId));
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        long holdId = client.json(hold).path("id").asLong();
        assertThat(client.json(hold).path("actor_pseudonym").isNull()).as(hold.body()).isTrue();
        assertThat(client.post("/audit/v1/holds", GatewayClient.AUDITOR_KEY, "{\"reason\":\"geen bereik\"}").statusCode()).isEqualTo(400);
        assertThat(trace(traceId).path("legal_holds").toString()).contains(Long.toString(holdId));
        HttpResponse<String> userHold = client.post("/audit/v1/holds", GatewayClient.AUDITOR_KEY,
                "{\"user\":\"medewerker-42\",\"reason\":\"klacht\"}");
        assertThat(client.json(userHold).path("actor_pseudonym").asText()).startsWith("p-");
        assertThat(client.get("/audit/v1/holds", GatewayClient.AUDITOR_KEY).body()).contains("WOO-verzoek 2026-17");
        assertThat(client.delete("/audit/v1/holds/" + holdId, GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(200);
        assertThat(client.delete("/audit/v1/holds/" + holdId, GatewayClient.AUDITOR_KEY).statusCode()).isEqualTo(404);

        HttpResponse<String> run = client.post("/audit/v1/retention/run", GatewayClient.AUDITOR_KEY, "{}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(client.json(run).has("records_deleted")).isTrue();
        assertThat(client.get("/audit/v1/retention/runs", GatewayClient.AUDITOR_KEY).body()).contains("operator:dev-auditor");
    }

    @Test
    void publicTransparencyReportAndAlgoritmeregister() {
        chat("hallo", null);
        HttpResponse<String> report = client.get("/transparantie.json", null);
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode body = client.json(report);
        assertThat(body.path("models").toString()).contains("dry-run");
        assertThat(body.path("purposes").toString()).contains("brieven-opstellen", "algemene-vragen");
        assertThat(body.path("months")).isNotEmpty();
        assertThat(body.path("months").path(0).has("refused_share")).isTrue();
        assertThat(body.path("months").path(0).has("energy_wh")).isTrue();
        assertThat(report.body()).doesNotContain("Burgerzaken").doesNotContain("p-");

        HttpResponse<String> html = client.get("/transparantie", null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<table class=\"utrecht-table", "dry-run", "Gebruik per maand");

        JsonNode entry = client.json(client.get("/transparantie/algoritmeregister/brieven-opstellen.json", null));
        for (String field : List.of("name", "organization", "description_short", "status", "goal", "human_intervention",
                "risk_management", "lawful_basis", "impacttoetsen", "source_data", "methods_and_models", "provider")) {
            assertThat(entry.has(field)).as(field).isTrue();
        }
        assertThat(entry.path("standard_version").asText()).isEqualTo("1.0");
        assertThat(entry.path("human_intervention").asText()).contains("verplicht");
        assertThat(client.get("/transparantie/algoritmeregister.json", null).statusCode()).isEqualTo(200);
        assertThat(client.get("/transparantie/algoritmeregister/bestaat-niet.json", null).statusCode()).isEqualTo(404);
    }
}
