package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * auth28: the time claims of real tokens of the in-process issuer ({@link TestIssuer}) against the model API — a maximum
 * lifetime per issuer (default 24 h), {@code exp} and {@code iat} required, a token that is not valid yet refused as
 * "nog niet geldig" rather than "verlopen", and the tenant claim read as one text. Every refusal: 401, its own code and
 * Dutch text, no audit record, counted under its code in {@code auth_failure_minute}.
 */
class TokenLifetimeTest extends StaffTokenGatewayTestBase {

    private static final String USER_TOKEN = "X-Dijkwacht-User-Token";
    /** The default tenant of the test pack (application.yaml), which the tool belongs to. */
    private static final String TENANT = "gemeente";

    @Autowired
    AuthFailureCounter failures;

    private final TestIssuer issuer = TestIssuer.get();

    private String token(Object... claims) {
        Map<String, Object> all = new HashMap<>();
        all.put("sub", "auth28-medewerker");
        for (int i = 0; i < claims.length; i += 2) {
            all.put((String) claims[i], claims[i + 1]);
        }
        return issuer.token(all);
    }

    private HttpResponse<String> chatWith(String token) throws Exception {
        return postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), TestPack.OTHER_TOOL_KEY,
                USER_TOKEN, token);
    }

    private static Instant in(Duration d) {
        return Instant.now().plus(d);
    }

    /** 401 with {@code code}, a Dutch message containing {@code words}, no audit record, counted once under the code. */
    private void assertRefused(String token, String code, String words) throws Exception {
        failures.flush(true);
        long before = counted(code);
        HttpResponse<String> r = chatWith(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        JsonNode error = parse(r.body()).path("error");
        assertThat(error.path("code").asText()).as(r.body()).isEqualTo(code);
        assertThat(error.path("type").asText()).isEqualTo("authentication_error");
        assertThat(error.path("message").asText()).contains(words).doesNotContain("verlopen".equals(words) ? "nog niet" : "verlopen");
        String trace = r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", Long.class, trace)).isZero();
        failures.flush(true);
        assertThat(counted(code) - before).as("counted as %s", code).isEqualTo(1L);
    }

    private long counted(String reason) {
        Long n = jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE reason = ?", Long.class, reason);
        return n == null ? 0 : n;
    }

    private void assertAccepted(String token) throws Exception {
        HttpResponse<String> r = chatWith(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aTokenValidForLongerThanTheIssuersMaximumIsRefused() throws Exception {
        // signed by the real issuer for 25 hours, a year, and 31 hours with a recent exp but an old iat
        assertRefused(token("iat", Instant.now(), "exp", in(Duration.ofHours(25))), "token_lifetime_too_long", "langer geldig");
        assertRefused(token("iat", Instant.now(), "exp", in(Duration.ofDays(365))), "token_lifetime_too_long", "langer geldig");
        assertRefused(token("iat", in(Duration.ofHours(-30)), "exp", in(Duration.ofHours(1))), "token_lifetime_too_long", "langer geldig");
    }

    @Test
    void ordinaryIssuerLifetimesPass() throws Exception {
        // Entra ID 60-90 min, Keycloak 5 min, ADFS 1 h: all well inside the 24 h default; 23 h too
        assertAccepted(token("iat", Instant.now(), "exp", in(Duration.ofMinutes(5))));
        assertAccepted(token("iat", in(Duration.ofMinutes(-10)), "exp", in(Duration.ofMinutes(80))));
        assertAccepted(token("iat", Instant.now(), "exp", in(Duration.ofHours(23))));
        // iat a little ahead (within the 60 s clock skew): the issuer's clock runs slightly fast
        assertAccepted(token("iat", in(Duration.ofSeconds(30)), "exp", in(Duration.ofMinutes(30))));
    }

    @Test
    void aTokenWithoutExpOrIatIsRefusedAsSuch() throws Exception {
        assertRefused(token("exp", null), "token_timestamps_missing", "iat en exp");
        assertRefused(token("iat", null), "token_timestamps_missing", "iat en exp");
    }

    @Test
    void aTokenNotValidYetIsNotCalledExpired() throws Exception {
        assertRefused(token("nbf", in(Duration.ofHours(1))), "token_not_yet_valid", "nog niet geldig");
        assertRefused(token("iat", in(Duration.ofHours(1)), "exp", in(Duration.ofHours(2))), "token_not_yet_valid", "nog niet geldig");
        // past exp is still "verlopen"
        assertRefused(token("iat", in(Duration.ofHours(-2)), "nbf", in(Duration.ofHours(-2)), "exp", in(Duration.ofHours(-1))),
                "token_expired", "verlopen");
    }

    @Test
    void aTenantClaimThatIsNotOneTextIsRefused() throws Exception {
        // the tool's tenant is the default one: a tenant claim naming it as text passes ...
        assertAccepted(token("tenant", TENANT));
        // ... anything else that would once have been read as text is refused
        for (Object odd : List.of(List.of(TENANT), 27, true, Map.of("id", TENANT), List.of())) {
            assertRefused(token("tenant", odd), "token_tenant_invalid", "organisatie");
        }
    }
}
