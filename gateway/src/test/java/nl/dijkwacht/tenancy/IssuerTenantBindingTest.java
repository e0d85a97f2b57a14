package nl.dijkwacht.tenancy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity49: tenants bound to identity providers. Tenant {@value #B} has an identity provider of its own ({@code idp-b},
 * {@code tenant: gemeente-b}); the shared test issuer takes the tenant from its claim and may name only {@value #A}
 * ({@code tenants: [gemeente]}). Before, the shared issuer's token that named B in its claim acted for B — on the model
 * API and as B's administrator or auditor. Now that is a 403 {@code tenant_not_allowed} in Dutch, recorded in the
 * default tenant's chain (the claimed tenant is what cannot be trusted); B's own issuer still works.
 */
class IssuerTenantBindingTest extends TwoTenants {

    static final WireMockServer idpB = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey KEY_B = generate();

    @DynamicPropertySource
    static void ownIssuerOfB(DynamicPropertyRegistry registry) {
        if (!idpB.isRunning()) {
            idpB.start();
        }
        idpB.stubFor(get(urlEqualTo("/b/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY_B.toPublicJWK()).toString())));
        registry.add("dijkwacht.identity.issuers[1].id", () -> "idp-b");
        registry.add("dijkwacht.identity.issuers[1].issuer-uri", IssuerTenantBindingTest::issuerB);
        registry.add("dijkwacht.identity.issuers[1].jwk-set-uri", () -> issuerB() + "/jwks");
        registry.add("dijkwacht.identity.issuers[1].audiences[0]", () -> TestIssuer.AUDIENCE);
        registry.add("dijkwacht.identity.issuers[1].tenant", () -> B);
        registry.add(ISSUER_TENANTS, () -> A);
        registry.add("dijkwacht.identity.unidentified-refusal-interval", () -> "10s");
        registry.add("dijkwacht.limits.trusted-proxies", () -> "127.0.0.1"); // a test names its client in X-Forwarded-For
    }

    @AfterAll
    static void stop() {
        idpB.stop();
    }

    @Autowired
    Pseudonymizer pseudonymizer;

    static String issuerB() {
        return "http://127.0.0.1:" + idpB.port() + "/b";
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-b-49").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenOfB(Map<String, Object> claims) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuerB()).audience(TestIssuer.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_B.getKeyID()).type(JOSEObjectType.JWT).build(),
                set.build());
        jwt.sign(new RSASSASigner(KEY_B));
        return jwt.serialize();
    }

    private Map<String, Object> recordOf(HttpResponse<String> answer) {
        String trace = answer.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", trace), rows -> rows.size() == 1).getFirst();
    }

    private void assertNotAllowed(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
        assertThat(parse(answer.body()).path("error").path("code").asText()).isEqualTo("tenant_not_allowed");
        assertThat(parse(answer.body()).path("error").path("type").asText()).isNotBlank();
        assertThat(parse(answer.body()).path("error").path("message").asText())
                .contains("identiteitsprovider die niet namens deze organisatie mag optreden");
    }

    @Test
    void theSharedIssuerCannotActForATenantWithItsOwnIssuerOnTheModelApi() throws Exception {
        // token only, issued to B's token tool
        HttpResponse<String> alone = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                toolToken(B, "id49-medewerker", B_TOKEN_CLIENT));
        assertNotAllowed(alone);
        Map<String, Object> record = recordOf(alone);
        // no verified caller: no tenant on the record, which goes to the default tenant's chain (not B's)
        assertThat(record.get("TENANT")).isNull();
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("unauthenticated");
        assertThat(record.get("ERROR_CODE")).isEqualTo("tenant_not_allowed");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(403);

        // B's own tool key with the shared issuer's token naming B
        // (from another client: a second refusal of the same source, endpoint and reason is counted, not recorded — edges51)
        HttpResponse<String> withKey = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), B_TOOL_KEY,
                "X-Dijkwacht-User-Token", token(B, "id49-medewerker"), "X-Forwarded-For", "203.0.113.49");
        assertNotAllowed(withKey);
        assertThat(recordOf(withKey).get("ERROR_CODE")).isEqualTo("tenant_not_allowed");

        // B's own issuer: accepted, as B — also when its token's claim names A (its tenant is fixed)
        HttpResponse<String> own = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                tokenOfB(Map.of("sub", "id49-b", "azp", B_TOKEN_CLIENT, "tenant", A)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(recordOf(own).get("TENANT")).isEqualTo(B);

        // the shared issuer for its own tenant: accepted
        HttpResponse<String> a = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                toolToken(A, "id49-a", TestPack.TOKEN_TOOL_CLIENT));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    }

    @Test
    void theSharedIssuerCannotMakeSomeoneBsAuditorOrAdministrator() throws Exception {
        HttpResponse<String> records = getJson("/audit/v1/records", token(B, "id49-auditor", "dijkwacht-auditor"));
        assertNotAllowed(records);
        Map<String, Object> record = recordOf(records);
        assertThat(record.get("TENANT")).as("the default tenant's record: the claimed tenant is not trusted").isEqualTo(A);
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo("oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym("id49-auditor"));
        assertThat(record.get("BIO_RESULT")).isEqualTo("refused");

        assertNotAllowed(getJson("/admin/policy", token(B, "id49-beheerder", "dijkwacht-admin")));
        // a query parameter or header naming the tenant changes nothing: the tenant comes from the verified token only
        assertNotAllowed(getJson("/admin/policy?tenant=" + B, token(B, "id49-beheerder", "dijkwacht-admin")));

        // B's own issuer makes B's auditor
        HttpResponse<String> own = getJson("/admin/policy", tokenOfB(Map.of("sub", "id49-b-beheerder", "roles", List.of("dijkwacht-admin"))));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(parse(own.body()).path("tenant").asText()).isEqualTo(B);
    }

    /**
     * edges51: a tool configured with an identity provider that may not name its tenant is refused on every request —
     * and each refusal was a record of its own. Now, as for an outage (edges50), per source, endpoint, reason and
     * interval: the first is its record at once, the rest one count when the interval closes; another reason (an
     * unknown tenant) is a record of its own.
     */
    @Test
    void aToolRepeatingATenantRefusalWritesOneRecordAndOneCountPerInterval() throws Exception {
        String client = "203.0.113.51";
        List<String> traces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                    toolToken(B, "edges51-medewerker", B_TOKEN_CLIENT), "X-Forwarded-For", client);
            assertNotAllowed(answer);
            traces.add(answer.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        }

        // before: 5 records, one per refused request
        String refusals = "SELECT * FROM audit_record WHERE error_code = 'tenant_not_allowed' AND endpoint = 'chat.completions'"
                + " AND trace_id IN ('" + String.join("', '", traces) + "') ORDER BY occurred_at, seq";
        List<Map<String, Object>> first = jdbc.queryForList(refusals);
        assertThat(first).as("records of 5 refused requests of one source within one interval").hasSize(1);
        assertThat(first.getFirst().get("TRACE_ID")).isEqualTo(traces.getFirst());
        assertThat(first.getFirst().get("BIO_ORIGIN")).isEqualTo("unauthenticated");
        assertThat(first.getFirst().get("RULE")).isEqualTo("authenticate:tenant_not_allowed");

        // another reason from the same client: a record of its own
        HttpResponse<String> unknown = postJson("/v1/chat/completions", chat("dry-run", "Hallo"),
                toolToken("gemeente-c", "edges51-c", B_TOKEN_CLIENT), "X-Forwarded-For", client);
        assertThat(parse(unknown.body()).path("error").path("code").asText()).isEqualTo("tenant_unknown");
        Map<String, Object> ownRecord = recordOf(unknown);
        assertThat(ownRecord.get("ERROR_CODE")).isEqualTo("tenant_unknown");
        assertThat(json.readTree((String) ownRecord.get("ACTION_PARAMS")).path("repeats_counted_for_s").asText()).isEqualTo("10");

        // when the interval has closed, the count: every refusal leaves its trace in the audit trail
        List<Map<String, Object>> both = Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForList(refusals), rows -> rows.size() >= 2);
        assertThat(both).hasSize(2);
        Map<String, Object> count = both.get(1);
        assertThat(count.get("TRACE_ID")).isEqualTo(traces.getLast());
        assertThat(count.get("HTTP_STATUS")).isEqualTo(403);
        JsonNode params = json.readTree((String) count.get("ACTION_PARAMS"));
        assertThat(params.path("repeats").asText()).isEqualTo("4");
        assertThat(params.path("first_trace_id").asText()).isEqualTo(traces.getFirst());
        assertThat(params.path("last_trace_id").asText()).isEqualTo(traces.getLast());
        assertThat(params.path("source_hmac").asText()).as("the client address only as a keyed hash").isNotBlank();
        assertThat(params.toString()).doesNotContain(client);
        JsonNode verify = parse(getJson("/audit/v1/verify", TestPack.AUDITOR_KEY).body());
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
    }
}
