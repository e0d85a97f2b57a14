package nl.dijkwacht.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import nl.dijkwacht.tenancy.TwoTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Generated tokens against the model endpoints (auth27): a valid staff token of the in-process issuer
 * ({@link TestIssuer}) and, with a fixed seed, variants of it sent to chat, streamed chat and the Responses API —
 * every JWT header and claim mutation that has fooled a verifier somewhere ({@code alg: none}, HS256 keyed with the
 * issuer's public key, unknown kids and another issuer's kid, {@code jku}/{@code x5u}/{@code jwk} headers, wrong or
 * missing {@code iss}/{@code aud}, timestamps, tampering, truncation, encodings, sizes, non-ASCII, doubled headers,
 * the scheme's spelling, the token in the query string), odd claim types and look-alike departments, and tokens of
 * the other tenant. A second issuer ({@code idp-b}, tenant {@value #B}, keys on a WireMock server whose requests are
 * counted) and an attacker's server (which must never be asked anything) take part.
 *
 * <p>Only the valid token and the variants that say the same (the scheme's case, a {@code Bearer} prefix in the
 * user-token header) are accepted, and then as exactly the person the token names — never a header or a {@code user}
 * field the tool added. Every other variant is a 401 or 403 in the OpenAI error format with a Dutch message that
 * names no Java class and repeats no part of the token; a 401 leaves no audit record and is counted once in the
 * failed-authentication aggregate (per source), a 403 leaves exactly one audit record; and the log of the run holds
 * no token and no claim value.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"dijkwacht.limits.trusted-proxies=127.0.0.1", "dijkwacht.limits.auth-failures.flush-interval=0s"})
class GeneratedTokenRequestsTest extends TwoTenants {

    private static final long SEED = 27;
    private static final String USER = "auth27-medewerker-Zwanenburg";
    private static final String DEPARTMENT = "Juridische Zaken";
    private static final String SPOOFED_USER = "auth27-vervalst-Kwelder";
    private static final Set<String> JAVA_WORDS = Set.of("Exception", "java.", "at nl.", "Jackson", "com.fasterxml",
            "jakarta.", "org.springframework", "nimbus", "Nimbus", "NullPointer", "Tomcat", "Whitelabel", "{=", "=}");
    private static final Set<String> DUTCH = Set.of("de", "het", "een", "is", "niet", "geen", "van", "uw", "u", "voor",
            "bij", "dit", "deze", "toegangstoken", "sleutel");

    /** The second identity provider: its keys on WireMock, every request to it counted. */
    static final WireMockServer idpB = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    /** Where jku/x5u headers point: the gateway must never ask it anything. */
    static final WireMockServer attacker = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final RSAKey KEY_B = generate("idp-b-key");
    static final RSAKey KEY_ATTACKER = generate("aanvaller-key");

