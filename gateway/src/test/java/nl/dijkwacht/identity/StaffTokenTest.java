package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff identity from real OIDC access tokens: tokens come from the in-process Spring Authorization Server
 * ({@link TestIssuer}) and are verified by the gateway through discovery and the issuer's JWKS.
 */
class StaffTokenTest extends StaffTokenGatewayTestBase {

    private static final String USER_TOKEN = "X-Dijkwacht-User-Token";

    @Autowired
    Pseudonymizer pseudonymizer;

    private final TestIssuer issuer = TestIssuer.get();

    private HttpResponse<String> chatAs(String key, String token, String useCase, String... headers) throws Exception {
        java.util.List<String> all = new java.util.ArrayList<>(List.of(headers));
        if (token != null) {
            all.addAll(List.of(USER_TOKEN, token));
        }
        if (useCase != null) {
            all.addAll(List.of("X-Dijkwacht-Use-Case", useCase));
        }
        return postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), key, all.toArray(String[]::new));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("type").asText()).isEqualTo(status == 401 ? "authentication_error" : "permission_error");
        assertThat(error.path("message").asText()).matches(".*\\b(het|de|uw|Het|De|Uw)\\b.*");
        assertThat(response.headers().firstValue("X-Dijkwacht-Trace-Id")).isPresent();
    }

    @Test
    void aVerifiedStaffTokenNamesTheUserDepartmentAndRolesAndTheAuditKeepsOnlyThePseudonym() throws Exception {
        String token = issuer.staffToken("jan.jansen@gemeente.nl", "Juridische Zaken", "jurist", "medewerker");

        HttpResponse<String> r = chatAs(TestPack.OTHER_TOOL_KEY, token, "test-juridisch");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var record = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("TOOL_ID")).isEqualTo("other-tool");
        assertThat(record.get("DEPARTMENT")).isEqualTo("Juridische Zaken");
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo(pseudonymizer.pseudonym("jan.jansen@gemeente.nl"));
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("tool:other-tool+oidc:" + TestIssuer.ID);
        assertThat(record.values()).noneMatch(v -> v != null && v.toString().contains("jan.jansen"));
    }

    @Test
    void identityHeadersOfAnUntrustedToolAreIgnored() throws Exception {
        HttpResponse<String> r = chatAs(TestPack.OTHER_TOOL_KEY, null, "test-juridisch",
                "X-Dijkwacht-User", "iemand", "X-Dijkwacht-Department", "Juridische Zaken", "X-Dijkwacht-Roles", "jurist");

        assertRefused(r, 403, "identity_required");
        var record = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("ACTOR_PSEUDONYM")).isNull();
        assertThat(record.get("DEPARTMENT")).isNull();
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("tool:other-tool");
    }

    @Test
    void aTokenFromAnotherDepartmentIsRefused() throws Exception {
        HttpResponse<String> r = chatAs(TestPack.OTHER_TOOL_KEY, issuer.staffToken("piet", "Burgerzaken"), "test-juridisch");
        assertRefused(r, 403, "department_not_allowed");
    }

    @Test
    void aTrustedToolMayNameTheStaffMemberInHeaders() throws Exception {
        HttpResponse<String> r = chatAs(TestPack.TOOL_KEY, null, "test-juridisch",
                "X-Dijkwacht-User", "kees", "X-Dijkwacht-Department", "Juridische Zaken");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var record = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo(pseudonymizer.pseudonym("kees"));
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("tool:test-tool+trusted-headers");
    }

    @Test
    void theTenantHeaderIsNeverBelieved() throws Exception {
        HttpResponse<String> r = chatAs(TestPack.TOOL_KEY, null, null, "X-Dijkwacht-Tenant", "andere-gemeente");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("TENANT")).isEqualTo("gemeente");
    }

    @Test
    void aToolThatSendsOnlyItsUsersTokenIsKnownByTheTokensClientId() throws Exception {
        String token = issuer.token(Map.of("sub", "marie", "azp", TestPack.TOKEN_TOOL_CLIENT));

        HttpResponse<String> r = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var record = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("TOOL_ID")).isEqualTo("token-tool");
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo(pseudonymizer.pseudonym("marie"));

        HttpResponse<String> unknownClient = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                issuer.token(Map.of("sub", "marie", "azp", "onbekende-app")));
        assertRefused(unknownClient, 401, "token_tool_unknown");
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        String expired = issuer.token(Map.of("sub", "jan", "iat", Instant.now().minusSeconds(7200),
                "nbf", Instant.now().minusSeconds(7200), "exp", Instant.now().minusSeconds(3600)));

        HttpResponse<String> r = chatAs(TestPack.OTHER_TOOL_KEY, expired, null);

        assertRefused(r, 401, "token_expired");
        assertThat(parse(r.body()).at("/error/message").asText()).contains("verlopen");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
    }

    @Test
    void tokensOfAnotherIssuerAreRefused() throws Exception {
        String foreign = issuer.token(Map.of("sub", "jan", "iss", "https://login.example.org/andere-gemeente"));
        assertRefused(chatAs(TestPack.OTHER_TOOL_KEY, foreign, null), 401, "token_issuer_untrusted");
    }

    @Test
    void tokensForAnotherAudienceAreRefused() throws Exception {
        String other = issuer.token(Map.of("sub", "jan", "aud", List.of("salarisadministratie")));
        assertRefused(chatAs(TestPack.OTHER_TOOL_KEY, other, null), 401, "token_audience_invalid");
    }

    @Test
    void unsignedTokensAreRefused() throws Exception {
        String[] parts = issuer.staffToken("jan", "Juridische Zaken").split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + parts[1] + ".";

        assertRefused(chatAs(TestPack.OTHER_TOOL_KEY, unsigned, "test-juridisch"), 401, "token_invalid");
        // also as the only credential (token-only tools)
        assertRefused(postJson("/v1/chat/completions", chat("dry-run", "Hallo"), unsigned), 401, "token_invalid");
    }

    @Test
    void tamperedTokensAreRefused() throws Exception {
        String[] parts = issuer.staffToken("jan", "Burgerzaken").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Burgerzaken", "Juridische Zaken");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertRefused(chatAs(TestPack.OTHER_TOOL_KEY, tampered, "test-juridisch"), 401, "token_invalid");
    }

    @Test
    void aBadTokenIsNotIgnoredEvenWithAValidToolKey() throws Exception {
        assertRefused(chatAs(TestPack.OTHER_TOOL_KEY, "geen-token", null), 401, "token_invalid");
    }

    @Autowired
    nl.dijkwacht.limits.AuthFailureCounter authFailures;

    @Test
    void refusedTokensAreCountedInAggregateNotChainedOneByOne() throws Exception {
        String expired = issuer.token(Map.of("sub", "jan", "exp", Instant.now().minusSeconds(3600), "iat",
                Instant.now().minusSeconds(7200), "nbf", Instant.now().minusSeconds(7200)));
        HttpResponse<String> r = chatAs(TestPack.OTHER_TOOL_KEY, expired, null);
        assertRefused(r, 401, "token_expired");

        String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", Long.class, trace)).isZero();
        authFailures.flush(true);
        assertThat(jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE reason = 'token_expired'", Long.class))
                .isGreaterThanOrEqualTo(1L);
    }
}
