package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * identity48's red-team pass: what a token is and whom it is for.
 * <ul>
 *   <li>Keycloak's ID token of a client whose id is also Dijkwacht's audience (the admin guide's Keycloak example names
 *       both {@code dijkwacht}) carries {@code typ: ID}; before, it passed as an access token — on the admin API too.</li>
 *   <li>{@code required-claims}: Google signs an ID token for any Google account that signs in to the client; only the
 *       organisation's Workspace domain ({@code hd}) may count.</li>
 * </ul>
 */
class TokenKindTest extends StaffTokenGatewayTestBase {

    private static String adminToken(String typ) {
        return TestIssuer.get().token(Map.of("sub", "id48-kc-admin", "typ", typ, "roles", List.of("dijkwacht-admin")));
    }

    @Test
    void aKeycloakIdTokenIsNoAccessToken() throws Exception {
        HttpResponse<String> idToken = getJson("/admin/policy", adminToken("ID"));
        assertThat(idToken.statusCode()).as(idToken.body()).isEqualTo(401);
        assertThat(parse(idToken.body()).path("error").path("code").asText()).isEqualTo("token_type_invalid");
        assertThat(parse(idToken.body()).path("error").path("message").asText()).contains("geen toegangstoken");

        HttpResponse<String> refresh = getJson("/admin/policy", adminToken("Refresh"));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);

        HttpResponse<String> access = getJson("/admin/policy", adminToken("Bearer"));
        assertThat(access.statusCode()).as(access.body()).isEqualTo(200);
    }

    @Test
    void requiredClaimsKeepAnIssuerToTheOrganisation() {
        IdentityProperties.Issuer google = new IdentityProperties.Issuer("google", "https://accounts.google.com", null,
                List.of("1234.apps.googleusercontent.com"), null, "gemeente", null, null, null, null, Map.of("hd", "gemeente.nl"), null);
        var validator = TokenVerifier.validator(google);
        assertThat(validator.validate(jwt(Map.of("hd", "gemeente.nl"))).hasErrors()).isFalse();
        assertThat(validator.validate(jwt(Map.of())).hasErrors()).as("a private Google account has no hd").isTrue();
        assertThat(validator.validate(jwt(Map.of("hd", "andere-gemeente.nl"))).hasErrors()).isTrue();
        assertThat(validator.validate(jwt(Map.of("hd", List.of("gemeente.nl")))).hasErrors()).as("one text, not a list").isTrue();
    }

    private static Jwt jwt(Map<String, Object> extra) {
        Instant now = Instant.now();
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://accounts.google.com")
                .audience(List.of("1234.apps.googleusercontent.com")).subject("1").issuedAt(now).expiresAt(now.plusSeconds(300));
        extra.forEach(b::claim);
        return b.build();
    }
}