    @DynamicPropertySource
    static void secondIssuer(DynamicPropertyRegistry registry) {
        if (!idpB.isRunning()) {
            idpB.start();
            attacker.start();
        }
        idpB.stubFor(get(urlEqualTo("/b/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY_B.toPublicJWK()).toString())));
        attacker.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY_ATTACKER.toPublicJWK()).toString())));
        registry.add("dijkwacht.identity.issuers[1].id", () -> "idp-b");
        registry.add("dijkwacht.identity.issuers[1].issuer-uri", GeneratedTokenRequestsTest::issuerB);
        registry.add("dijkwacht.identity.issuers[1].jwk-set-uri", () -> issuerB() + "/jwks");
        registry.add("dijkwacht.identity.issuers[1].audiences[0]", () -> TestIssuer.AUDIENCE);
        registry.add("dijkwacht.identity.issuers[1].tenant", () -> B);
        // B has an issuer of its own, so the shared test issuer may name only A (identity49)
        registry.add(ISSUER_TENANTS, () -> A);
    }

    @AfterAll
    static void stopServers() {
        idpB.stop();
        attacker.stop();
    }

    static String issuerB() {
        return "http://127.0.0.1:" + idpB.port() + "/b";
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    Pseudonymizer pseudonymizer;

    @Autowired
    AuthFailureCounter failures;

    private final TestIssuer issuer = TestIssuer.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int sourceCounter;

    // ------------------------------------------------------------------ cases

    /**
     * ACCEPT: 200, as the token's person; REFUSE: 401/403; TOO_LARGE: a header block over the 32 KB limit (auth28; it was
     * Tomcat's 8 KB), refused with 431 {@code headers_too_large} before anything reads it: no record, and counted under the
     * connection's address (the X-Forwarded-For of a head that was not read is not believed), not the case's source.
     */
    enum Expect { ACCEPT, REFUSE, TOO_LARGE }

    /** How the request carries its credentials. */
    record Send(List<String> headers, String query) {
        static Send of(String... headers) {
            return new Send(List.of(headers), "");
        }

        Send withQuery(String query) {
            return new Send(headers, query);
        }
    }

    /**
     * One request: which endpoint, what credentials, what must happen, who the audit record must name when accepted,
     * and the token (to check that no part of it comes back or is logged).
     */
    record Case(String label, Send send, Expect expect, String user, String department, String tenant, String token) {
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    /** The token's payload with {@code edit} applied, under the old header and signature. */
    private static String tamper(String token, UnaryOperator<ObjectNode> edit) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) json.readTree(decode(parts[1]));
        return parts[0] + "." + b64(json.writeValueAsString(edit.apply(payload))) + "." + parts[2];
    }

    /** The token's header with {@code edit} applied (payload and signature as they were). */
    private static String tamperHeader(String token, UnaryOperator<ObjectNode> edit) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) json.readTree(decode(parts[0]));
        return b64(json.writeValueAsString(edit.apply(header))) + "." + parts[1] + "." + parts[2];
    }

    /** The claims of {@code token}, as Nimbus reads them. */
    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    /** A token signed with {@code key} (RS256) with this header customisation and these claims. */
    private static String sign(RSAKey key, UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A token of issuer B with raw JSON claims (types a claims builder would not write). */
    private static String signRaw(RSAKey key, String kid, String payloadJson) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        String payload = b64(payloadJson);
        com.nimbusds.jose.JWSSigner signer = new RSASSASigner(key);
        Base64URL signature = signer.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                (header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + signature;
    }

    private static JWTClaimsSet.Builder claimsB(String user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuerB()).audience(TestIssuer.AUDIENCE).subject(user)
                .issueTime(java.util.Date.from(now)).notBeforeTime(java.util.Date.from(now.minusSeconds(5)))
                .expirationTime(java.util.Date.from(now.plusSeconds(600))).claim("department", DEPARTMENT);
    }

    private String staffToken(Map<String, Object> extra) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", USER);
        claims.put("department", DEPARTMENT);
        claims.put("roles", List.of("jurist"));
        claims.putAll(extra);
        return issuer.token(claims);
    }

    /** The tool key in Authorization, the token in the user-token header, the department-bound use-case. */
    private static Send withKey(String token, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + TestPack.OTHER_TOOL_KEY,
                "X-Dijkwacht-User-Token", token, "X-Dijkwacht-Use-Case", "test-juridisch"));
        headers.addAll(List.of(more));
        return new Send(headers, "");
    }

    /** The token alone as the bearer (a token-only tool: azp = the token tool's client id). */
    private static Send alone(String token, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        headers.addAll(List.of(more));
        return new Send(headers, "");
    }

    private List<Case> cases() throws Exception {
        Random random = new Random(SEED);
        String valid = staffToken(Map.of());
        String validAlone = staffToken(Map.of("azp", TestPack.TOKEN_TOOL_CLIENT));
        String[] parts = valid.split("\\.");
        JsonNode jwks = json.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer.issuerUri() + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        RSAKey issuerPublic = RSAKey.parse(jwks.path("keys").get(0).toString());
        String issuerKid = issuerPublic.getKeyID();
        JWTClaimsSet validClaims = claims(valid);

        List<Case> cases = new ArrayList<>();
        // accepted: the token as issued, and what says the same
        cases.add(accept("valid, tool key + user token", withKey(valid), valid));
        cases.add(accept("valid, token only", alone(validAlone), validAlone));
        cases.add(accept("scheme lower case", new Send(List.of("Authorization", "bearer " + validAlone), ""), validAlone));
        cases.add(accept("scheme upper case", new Send(List.of("Authorization", "BEARER " + validAlone), ""), validAlone));
        cases.add(accept("two spaces after the scheme", new Send(List.of("Authorization", "Bearer  " + validAlone), ""), validAlone));
        cases.add(accept("Bearer prefix in the user-token header", withKey("Bearer " + valid), valid));
        cases.add(accept("department with surrounding spaces", withKey(staffToken(Map.of("department", "  " + DEPARTMENT + " "))), valid));
        cases.add(accept("department as a one-element list", withKey(staffToken(Map.of("department", List.of(DEPARTMENT)))), valid));
        // accepted, with identity headers and a user field the tool is not trusted with: the token's person counts
        cases.add(accept("trusted tool: its identity headers and the token disagree, the token counts",
                new Send(List.of("Authorization", "Bearer " + TestPack.TOOL_KEY, "X-Dijkwacht-User-Token", valid,
                        "X-Dijkwacht-Use-Case", "test-juridisch", "X-Dijkwacht-User", SPOOFED_USER, "X-Dijkwacht-Department", "Burgerzaken"), ""),
                valid));
        cases.add(accept("spoofing headers next to the token", withKey(valid, "X-Dijkwacht-User", SPOOFED_USER,
                "X-Dijkwacht-Department", "Burgerzaken", "X-User", SPOOFED_USER, "X-Department", "Burgerzaken"), valid));

        // header mutations
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            cases.add(refuse("alg " + none, withKey(b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + parts[1] + "."), valid));
            cases.add(refuse("alg " + none + " keeping the signature",
                    withKey(tamperHeader(valid, h -> h.put("alg", none)).split("\\.")[0] + "." + parts[1] + "." + parts[2]), valid));
        }
        for (byte[] secret : List.of(issuerPublic.toRSAPublicKey().getEncoded(), issuerPublic.toJSONString().getBytes(StandardCharsets.UTF_8),
                pem(issuerPublic.toRSAPublicKey().getEncoded()).getBytes(StandardCharsets.UTF_8))) {
            for (JWSAlgorithm hs : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
                SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(hs).keyID(issuerKid).type(JOSEObjectType.JWT).build(), validClaims);
                hmac.sign(new MACSigner(secret));
                cases.add(refuse(hs + " keyed with the issuer's public key (" + secret.length + " bytes)", withKey(hmac.serialize()), valid));
            }
        }
        cases.add(refuse("unknown kid, attacker's key", withKey(sign(KEY_ATTACKER, h -> h.keyID("onbekend-" + random.nextInt(1000)), validClaims)), valid));
        cases.add(refuse("issuer A's kid, attacker's key", withKey(sign(KEY_ATTACKER, h -> h.keyID(issuerKid), validClaims)), valid));
        cases.add(refuse("issuer B's kid and key, issuer A's iss", withKey(sign(KEY_B, h -> h, validClaims)), valid));
        cases.add(refuse("no kid, attacker's key", withKey(sign(KEY_ATTACKER, h -> h.keyID(null), validClaims)), valid));
        URI attackerJwks = URI.create(attacker.baseUrl() + "/jwks");
        cases.add(refuse("jku to the attacker", withKey(sign(KEY_ATTACKER, h -> h.jwkURL(attackerJwks), validClaims)), valid));
        cases.add(refuse("x5u to the attacker", withKey(sign(KEY_ATTACKER, h -> h.x509CertURL(attackerJwks), validClaims)), valid));
        cases.add(refuse("embedded jwk of the attacker", withKey(sign(KEY_ATTACKER, h -> h.jwk(KEY_ATTACKER.toPublicJWK()), validClaims)), valid));
        cases.add(refuse("jku to the attacker with issuer A's kid",
                withKey(sign(KEY_ATTACKER, h -> h.keyID(issuerKid).jwkURL(attackerJwks), validClaims)), valid));
        cases.add(refuse("jku added to the valid token's header", withKey(tamperHeader(valid, h -> h.put("jku", attackerJwks.toString()))), valid));
        cases.add(refuse("crit header", withKey(tamperHeader(valid, h -> {
            h.putArray("crit").add("exp");
            return h;
        })), valid));

        // claim mutations signed by the real issuer
        cases.add(refuse("iss of another issuer", withKey(staffToken(Map.of("iss", "https://login.example.org/andere-gemeente"))), valid));
        cases.add(refuse("iss with a trailing slash", withKey(staffToken(Map.of("iss", issuer.issuerUri() + "/"))), valid));
        cases.add(refuse("aud of another application", withKey(staffToken(Map.of("aud", List.of("salarisadministratie")))), valid));
        cases.add(refuse("aud differently cased", withKey(staffToken(Map.of("aud", List.of("Dijkwacht")))), valid));
        cases.add(refuse("exp in the past", withKey(staffToken(Map.of("iat", Instant.now().minusSeconds(7200),
                "nbf", Instant.now().minusSeconds(7200), "exp", Instant.now().minusSeconds(3600)))), valid));
        cases.add(refuse("nbf ahead", withKey(staffToken(Map.of("nbf", Instant.now().plusSeconds(3600)))), valid));
        // claim mutations under the old signature
        cases.add(refuse("iss removed", withKey(tamper(valid, p -> (ObjectNode) p.without("iss"))), valid));
        cases.add(refuse("aud removed", withKey(tamper(valid, p -> (ObjectNode) p.without("aud"))), valid));
        cases.add(refuse("exp far ahead", withKey(tamper(valid, p -> p.put("exp", 4_102_444_800L))), valid));
        cases.add(refuse("exp as a string", withKey(tamper(valid, p -> p.put("exp", "4102444800"))), valid));
        cases.add(refuse("iat removed", withKey(tamper(valid, p -> (ObjectNode) p.without("iat"))), valid));
        cases.add(refuse("department changed", withKey(tamper(valid, p -> p.put("department", "Burgerzaken"))), valid));
        cases.add(refuse("sub changed", withKey(tamper(valid, p -> p.put("sub", SPOOFED_USER))), valid));
        cases.add(refuse("tenant added", withKey(tamper(valid, p -> p.put("tenant", B))), valid));
        // issuer B's own tokens with claim types no builder writes (its key: only the claims are wrong)
        String kidB = KEY_B.getKeyID();
        long now = Instant.now().getEpochSecond();
        String claimsB = "\"iss\":\"" + issuerB() + "\",\"aud\":\"dijkwacht\",\"sub\":\"" + USER + "\",\"iat\":" + now;
        cases.add(refuse("issuer B: exp as a string", alone(signRaw(KEY_B, kidB, "{" + claimsB + ",\"exp\":\"" + (now + 600) + "\"}")), valid));
        cases.add(refuse("issuer B: no exp", alone(signRaw(KEY_B, kidB, "{" + claimsB + "}")), valid));
        cases.add(refuse("issuer B: exp as an object", alone(signRaw(KEY_B, kidB, "{" + claimsB + ",\"exp\":{\"t\":1}}")), valid));
        cases.add(refuse("issuer B: iss as a list", alone(signRaw(KEY_B, kidB, "{\"iss\":[\"" + issuerB() + "\"],\"aud\":\"dijkwacht\",\"sub\":\"x\",\"exp\":" + (now + 600) + "}")), valid));
        cases.add(refuse("issuer B: sub as a number", alone(signRaw(KEY_B, kidB, "{\"iss\":\"" + issuerB() + "\",\"aud\":\"dijkwacht\",\"sub\":27,\"exp\":" + (now + 600) + "}")), valid));
        cases.add(refuse("issuer B: exp in the past", alone(signRaw(KEY_B, kidB, "{" + claimsB + ",\"exp\":" + (now - 3600) + "}")), valid));

        // the compact serialisation itself
        cases.add(refuse("signature removed", withKey(parts[0] + "." + parts[1] + "."), valid));
        cases.add(refuse("two segments", withKey(parts[0] + "." + parts[1]), valid));
        cases.add(refuse("last character cut", withKey(valid.substring(0, valid.length() - 1)), valid));
        cases.add(refuse("half the token", withKey(valid.substring(0, valid.length() / 2)), valid));
        cases.add(refuse("extra segment", withKey(valid + ".AAAA"), valid));
        cases.add(refuse("extra dot", withKey(valid + "."), valid));
        cases.add(refuse("five segments (JWE shape)", withKey(parts[0] + ".." + parts[1] + ".." + parts[2]), valid));
        cases.add(refuse("padding on the payload", withKey(parts[0] + "." + parts[1] + "==." + parts[2]), valid));
        String standard = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(parts[1]));
        // the same characters when the payload's encoding has no '-', '_' or padding: then it is the same token
        cases.add(standard.equals(parts[1]) ? accept("standard alphabet payload (identical)", withKey(valid), valid)
                : refuse("standard alphabet payload", withKey(parts[0] + "." + standard + "." + parts[2]), valid));
        // the signature is not part of what is signed: written in the standard alphabet or padded it decodes to the same
        // bytes and verifies (Nimbus reads both alphabets) — the same token
        cases.add(accept("standard alphabet signature", withKey(parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/')), valid));
        cases.add(accept("padded signature", withKey(parts[0] + "." + parts[1] + "." + parts[2] + "=".repeat((4 - parts[2].length() % 4) % 4)), valid));
        cases.add(refuse("whitespace inside", withKey(parts[0] + ". " + parts[1] + "." + parts[2]), valid));
        cases.add(refuse("signature of another token", withKey(parts[0] + "." + parts[1] + "." + staffToken(Map.of("sub", "iemand-anders")).split("\\.")[2]), valid));
        // auth28: the head limit is 32 KB, so an 8 KB token is verified (and this one's signature fails); one of 40 KB is not
        cases.add(refuse("8 KB token, old signature", withKey(tamper(valid, p -> p.put("opvulling", "x".repeat(6000)))), valid));
        cases.add(tooLarge("40 KB token, old signature", withKey(tamper(valid, p -> p.put("opvulling", "x".repeat(30_000)))), valid));
        cases.add(tooLarge("64 KB header", withKey(b64("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(48_000) + "\"}") + "." + parts[1] + "." + parts[2]), valid));
        cases.add(tooLarge("64 KB token alone", alone(b64("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(48_000) + "\"}") + "." + parts[1] + "." + parts[2]), valid));
        cases.add(refuse("non-ASCII in the payload segment", withKey(parts[0] + "." + parts[1] + "é." + parts[2]), valid));
        cases.add(refuse("non-ASCII claim, old signature", withKey(tamper(valid, p -> p.put("department", "Juridische Zakën"))), valid));

        // how the request carries it
        cases.add(refuse("a second Authorization header (another key)", new Send(List.of("Authorization", "Bearer " + validAlone,
                "Authorization", "Bearer " + TestPack.OTHER_TOOL_KEY), ""), validAlone));
        cases.add(refuse("a second Authorization header (a bad token)", new Send(List.of("Authorization", "Bearer " + validAlone,
                "Authorization", "Bearer " + parts[0] + "." + parts[1] + "."), ""), validAlone));
        cases.add(refuse("a second user-token header", withKey(valid, "X-Dijkwacht-User-Token", staffToken(Map.of("sub", SPOOFED_USER))), valid));
        cases.add(refuse("no space after the scheme", new Send(List.of("Authorization", "Bearer" + validAlone), ""), validAlone));
        cases.add(refuse("tab after the scheme", new Send(List.of("Authorization", "Bearer\t" + validAlone), ""), validAlone));
        cases.add(refuse("another scheme", new Send(List.of("Authorization", "Token " + validAlone), ""), validAlone));
        cases.add(refuse("token in the query string", Send.of().withQuery("?access_token=" + validAlone), validAlone));
        cases.add(refuse("token in the query string next to a key", new Send(List.of("Authorization", "Bearer " + TestPack.OTHER_TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-juridisch"), "?access_token=" + valid), valid));

        // odd claim types and values, signed by the real issuer
        cases.add(refuse("department as a number", withKey(staffToken(Map.of("department", 27))), valid));
        cases.add(refuse("department as an object", withKey(staffToken(Map.of("department", Map.of("naam", DEPARTMENT)))), valid));
        cases.add(refuse("department as two departments", withKey(staffToken(Map.of("department", List.of(DEPARTMENT, "Burgerzaken")))), valid));
        cases.add(refuse("department of 10 KB", withKey(staffToken(Map.of("department", DEPARTMENT + " " + "x".repeat(10_000)))), valid));
        cases.add(refuse("department of 200 characters", withKey(staffToken(Map.of("department", DEPARTMENT + " " + "x".repeat(183)))), valid));
        cases.add(refuse("roles with an object inside", withKey(staffToken(Map.of("roles", List.of("jurist", Map.of("rol", "jurist"))))), valid));
        cases.add(refuse("department empty", withKey(staffToken(Map.of("department", ""))), valid));
        for (String lookalike : List.of("Juridische Zak\u0435n", "\uFF2Auridische Zaken", "Juridische\u00A0Zaken", "Juridische Zaken\u200B",
                "juridische zaken", "Juridische  Zaken", "Juri\u0301dische Zaken")) {
            cases.add(refuse("department look-alike " + escape(lookalike), withKey(staffToken(Map.of("department", lookalike))), valid));
        }
        cases.add(refuse("roles as an object", withKey(staffToken(Map.of("roles", Map.of("jurist", true)))), valid));
        cases.add(refuse("sub of 10 KB as an object", withKey(staffToken(Map.of("sub", Map.of("id", "x".repeat(10_000))))), valid));
        cases.add(refuse("sub empty", withKey(staffToken(Map.of("sub", ""))), valid));

        // the other tenant
        cases.add(refuse("tenant B's token with tenant A's key", withKey(staffToken(Map.of("tenant", B))), valid));
        cases.add(refuse("tenant B's token alone as A's token tool", alone(staffToken(Map.of("tenant", B, "azp", TestPack.TOKEN_TOOL_CLIENT))), valid));
        cases.add(refuse("tenant claim naming both tenants", withKey(staffToken(Map.of("tenant", List.of(A, B)))), valid));
        cases.add(refuse("tenant claim naming both tenants, B first", withKey(staffToken(Map.of("tenant", List.of(B, A)))), valid));
        cases.add(refuse("tenant claim as an object", withKey(staffToken(Map.of("tenant", Map.of("id", A)))), valid));
        cases.add(refuse("issuer B's token (tenant B) with A's key", withKey(sign(KEY_B, h -> h, claimsB(USER).build())), valid));
        cases.add(refuse("issuer B's token with a tenant claim of A, with A's key",
                withKey(sign(KEY_B, h -> h, claimsB(USER).claim("tenant", A).build())), valid));
        cases.add(refuse("issuer B's token for B's token tool, with a B tenant key in the user-token header of A's tool",
                withKey(sign(KEY_B, h -> h, claimsB(USER).claim("azp", B_TOKEN_CLIENT).build())), valid));
        // identity49: the shared issuer (claim-mapped, tenants [A]) naming B, which has an issuer of its own; before, the
        // first two were accepted as B's staff — one municipality's identity provider acting for another
        cases.add(refuse("shared issuer's token naming B (own issuer), alone for B's token tool",
                alone(staffToken(Map.of("tenant", B, "azp", B_TOKEN_CLIENT))), valid));
        cases.add(refuse("shared issuer's token naming B (own issuer), with B's tool key",
                Send.of("Authorization", "Bearer " + B_TOOL_KEY, "X-Dijkwacht-User-Token", staffToken(Map.of("tenant", B))), valid));
        for (String variant : List.of(" gemeente-b ", "GEMEENTE-B", "Gemeente-b", "gemeente-b\u200B", "gemeente\u2011b", "gemeente-b\t")) {
            cases.add(refuse("shared issuer's token naming B as " + escape(variant) + ", alone for B's token tool",
                    alone(staffToken(Map.of("tenant", variant, "azp", B_TOKEN_CLIENT))), valid));
        }
        cases.add(refuse("shared issuer's token naming A upper case, alone for A's token tool",
                alone(staffToken(Map.of("tenant", "GEMEENTE", "azp", TestPack.TOKEN_TOOL_CLIENT))), valid));
        String spacedA = staffToken(Map.of("tenant", " " + A + " ", "azp", TestPack.TOKEN_TOOL_CLIENT));
        cases.add(accept("shared issuer's token naming A with white space around it", alone(spacedA), spacedA));
        cases.add(new Case("issuer B's token for B's token tool", alone(sign(KEY_B, h -> h, claimsB(USER).claim("azp", B_TOKEN_CLIENT).build())),
                Expect.ACCEPT, USER, DEPARTMENT, B, valid));
        return cases;
    }

    private static Case accept(String label, Send send, String token) {
        return new Case(label, send, Expect.ACCEPT, USER, DEPARTMENT, A, token);
    }

    private static Case tooLarge(String label, Send send, String token) {
        return new Case(label, send, Expect.TOO_LARGE, null, null, null, token);
    }

    private static Case refuse(String label, Send send, String token) {
        return new Case(label, send, Expect.REFUSE, null, null, null, token);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 128 ? Character.toString(c) : String.format("\\u%04X", c)));
        return out.toString();
    }

    // ------------------------------------------------------------------ sending

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final List<String> ENDPOINTS = List.of("/v1/chat/completions", "/v1/chat/completions#stream", "/v1/responses");

    private static String body(String endpoint) {
        return switch (endpoint) {
            case "/v1/chat/completions" -> "{\"model\":\"dry-run\",\"user\":\"" + SPOOFED_USER
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Schrijf een korte groet.\"}]}";
            case "/v1/chat/completions#stream" -> "{\"model\":\"dry-run\",\"stream\":true,\"user\":\"" + SPOOFED_USER
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Schrijf een korte groet.\"}]}";
            default -> "{\"model\":\"dry-run\",\"user\":\"" + SPOOFED_USER + "\",\"input\":\"Schrijf een korte groet.\"}";
        };
    }

    /** Byte for byte over a socket: header names twice, non-ASCII, sizes an HTTP client would refuse. */
    private Answer send(String endpoint, Send send, String source) throws IOException {
        String path = endpoint.replace("#stream", "") + send.query();
        byte[] body = body(endpoint).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nConnection: close\r\nX-Forwarded-For: " + source
                + "\r\nContent-Length: " + body.length + "\r\n");
        for (int i = 0; i < send.headers().size(); i += 2) {
            head.append(send.headers().get(i)).append(": ").append(send.headers().get(i + 1)).append("\r\n");
        }
        head.append("\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            return parseAnswer(in.readAllBytes());
        }
    }

    private static Answer parseAnswer(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: " + all).isPositive();
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        String body = all.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder out = new StringBuilder();
            String rest = body;
            while (true) {
                int lineEnd = rest.indexOf("\r\n");
                int size = Integer.parseInt(rest.substring(0, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                byte[] bytes = rest.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
                String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
                out.append(chunk);
                rest = rest.substring(lineEnd + 2 + chunk.length() + 2);
            }
            body = out.toString();
        }
        return new Answer(status, headers, body);
    }

    // ------------------------------------------------------------------ the test

    @Test
    void onlyTheValidTokenFromTheRightIssuerIsAnyone(CapturedOutput output) throws Exception {
        Random random = new Random(SEED);
        List<Case> cases = cases();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> secrets = new ArrayList<>(List.of(USER, SPOOFED_USER));
        for (Case c : cases) {
            String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            String source = "198.51.100." + (++sourceCounter % 250 + 1);
            if (sourceCounter > 250) {
                source = "203.0.113." + (sourceCounter % 250 + 1);
            }
            String label = c.label() + " → " + endpoint;
            failures.flush(true);
            long failedBefore = failedAttempts(source);
            Answer answer;
            try {
                answer = send(endpoint, c.send(), source);
            } catch (IOException e) {
                problems.add(label + ": no answer (" + e.getMessage() + ")");
                continue;
            }
            String trace = answer.header("X-Dijkwacht-Trace-Id");
            failures.flush(true);
            long failed = failedAttempts(source) - failedBefore;
            outcomes.merge(answer.status() + (answer.status() >= 400 ? " " + code(answer) : ""), 1, Integer::sum);
            for (String segment : c.token().split("\\.")) {
                if (segment.length() > 16 && answer.body().contains(segment)) {
                    problems.add(label + ": the answer repeats part of the token");
                }
                secrets.add(segment);
            }
            if (c.expect() == Expect.ACCEPT) {
                if (answer.status() != 200) {
                    problems.add(label + ": expected 200, got " + answer.status() + " " + answer.body());
                    continue;
                }
                Map<String, Object> record = awaitRecord(trace);
                if (record == null) {
                    problems.add(label + ": accepted without an audit record");
                    continue;
                }
                if (!pseudonymizer.pseudonym(c.user()).equals(record.get("ACTOR_PSEUDONYM"))) {
                    problems.add(label + ": the audit names " + record.get("ACTOR_PSEUDONYM") + ", not the token's user");
                }
                if (!c.department().equals(record.get("DEPARTMENT"))) {
                    problems.add(label + ": department " + record.get("DEPARTMENT"));
                }
                if (!c.tenant().equals(record.get("TENANT"))) {
                    problems.add(label + ": tenant " + record.get("TENANT"));
                }
                if (failed != 0) {
                    problems.add(label + ": accepted but counted as a failed authentication");
                }
                continue;
            }
            if (c.expect() == Expect.TOO_LARGE) {
                long records = trace == null ? 0 : awaitRecordCount(trace, 0);
                if (answer.status() != 431 || !"headers_too_large".equals(code(answer)) || formatProblem(answer, true) != null
                        || records != 0 || failed != 0) {
                    problems.add(label + ": expected 431 headers_too_large before authentication, got " + answer.status() + " "
                            + abbreviate(answer.body()) + ", records " + records + ", counted " + failed);
                }
                continue;
            }
            // refused
            if (answer.status() != 401 && answer.status() != 403) {
                problems.add(label + ": expected 401 or 403, got " + answer.status() + " " + abbreviate(answer.body()));
                continue;
            }
            String problem = formatProblem(answer, true);
            if (problem != null) {
                problems.add(label + ": " + problem);
            }
            long records = trace == null ? 0 : awaitRecordCount(trace, answer.status() == 403 ? 1 : 0);
            if (answer.status() == 401 && (records != 0 || failed != 1)) {
                problems.add(label + ": 401 must leave no record and one counted failure; records " + records + ", counted " + failed);
            }
            if (answer.status() == 403) {
                if (records != 1) {
                    problems.add(label + ": 403 must leave exactly one audit record, found " + records);
                } else {
                    Map<String, Object> record = auditRecord(trace);
                    if (!code(answer).equals(record.get("ERROR_CODE")) || !Integer.valueOf(403).equals(record.get("HTTP_STATUS"))) {
                        problems.add(label + ": the record says " + record.get("ERROR_CODE") + "/" + record.get("HTTP_STATUS"));
                    }
                }
                if (failed != 0) {
                    problems.add(label + ": a 403 was counted as a failed authentication");
                }
            }
        }
        // unknown kids under issuer B's iss: how often does each make the gateway fetch B's keys?
        int fetchesBefore = idpB.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/b/jwks"))).size();
        for (int i = 0; i < 10; i++) {
            Answer answer = send("/v1/chat/completions", alone(sign(KEY_ATTACKER, h -> h.keyID("onbekend-b-" + random.nextInt()),
                    claimsB(USER).claim("azp", B_TOKEN_CLIENT).build())), "192.0.2." + (i + 1));
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        }
        int fetches = idpB.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/b/jwks"))).size() - fetchesBefore;
        System.out.println("auth27 key fetches at issuer B for 10 tokens with unknown kids: " + fetches);
        assertThat(fetches).as("made-up key ids do not make the gateway ask the identity provider each time").isLessThanOrEqualTo(1);
        assertThat(idpB.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream().map(r -> r.getUrl()).distinct().toList())
                .as("issuer B was asked only for its keys").containsOnly("/b/jwks");
        assertThat(attacker.getAllServeEvents()).as("jku/x5u/jwk headers are never followed").isEmpty();
        String log = output.getAll();
        for (String secret : secrets) {
            if (secret.length() > 16 && log.contains(secret)) {
                problems.add("the log holds a token part or claim value: " + abbreviate(secret));
            }
        }
        assertThat(log).as("the log holds no claim value").doesNotContain(USER).doesNotContain(SPOOFED_USER);
        System.out.println("auth27 outcomes over " + cases.size() + " cases: " + outcomes);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private long failedAttempts(String source) {
        Long sum = jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE source = ?", Long.class, source);
        return sum == null ? 0 : sum;
    }

    private String code(Answer answer) {
        try {
            return json.readTree(answer.body()).path("error").path("code").asText();
        } catch (Exception e) {
            return "(no JSON)";
        }
    }

    /** Null when the answer is a Dutch refusal in the OpenAI format that names no Java class; else what is wrong. */
    private static String formatProblem(Answer answer, boolean traced) {
        JsonNode error;
        try {
            error = json.readTree(answer.body()).path("error");
        } catch (Exception e) {
            return "not JSON: " + abbreviate(answer.body());
        }
        String message = error.path("message").asText();
        if (message.isEmpty() || error.path("code").asText().isEmpty() || error.path("type").asText().isEmpty()) {
            return "not the OpenAI error format: " + abbreviate(answer.body());
        }
        for (String word : JAVA_WORDS) {
            if (answer.body().contains(word)) {
                return "names '" + word + "': " + abbreviate(answer.body());
            }
        }
        if (java.util.regex.Pattern.compile("\\{\\w+=").matcher(message).find()) {
            return "a Java map in the message: " + abbreviate(message);
        }
        List<String> words = List.of(message.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
        if (words.stream().noneMatch(DUTCH::contains)) {
            return "not Dutch: " + message;
        }
        if (answer.body().length() > 2000) {
            return "an answer of " + answer.body().length() + " characters";
        }
        if (traced && answer.header("X-Dijkwacht-Trace-Id") == null) {
            return "no trace id";
        }
        return null;
    }

    private Map<String, Object> awaitRecord(String trace) throws InterruptedException {
        return awaitRecordCount(trace, 1) == 1 ? auditRecord(trace) : null;
    }

    /** The audit writer records after the answer: wait (bounded) for {@code expected} records, then count. */
    private long awaitRecordCount(String trace, int expected) throws InterruptedException {
        long count = 0;
        for (int i = 0; i < (expected == 0 ? 5 : 100); i++) {
            count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", Long.class, trace);
            if (count >= expected && expected > 0) {
                return count;
            }
            Thread.sleep(20);
        }
        return count;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
