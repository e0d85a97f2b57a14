package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8, item 2: administrators and auditors sign in with keys or OIDC tokens, their duties stay separated (the
 * whole role × endpoint matrix, keys and tokens), and every action they take — or are refused — is a record in the
 * audit chain, visible and filterable in the auditor API, without the text they typed.
 */
class OperatorActionRecordsTest extends GatewayTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String adminToken;
    private static String auditorToken;
    private static String staffToken;
    private static String bothRolesToken;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().register(registry);
    }

    @BeforeAll
    static void tokens() {
        TestIssuer issuer = TestIssuer.get();
        adminToken = issuer.token(Map.of("sub", "beheerder-7", "roles", List.of("dijkwacht-admin")));
        auditorToken = issuer.token(Map.of("sub", "auditor-3", "roles", List.of("dijkwacht-auditor")));
        staffToken = issuer.token(Map.of("sub", "medewerker-1", "roles", List.of("medewerker")));
        bothRolesToken = issuer.token(Map.of("sub", "alleskunner", "roles", List.of("dijkwacht-admin", "dijkwacht-auditor")));
    }

    @Autowired
    Pseudonymizer pseudonymizer;

    @Autowired
    nl.dijkwacht.policy.ActivePolicy policy;

    /** The matrix makes many refused attempts from one address: the per-source limit is not what is tested here. */
    @org.junit.jupiter.api.BeforeEach
    void roomyPerSourceLimit() throws Exception {
        if (policy.current().limits() == null) {
            java.nio.file.Files.writeString(policy.policiesDir().resolve("limits.yaml"), """
                    unauthenticated:
                      requests-per-minute: 100000
                    defaults:
                      tool:
                        requests-per-minute: 100000
                    """);
            policy.reload();
        }
    }

    private HttpResponse<String> call(String method, String path, String credential, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Map<String, Object>> operatorRecords(String actor, String action) {
        return jdbc.queryForList("SELECT * FROM audit_record WHERE endpoint = 'operator' AND actor_pseudonym = ? AND bio_action = ?"
                + " ORDER BY id", actor, action);
    }

    private String tokenOperator(String subject) {
        return "oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym(subject);
    }

    // ------------------------------------------------------------------ the matrix

    private record Endpoint(String method, String path, String body, String role) {
    }

    /** Every admin and auditor endpoint, with a harmless target (unknown ids give 404 to whoever may call it). */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/admin/policy", null, "admin"),
            new Endpoint("POST", "/admin/policy/reload", null, "admin"),
            new Endpoint("POST", "/admin/models/bestaat-niet/suspend", "{\"reason\":\"test\"}", "admin"),
            new Endpoint("POST", "/admin/models/bestaat-niet/resume", null, "admin"),
            new Endpoint("POST", "/admin/use-cases/bestaat-niet/suspend", null, "admin"),
            new Endpoint("POST", "/admin/use-cases/bestaat-niet/resume", null, "admin"),
            new Endpoint("POST", "/admin/explain", "{\"tool\":\"test-tool\",\"prompt\":\"Schrijf een groet\"}", "admin"),
            new Endpoint("GET", "/admin/upstreams", null, "admin"),
            new Endpoint("POST", "/admin/pseudonyms", "{\"users\":[\"iemand\"]}", "admin"),
            new Endpoint("GET", "/audit/v1/records", null, "auditor"),
            new Endpoint("GET", "/audit/v1/records/bestaat-niet", null, "auditor"),
            new Endpoint("GET", "/audit/v1/export.csv", null, "auditor"),
            new Endpoint("GET", "/audit/v1/export.json", null, "auditor"),
            new Endpoint("GET", "/audit/v1/aggregates", null, "auditor"),
            new Endpoint("GET", "/audit/v1/verify", null, "auditor"),
            new Endpoint("GET", "/audit/v1/chain/head", null, "auditor"),
            new Endpoint("POST", "/audit/v1/hash-check", "{}", "auditor"),
            new Endpoint("GET", "/audit/v1/auth-failures", null, "auditor"),
            new Endpoint("GET", "/audit/v1/holds", null, "auditor"),
            new Endpoint("POST", "/audit/v1/holds", "{}", "auditor"),
            new Endpoint("DELETE", "/audit/v1/holds/999999", null, "auditor"),
            new Endpoint("GET", "/audit/v1/retention/runs", null, "auditor"),
            new Endpoint("POST", "/audit/v1/retention/run", "{}", "auditor"),
            new Endpoint("GET", "/audit/v1/oversight", null, "auditor"),
            new Endpoint("GET", "/audit/v1/oversight/unreviewed", null, "auditor"),
            new Endpoint("GET", "/audit/v1/complaints", null, "auditor"),
            new Endpoint("POST", "/audit/v1/complaints", "{\"trace_id\":\"bestaat-niet\"}", "auditor"),
            new Endpoint("POST", "/audit/v1/complaints/999999/outcome", "{\"status\":\"upheld\"}", "auditor"));

    @Test
    void everyRoleEndpointCellIsAllowedOrDeniedAsTheSeparationOfDutiesSays() throws Exception {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("none", null);
        credentials.put("tool key", TestPack.TOOL_KEY);
        credentials.put("expired admin key", TestPack.EXPIRED_ADMIN_KEY);
        credentials.put("admin key", TestPack.ADMIN_KEY);
        credentials.put("auditor key", TestPack.AUDITOR_KEY);
        credentials.put("admin token", adminToken);
        credentials.put("auditor token", auditorToken);
        credentials.put("staff token without role", staffToken);
        credentials.put("token with both roles", bothRolesToken);
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Endpoint e : ENDPOINTS) {
            for (var c : credentials.entrySet()) {
                String who = c.getKey();
                int expected = switch (who) {
                    case "none", "tool key", "expired admin key" -> 401;
                    case "staff token without role", "token with both roles" -> 403;
                    default -> who.startsWith(e.role()) ? 0 : 403;
                };
                HttpResponse<String> response = call(e.method(), e.path(), c.getValue(), e.body());
                int status = response.statusCode();
                boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
                if (!ok) {
                    wrong.add(who + " " + e.method() + " " + e.path() + " -> " + status + " (expected "
                            + (expected == 0 ? "allowed" : expected) + "): " + response.body());
                }
                if (expected == 403 && (who.equals("admin key") || who.equals("auditor key"))) {
                    assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("role_required");
                }
                cells++;
            }
        }
        assertThat(wrong).as("cells that break the separation of duties").isEmpty();
        assertThat(cells).isEqualTo(ENDPOINTS.size() * credentials.size());
    }

    // ------------------------------------------------------------------ the records

    @Test
    void anAdminsKillSwitchIsARecordWithRoleHowSignedInAndResultButNotTheReason() throws Exception {
        String reason = "Storing gemeld door Jan de Vries, tel 0612345678";
        HttpResponse<String> suspended = call("POST", "/admin/models/extern/suspend", TestPack.ADMIN_KEY,
                json.createObjectNode().put("reason", reason).toString());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(call("POST", "/admin/models/extern/resume", TestPack.ADMIN_KEY, null).statusCode()).isEqualTo(200);

        Map<String, Object> record = operatorRecords("test-beheerder", "kill-switch.suspend").getLast();
        assertThat(record.get("BIO_OBJECT")).isEqualTo("model:extern");
        assertThat(record.get("BIO_RESULT")).isEqualTo("success");
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("operator:admin+key");
        assertThat(record.get("DECISION")).isEqualTo("allowed");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(200);
        JsonNode params = parse((String) record.get("ACTION_PARAMS"));
        assertThat(params.path("reason_length").asInt()).isEqualTo(reason.length());
        assertThat(params.path("reason_hmac").asText()).hasSize(64);
        assertThat(params.path("status").asText()).isEqualTo("suspended");
        assertThat(record.toString()).doesNotContain("Vries", "0612345678", "Storing");
        assertThat(operatorRecords("test-beheerder", "kill-switch.resume").getLast().get("BIO_RESULT")).isEqualTo("success");
    }

    @Test
    void anAuditorTryingTheKillSwitchIsRefusedAndThatRefusalIsRecorded() throws Exception {
        HttpResponse<String> refused = call("POST", "/admin/models/extern/suspend", TestPack.AUDITOR_KEY, "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        String trace = refused.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> record = auditRecord(trace);
        assertThat(record.get("ENDPOINT")).isEqualTo("operator");
        assertThat(record.get("BIO_ACTION")).isEqualTo("kill-switch.suspend");
        assertThat(record.get("BIO_OBJECT")).isEqualTo("model:extern");
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo("test-auditor");
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("operator:auditor+key");
        assertThat(record.get("BIO_RESULT")).isEqualTo("refused");
        assertThat(record.get("ERROR_CODE")).isEqualTo("role_required");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(403);

        // and an admin reaching for the records or for retention (it deletes) is refused and recorded the same way
        assertThat(call("GET", "/audit/v1/export.csv", TestPack.ADMIN_KEY, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/audit/v1/retention/run", TestPack.ADMIN_KEY, "{}").statusCode()).isEqualTo(403);
        assertThat(operatorRecords("test-beheerder", "audit.export").getLast().get("ERROR_CODE")).isEqualTo("role_required");
        assertThat(operatorRecords("test-beheerder", "retention.run").getLast().get("BIO_RESULT")).isEqualTo("refused");
    }

    @Test
    void explainKeepsOnlyTheLengthAndKeyedHashOfThePrompt() throws Exception {
        String prompt = "Schrijf een brief aan Pieter Bakker, BSN 111222333, over zijn aanvraag.";
        HttpResponse<String> explained = call("POST", "/admin/explain", adminToken,
                json.createObjectNode().put("tool", "test-tool").put("use_case", "test-algemeen").put("prompt", prompt).toString());
        assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
        Map<String, Object> record = operatorRecords(tokenOperator("beheerder-7"), "policy.explain").getLast();
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("operator:admin+oidc:" + TestIssuer.ID);
        JsonNode params = parse((String) record.get("ACTION_PARAMS"));
        assertThat(params.path("tool").asText()).isEqualTo("test-tool");
        assertThat(params.path("use_case").asText()).isEqualTo("test-algemeen");
        assertThat(params.path("prompt_length").asInt()).isEqualTo(prompt.length());
        assertThat(record.toString()).doesNotContain("Bakker", "111222333", "aanvraag", "beheerder-7");
    }

    @Test
    void auditorActionsAreRecordedWithTheirFilterAndAUserOnlyAsPseudonym() throws Exception {
        HttpResponse<String> search = call("GET", "/audit/v1/records?user=j.jansen%40gemeente.nl&use_case=test-algemeen&size=5",
                auditorToken, null);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        Map<String, Object> record = operatorRecords(tokenOperator("auditor-3"), "audit.search").getLast();
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("operator:auditor+oidc:" + TestIssuer.ID);
        JsonNode params = parse((String) record.get("ACTION_PARAMS"));
        assertThat(params.path("actor").asText()).isEqualTo(pseudonymizer.pseudonym("j.jansen@gemeente.nl"));
        assertThat(params.path("use_case").asText()).isEqualTo("test-algemeen");
        assertThat(record.toString()).doesNotContain("jansen");

        // a legal hold placed and lifted, a complaint outcome refused for an unknown complaint, a verification
        HttpResponse<String> hold = call("POST", "/audit/v1/holds", TestPack.AUDITOR_KEY,
                "{\"user\":\"p.pietersen\",\"reason\":\"Wob-verzoek van mevrouw Klaassen\"}");
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        long holdId = parse(hold.body()).path("id").asLong();
        assertThat(call("DELETE", "/audit/v1/holds/" + holdId, TestPack.AUDITOR_KEY, null).statusCode()).isEqualTo(200);
        Map<String, Object> placed = operatorRecords("test-auditor", "legal-hold.place").getLast();
        assertThat(placed.get("BIO_OBJECT")).isEqualTo("hold:" + holdId);
        assertThat(placed.toString()).doesNotContain("pietersen", "Klaassen");
        assertThat(operatorRecords("test-auditor", "legal-hold.release").getLast().get("BIO_OBJECT")).isEqualTo("hold:" + holdId);

        assertThat(call("POST", "/audit/v1/complaints/424242/outcome", TestPack.AUDITOR_KEY,
                "{\"status\":\"upheld\",\"explanation\":\"x\"}").statusCode()).isEqualTo(404);
        Map<String, Object> outcome = operatorRecords("test-auditor", "complaint.outcome").getLast();
        assertThat(outcome.get("BIO_RESULT")).isEqualTo("refused");
        assertThat(outcome.get("ERROR_CODE")).isEqualTo("complaint_not_found");
        assertThat(outcome.get("BIO_OBJECT")).isEqualTo("complaint:424242");

        assertThat(call("GET", "/audit/v1/verify", TestPack.AUDITOR_KEY, null).statusCode()).isEqualTo(200);
        assertThat(operatorRecords("test-auditor", "chain.verify")).isNotEmpty();
    }

    @Test
    void theAuditorApiFiltersOperatorActionsAndTheChainStillVerifies() throws Exception {
        assertThat(call("POST", "/admin/policy/reload", TestPack.ADMIN_KEY, null).statusCode()).isEqualTo(200);
        HttpResponse<String> found = call("GET", "/audit/v1/records?endpoint=operator&action=policy.reload&actor=test-beheerder",
                TestPack.AUDITOR_KEY, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode data = parse(found.body()).path("data");
        assertThat(data.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode r : data) {
            assertThat(r.path("action").asText()).isEqualTo("policy.reload");
            assertThat(r.path("origin").asText()).isEqualTo("operator:admin+key");
            assertThat(r.path("action_params").asText()).contains("policy_version");
        }
        // operator actions are not usage: the default aggregates leave them out, endpoint=operator counts them
        JsonNode usage = parse(call("GET", "/audit/v1/aggregates?by=action&endpoint=operator", TestPack.AUDITOR_KEY, null).body());
        assertThat(usage.path("data").toString()).contains("policy.reload");
        JsonNode byDecision = parse(call("GET", "/audit/v1/aggregates?by=action", TestPack.AUDITOR_KEY, null).body());
        assertThat(byDecision.path("data").toString()).doesNotContain("policy.reload");

        JsonNode verified = parse(call("GET", "/audit/v1/verify", TestPack.AUDITOR_KEY, null).body());
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void actionNamesAreOneTableForApiAndConsole() {
        assertThat(OperatorActions.of("POST", "/admin/models/x/suspend")).contains(new OperatorActions.Named("kill-switch.suspend", "model:x"));
        assertThat(OperatorActions.of("POST", "/console/beheer/model/x/opschorten")).contains(new OperatorActions.Named("kill-switch.suspend", "model:x"));
        assertThat(OperatorActions.of("DELETE", "/audit/v1/holds/4")).contains(new OperatorActions.Named("legal-hold.release", "hold:4"));
        assertThat(OperatorActions.of("GET", "/console/beheer")).isEmpty();
        for (Endpoint e : ENDPOINTS) {
            assertThat(OperatorActions.of(e.method(), e.path())).as(e.method() + " " + e.path()).isPresent();
        }
    }
}
