package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.console.OidcSignIn.HttpBrowser;
import nl.dijkwacht.support.ConsoleBrowser;
import nl.dijkwacht.support.FreePort;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Console sign-in through a real OIDC issuer (Spring Authorization Server in-process) with the authorisation-code
 * flow, in Debian Chromium: the ID token's roles decide admin or auditor exactly as the APIs do, someone with both
 * roles or none gets no session, and the local development accounts are off because the store is not the embedded
 * H2 default. One browser session for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOidcLoginTest {

    static final int PORT = FreePort.find();
    static final String CLIENT = "dijkwacht-console";
    static final String SECRET = "console-secret-" + UUID.randomUUID();
    static Path dataDir;
    /**
     * The gateway's way to the issuer's token endpoint: passes every request on to the real issuer, unless a test has
     * it answer with a token response of its own making (a tampered or replayed ID token) — auth27.
     */
    static final WireMockServer tokenEndpoint = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .extensions(new IdTokenEdit()));
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestIssuer issuer = TestIssuer.get();
        issuer.addWebClient(CLIENT, SECRET, "http://localhost:" + PORT + "/console/login/oauth2/code/gemeente");
        issuer.addUser("anna", "anna-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "name", "Anna de Auditor"));
        issuer.addUser("bert", "bert-wachtwoord", Map.of("roles", List.of("dijkwacht-admin")));
        issuer.addUser("chris", "chris-wachtwoord", Map.of("roles", List.of("dijkwacht-admin", "dijkwacht-auditor")));
        // auth28: the tenant claim as text (the default tenant) and as what is no tenant name
        issuer.addUser("gerda", "gerda-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", "gemeente"));
        issuer.addUser("dora", "dora-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", List.of("gemeente")));
        issuer.addUser("eva", "eva-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", 27));
        issuer.addUser("femke", "femke-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", true));
        issuer.addUser("hanna", "hanna-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", Map.of("id", "gemeente")));
        // leftover45: ID tokens valid longer than the issuer's max-token-lifetime (24 h by default): a year left, and a
        // lifetime (exp - iat) of thirty days that ends in half an hour
        issuer.addUser("ivo", "ivo-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"),
                "exp", java.time.Instant.now().plus(java.time.Duration.ofDays(365))));
        issuer.addUser("joke", "joke-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"),
                "iat", java.time.Instant.now().minus(java.time.Duration.ofDays(30))));
        // identity49: a second tenant this gateway serves, which the test issuer may not name (it lists no tenants: the
        // default tenant only); before, its tenant claim made "ilse" an administrator of gemeente-b
        issuer.addUser("ilse", "ilse-wachtwoord", Map.of("roles", List.of("dijkwacht-admin"), "tenant", "gemeente-b"));
        issuer.addUser("karel", "karel-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "tenant", "Gemeente"));
        java.nio.file.Path tenantB = nl.dijkwacht.tenancy.TwoTenants.writeTenantB();
        registry.add("dijkwacht.tenants.gemeente-b.policies-dir", tenantB::toString);
        dataDir = OidcSignIn.register(registry, PORT, CLIENT, SECRET);
        registry.add("spring.security.oauth2.client.registration.gemeente.client-name", () -> "Gemeente-account");
        if (!tokenEndpoint.isRunning()) {
            tokenEndpoint.start();
        }
        tokenEndpoint.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(issuer.issuerUri())));
        registry.add("spring.security.oauth2.client.provider.gemeente.token-uri", () -> tokenEndpoint.baseUrl() + "/oauth2/token");
        issuer.register(registry);
    }

    ConsoleBrowser browser;

    @BeforeAll
    void openBrowser() {
        // localhost, not 127.0.0.1: the issuer runs on 127.0.0.1 and cookies are per host, not per port
        browser = ConsoleBrowser.open("http://localhost:" + PORT);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        tokenEndpoint.stop();
    }

    private void signInAtTheIssuer(String user, String password) {
        // a new person: forget both sessions, the gateway's and the issuer's (cookies are per host)
        browser.driver().get(TestIssuer.get().issuerUri() + "/.well-known/openid-configuration");
        browser.logout();
        browser.get("/console/inloggen");
        browser.logout();
        browser.get("/console/inloggen");
        assertThat(browser.driver().findElements(By.id("password"))).as("local accounts are off").isEmpty();
        browser.find(By.linkText("Inloggen via Gemeente-account")).click();
        browser.find(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        try {
            browser.waiting().until(d -> d.getCurrentUrl().startsWith("http://localhost:" + PORT + "/console"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("sign-in did not come back: " + browser.driver().getCurrentUrl() + "\n" + browser.text(), e);
        }
    }

    @Test
    void theIdentityProviderDecidesTheRoleAsTheApisDo() {
        signInAtTheIssuer("anna", "anna-wachtwoord");
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains("Ingelogd als Anna de Auditor (auditor)");
        browser.get("/console/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Auditlog");
        browser.get("/console/beheer");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Geen toegang");

        signInAtTheIssuer("bert", "bert-wachtwoord");
        browser.get("/console/beheer");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Modellen en beleid");
        browser.get("/console/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Geen toegang");

        signInAtTheIssuer("chris", "chris-wachtwoord");
        assertThat(browser.path()).startsWith("/console/inloggen?fout");
        browser.get("/console");
        assertThat(browser.path()).isEqualTo("/console/inloggen");
    }

    @org.springframework.beans.factory.annotation.Autowired
    nl.dijkwacht.limits.AuthFailureCounter authFailures;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long countedFailures(String reason) {
        authFailures.flush(true);
        Long n = jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE reason = ?", Long.class, reason);
        return n == null ? 0 : n;
    }

    /**
     * auth28: the console read the tenant claim with {@code toString()}, so a list, number, boolean or object became a
     * "tenant". Read typed now: a claim that is not one text signs nobody in, the sign-in page says why in Dutch, and the
     * failed sign-in is counted like a refused key ({@code auth_failure_minute}, reason {@code console_tenant_claim_invalid}).
     */
    @Test
    void aTenantClaimThatIsNotOneTextSignsNobodyInAndSaysWhy() throws Exception {
        long before = countedFailures("console_tenant_claim_invalid");

        // in Chromium: the page the person sees
        signInAtTheIssuer("dora", "dora-wachtwoord");
        assertThat(browser.path()).isEqualTo("/console/inloggen?fout=tenant_claim_invalid");
        assertThat(browser.text()).contains("Inloggen is niet gelukt.")
                .contains("Uw account noemt de organisatie (tenant) niet als één naam")
                .doesNotContain("Controleer uw gebruikersnaam en wachtwoord");
        browser.get("/console");
        assertThat(browser.path()).isEqualTo("/console/inloggen");

        for (String user : List.of("eva", "femke", "hanna")) {
            HttpBrowser other = new HttpBrowser();
            String callback = signInAtIssuer(other, user, user + "-wachtwoord");
            HttpResponse<String> answer = other.get(callback);
            assertThat(location(answer)).as(user).endsWith("/console/inloggen?fout=tenant_claim_invalid");
            assertThat(other.get(gateway() + "/console").statusCode()).as(user + " has no session").isNotEqualTo(200);
        }
        assertThat(countedFailures("console_tenant_claim_invalid") - before).isEqualTo(4);

        // the same claim as text signs in (the default tenant)
        HttpBrowser gerda = new HttpBrowser();
        assertThat(signedIn(gerda, signInAtIssuer(gerda, "gerda", "gerda-wachtwoord"))).isTrue();
    }

    /**
     * leftover45: the console's ID token was checked by Spring's own validator only (not expired), not by the issuer's
     * {@code max-token-lifetime} as the APIs' tokens are. An ID token with a year left, or issued thirty days before it
     * expires, signs nobody in; the sign-in page says why in Dutch and the failure is counted; an ordinary one signs in.
     */
    @Test
    void anIdTokenValidLongerThanTheIssuerAllowsSignsNobodyIn() throws Exception {
        long before = countedFailures("console_token_lifetime_too_long");
        for (String user : List.of("ivo", "joke")) {
            HttpBrowser browser = new HttpBrowser();
            HttpResponse<String> answer = browser.get(signInAtIssuer(browser, user, user + "-wachtwoord"));
            String where = location(answer);
            assertThat(where).as(user).endsWith("/console/inloggen?fout=token_lifetime_too_long");
            assertThat(browser.get(where).body()).as(user).contains("langer geldig is dan Dijkwacht toestaat");
            assertThat(browser.get(gateway() + "/console").statusCode()).as(user + " has no session").isNotEqualTo(200);
        }
        assertThat(countedFailures("console_token_lifetime_too_long") - before).isEqualTo(2);

        HttpBrowser anna = new HttpBrowser();
        assertThat(signedIn(anna, signInAtIssuer(anna, "anna", "anna-wachtwoord"))).as("an ordinary ID token").isTrue();
    }

    /**
     * identity49: the console's sign-in binds the tenant to the identity provider as the APIs do. The test issuer lists no
     * tenants, so its tenant claim may name only the default tenant: "ilse" (claim gemeente-b, a tenant this gateway
     * serves) signs nobody in; the page says why in Dutch and the refusal is counted (reason console_tenant_not_allowed).
     * Before, ilse became gemeente-b's administrator. "karel" (claim "Gemeente": the default tenant's id in another case)
     * is not folded to it: no such tenant.
     */
    @Test
    void aTenantClaimTheIssuerMayNotNameSignsNobodyIn() throws Exception {
        long before = countedFailures("console_tenant_not_allowed");

        signInAtTheIssuer("ilse", "ilse-wachtwoord");
        assertThat(browser.path()).isEqualTo("/console/inloggen?fout=tenant_not_allowed");
        assertThat(browser.text()).contains("Inloggen is niet gelukt.")
                .contains("identiteitsprovider die niet namens uw organisatie mag optreden")
                .doesNotContain("gemeente-b");
        browser.get("/console/beheer");
        assertThat(browser.path()).isEqualTo("/console/inloggen");

        HttpBrowser karel = new HttpBrowser();
        HttpResponse<String> answer = karel.get(signInAtIssuer(karel, "karel", "karel-wachtwoord"));
        assertThat(location(answer)).endsWith("/console/inloggen?fout=tenant_unknown");
        assertThat(karel.get(gateway() + "/console").statusCode()).as("karel has no session").isNotEqualTo(200);

        assertThat(countedFailures("console_tenant_not_allowed") - before).isEqualTo(1);
    }

    // ------------------------------------------------------------------ auth27: forged state, replays, tampered ID tokens

    private static String gateway() {
        return "http://localhost:" + PORT;
    }

    private static String location(HttpResponse<String> response) {
        return OidcSignIn.location(response);
    }

    private static String signInAtIssuer(HttpBrowser browser, String user, String password) throws Exception {
        return OidcSignIn.atIssuer(browser, gateway(), user, password);
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static String withParam(String url, String name, String value) {
        return url.replaceFirst("([?&]" + name + "=)[^&]*", "$1" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** Visits the callback; whether it signed the browser in (the console answers) or sent it back with an error. */
    private static boolean signedIn(HttpBrowser browser, String callback) throws Exception {
        HttpResponse<String> answer = browser.get(callback);
        assertThat(answer.statusCode()).as(answer.body()).isBetween(300, 399);
        String where = location(answer);
        HttpResponse<String> console = browser.get(gateway() + "/console");
        boolean in = console.statusCode() == 200;
        assertThat(in).as("the callback's redirect (%s) and the session agree", where)
                .isEqualTo(!where.contains("/console/inloggen"));
        if (!in) {
            assertThat(where).contains("/console/inloggen?fout");
        }
        return in;
    }

    /**
     * Edits the issuer's token response on its way to the gateway (the ID token in it), and keeps the last ID token the
     * issuer really sent. Off ({@code null}) the response passes as the issuer sent it.
     */
    static final class IdTokenEdit implements ResponseTransformerV2 {
        static volatile java.util.function.UnaryOperator<String> edit;
        static volatile String lastGenuine;

        @Override
        public Response transform(Response response, ServeEvent event) {
            if (!event.getRequest().getUrl().startsWith("/oauth2/token") || response.getStatus() != 200) {
                return response;
            }
            try {
                ObjectNode tokens = (ObjectNode) JSON.readTree(response.getBodyAsString());
                lastGenuine = tokens.path("id_token").asText();
                java.util.function.UnaryOperator<String> change = edit;
                if (change == null) {
                    return response;
                }
                tokens.put("id_token", change.apply(lastGenuine));
                return Response.Builder.like(response).but().headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
                        .body(JSON.writeValueAsString(tokens)).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getName() {
            return "auth27-id-token-edit";
        }
    }

    /** Visits the callback while the ID token the gateway receives is changed by {@code edit}. */
    private static boolean signedInWith(HttpBrowser browser, String callback, java.util.function.UnaryOperator<String> edit) throws Exception {
        IdTokenEdit.edit = edit;
        try {
            return signedIn(browser, callback);
        } finally {
            IdTokenEdit.edit = null;
        }
    }

    private static String tamperIdToken(String idToken, java.util.function.UnaryOperator<ObjectNode> edit) {
        String[] parts = idToken.split("\\.");
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(edit.apply(payload)))
                    + "." + parts[2];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aForgedOrReplayedStateOrCodeSignsNobodyIn() throws Exception {
        HttpBrowser anna = new HttpBrowser();
        String callback = signInAtIssuer(anna, "anna", "anna-wachtwoord");

        // another state than the one this browser's sign-in started with
        assertThat(signedIn(anna, withParam(callback, "state", param(callback, "state") + "x"))).as("forged state").isFalse();
        // the issuer's answer carried to a browser that started no sign-in (login CSRF)
        assertThat(signedIn(new HttpBrowser(), callback)).as("callback in another browser").isFalse();

        HttpBrowser bert = new HttpBrowser();
        String own = signInAtIssuer(bert, "bert", "bert-wachtwoord");
        assertThat(signedIn(bert, own)).as("the untouched sign-in").isTrue();
        // the same callback again, in a new browser
        HttpBrowser replay = new HttpBrowser();
        assertThat(signedIn(replay, own)).as("replayed callback, new browser").isFalse();
        // a new sign-in of its own, carrying the old (used) code under the new state
        String fresh = signInAtIssuer(replay, "bert", "bert-wachtwoord");
        assertThat(signedIn(replay, withParam(fresh, "code", param(own, "code")))).as("used code under a fresh state").isFalse();
    }

    @Test
    void aTamperedUnsignedOrReplayedIdTokenSignsNobodyIn() throws Exception {
        // control: the issuer's answer, passed through the edit point unchanged, signs the auditor in
        HttpBrowser control = new HttpBrowser();
        assertThat(signedInWith(control, signInAtIssuer(control, "anna", "anna-wachtwoord"), t -> t)).as("the untouched ID token").isTrue();
        String genuine = IdTokenEdit.lastGenuine;
        assertThat(genuine).isNotBlank();

        // the auditor's ID token made an administrator's, under the old signature
        HttpBrowser tamper = new HttpBrowser();
        assertThat(signedInWith(tamper, signInAtIssuer(tamper, "anna", "anna-wachtwoord"), t -> tamperIdToken(t, p -> {
            p.putArray("roles").add("dijkwacht-admin");
            return p;
        }))).as("tampered roles").isFalse();

        // unsigned (alg none), its nonce right
        HttpBrowser unsigned = new HttpBrowser();
        assertThat(signedInWith(unsigned, signInAtIssuer(unsigned, "anna", "anna-wachtwoord"), t -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + t.split("\\.")[1] + "."))
                .as("alg none").isFalse();

        // the first sign-in's genuine ID token (the nonce of another sign-in) replayed into a new one
        HttpBrowser replay = new HttpBrowser();
        assertThat(signedInWith(replay, signInAtIssuer(replay, "anna", "anna-wachtwoord"), t -> genuine))
                .as("replayed ID token, nonce of another sign-in").isFalse();
    }
}
