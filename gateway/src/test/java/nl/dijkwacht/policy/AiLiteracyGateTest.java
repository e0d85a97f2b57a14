package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.identity.CallerAuthenticator;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8, item 3: the AI-literacy gate (AI Act art. 4) with real access tokens from the in-process issuer: a fresh
 * training date passes, a stale one and a missing one are refused in Dutch with the training URL, the registry file
 * (keyed pseudonym or SHA-256 of the user id) stands in for a missing claim and is picked up on reload, every refusal
 * is an audit record, and the transparency report counts the refusals per use-case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiLiteracyGateTest extends GatewayTestBase {

    private static final String USE_CASE = "test-beperkt";
    private static final String URL = "https://leren.gemeente.example/ai-geletterdheid";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().register(registry);
    }

    @Autowired
    ActivePolicy policy;

    @Autowired
    Pseudonymizer pseudonymizer;

    private final TestIssuer issuer = TestIssuer.get();

    @BeforeEach
    void requireLiteracy() throws Exception {
        if (!policy.current().governance().aiLiteracy().requiredFor(USE_CASE)) {
            Files.writeString(policy.policiesDir().resolve("governance.yaml"), """
                    ai-literacy:
                      valid-for-months: 12
                      training-url: %s
                    """.formatted(URL));
            Files.writeString(policy.policiesDir().resolve("use-cases/test-beperkt.yaml"),
                    Files.readString(policy.policiesDir().resolve("use-cases/test-beperkt.yaml")) + "ai-literacy: required\n");
            writeRegistry("");
            policy.reload();
        }
    }

    private void writeRegistry(String entries) throws Exception {
        Files.writeString(policy.policiesDir().resolve("ai-literacy.yaml"), "trained:" + (entries.isEmpty() ? " []\n" : "\n" + entries));
    }

    private String token(String user, Object trainingDate) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        if (trainingDate != null) {
            claims.put("ai_training_date", trainingDate.toString());
        }
        return issuer.token(claims);
    }

    private HttpResponse<String> chatWithToken(String token) throws Exception {
        return postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), TestPack.OTHER_TOOL_KEY,
                "X-Dijkwacht-User-Token", token, "X-Dijkwacht-Use-Case", USE_CASE);
    }

    private Map<String, Object> refusedAndRecorded(HttpResponse<String> response, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ai_literacy_required");
        assertThat(error.path("type").asText()).isEqualTo("permission_error");
        assertThat(error.path("message").asText()).contains("AI-geletterdheid", "AI-verordening art. 4", URL, "'" + USE_CASE + "'");
        Map<String, Object> record = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("DECISION")).isEqualTo("refused");
        assertThat(record.get("ERROR_CODE")).isEqualTo("ai_literacy_required");
        assertThat(record.get("RULE")).isEqualTo(rule);
        assertThat(record.get("USE_CASE")).isEqualTo(USE_CASE);
        return record;
    }

    @Test
    @Order(1)
    void aTrainingDateInTheTokenNoOlderThanThePeriodPasses() throws Exception {
        HttpResponse<String> response = chatWithToken(token("getraind-1", LocalDate.now().minusMonths(3)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // epoch seconds, as some providers send dates, count as well
        long epoch = LocalDate.now().minusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond();
        Map<String, Object> claims = Map.of("sub", "getraind-2", "ai_training_date", epoch);
        assertThat(chatWithToken(issuer.token(claims)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aStaleTrainingDateIsRefusedWithTheDateAndWhereToGetTrained() throws Exception {
        LocalDate stale = LocalDate.now().minusMonths(13);
        HttpResponse<String> response = chatWithToken(token("verlopen-1", stale));
        Map<String, Object> record = refusedAndRecorded(response, "ai-literacy:expired");
        assertThat(parse(response.body()).at("/error/message").asText()).contains(stale.toString(), "12 maanden");
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo(pseudonymizer.pseudonym("verlopen-1"));
    }

    @Test
    @Order(3)
    void aTokenWithoutTrainingClaimIsRefused() throws Exception {
        HttpResponse<String> response = chatWithToken(token("nooit-getraind", null));
        refusedAndRecorded(response, "ai-literacy:missing");
        assertThat(parse(response.body()).at("/error/message").asText()).contains("geen gevolgde training bekend");
    }

    @Test
    @Order(4)
    void withoutAVerifiedIdentityTheGateCannotBeMet() throws Exception {
        HttpResponse<String> response = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."),
                TestPack.OTHER_TOOL_KEY, "X-Dijkwacht-Use-Case", USE_CASE, "X-Dijkwacht-User", "iemand");
        refusedAndRecorded(response, "ai-literacy:identity-required");
        assertThat(parse(response.body()).at("/error/message").asText()).contains("X-Dijkwacht-User-Token");
    }

    @Test
    @Order(5)
    void theRegistryStandsInForAMissingClaimAndIsPickedUpOnReload() throws Exception {
        String withoutClaim = token("register-1", null);
        String hashed = token("register-2", null);
        refusedAndRecorded(chatWithToken(withoutClaim), "ai-literacy:missing");

        writeRegistry("""
                  - pseudonym: %s
                    date: %s
                  - user-sha256: %s
                    date: %s
                  - pseudonym: %s
                    date: %s
                """.formatted(pseudonymizer.pseudonym("register-1"), LocalDate.now().minusMonths(1),
                CallerAuthenticator.sha256("register-2"), LocalDate.now().minusMonths(2),
                pseudonymizer.pseudonym("verlopen-1"), LocalDate.now().minusMonths(20)));
        policy.reload();
        assertThat(Files.readString(policy.policiesDir().resolve("ai-literacy.yaml"))).doesNotContain("register-1", "register-2");

        assertThat(chatWithToken(withoutClaim).statusCode()).isEqualTo(200);
        assertThat(chatWithToken(hashed).statusCode()).isEqualTo(200);
        // the later of claim and registry counts: both stale is still refused
        refusedAndRecorded(chatWithToken(token("verlopen-1", LocalDate.now().minusMonths(14))), "ai-literacy:expired");
        // another use-case of the same tool does not require it
        HttpResponse<String> other = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."),
                TestPack.OTHER_TOOL_KEY, "X-Dijkwacht-User-Token", token("nooit-getraind", null),
                "X-Dijkwacht-Use-Case", "test-juridisch");
        assertThat(parse(other.body()).at("/error/code").asText()).isNotEqualTo("ai_literacy_required");
    }

    @Test
    @Order(6)
    void anInvalidRegistryIsRefusedAndTheOldPolicyStays() throws Exception {
        String before = policy.current().version();
        Files.writeString(policy.policiesDir().resolve("ai-literacy.yaml"), """
                trained:
                  - pseudonym: jan.jansen@gemeente.nl
                    date: 2026-01-01
                """);
        try {
            org.junit.jupiter.api.Assertions.assertThrows(PolicyLoadException.class, policy::reload);
            assertThat(policy.current().version()).isEqualTo(before);
        } finally {
            writeRegistry("");
            policy.reload();
        }
    }

    @Test
    @Order(7)
    void theTransparencyReportCountsTheRefusalsPerUseCase() throws Exception {
        JsonNode report = parse(getJson("/transparantie.json", null).body());
        JsonNode purpose = null;
        for (JsonNode p : report.path("purposes")) {
            if (p.path("use_case").asText().equals(USE_CASE)) {
                purpose = p;
            }
        }
        assertThat(purpose).isNotNull();
        assertThat(purpose.path("ai_literacy_required").asBoolean()).isTrue();
        long refused = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE error_code = 'ai_literacy_required' AND use_case = ?",
                Long.class, USE_CASE);
        assertThat(refused).isGreaterThanOrEqualTo(5);
        assertThat(purpose.path("ai_literacy_refusals").asLong()).isEqualTo(refused);
        String html = getJson("/transparantie", null).body();
        assertThat(html).contains("Training AI-geletterdheid verplicht");
        JsonNode entry = parse(getJson("/transparantie/algoritmeregister/" + USE_CASE + ".json", null).body());
        assertThat(entry.path("risk_management").asText()).contains("AI-geletterdheid", "12 maanden");
        List<String> notRequired = List.of("test-algemeen");
        for (String id : notRequired) {
            assertThat(parse(getJson("/transparantie/algoritmeregister/" + id + ".json", null).body())
                    .path("risk_management").asText()).doesNotContain("AI-geletterdheid");
        }
    }
}
