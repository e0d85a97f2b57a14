package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.audit.GatewayClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's protections that a browser test does not show by looking: every form needs its CSRF token (a post
 * without one changes nothing), sessions end after 20 minutes without a request, and every page carries the security
 * headers — a Content-Security-Policy without inline scripts or styles, no framing, no MIME sniffing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSecurityTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path root = Files.createTempDirectory("dw-console-security");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:console-security-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.data-dir", () -> root.resolve("data").toString());
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.policy.poll-interval", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (String path : new String[] {"/console/inloggen", "/transparantie"}) {
            HttpResponse<String> page = get(http, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            // and the pages honour their own policy: no inline script or style in the HTML
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\b(src|type=\"application/json\"))[^>]*>")
                    .doesNotContain("style=\"").doesNotContain(" onclick=");
        }
    }

    @Test
    void aResidentReadingThePublicPageGetsNoSessionAndADutchTime() throws Exception {
        HttpClient http = HttpClient.newBuilder().build();
        for (String path : new String[] {"/transparantie", "/transparantie/gemeente"}) {
            HttpResponse<String> page = get(http, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            // no session cookie: the page has no form, and a session per anonymous visitor would only fill memory
            assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(page.headers().firstValue("Content-Language")).as(path).hasValue("nl");
            assertThat(page.body()).as(path).doesNotContain("csrf-token")
                    .containsPattern("bijgewerkt <span>\\d{1,2} [a-z]{3}\\.? \\d{4} \\d{2}:\\d{2}:\\d{2} UTC</span>");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // signing in without the token is refused: no session is signed in, whatever page the refusal shows
        get(http, "/console/inloggen");
        HttpResponse<String> noTokenLogin = post(http, "/console/inloggen",
                "username=dev-beheerder&password=" + URLEncoder.encode(GatewayClient.ADMIN_KEY, StandardCharsets.UTF_8));
        assertThat(noTokenLogin.statusCode()).isIn(302, 403);
        assertThat(noTokenLogin.headers().firstValue("Location").orElse("")).doesNotEndWith("/console");
        HttpResponse<String> after = get(http, "/console/beheer");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/console/inloggen");

        login(http, "dev-beheerder", GatewayClient.ADMIN_KEY);
        // the kill switch without the token: refused, and the model still answers
        HttpResponse<String> noToken = post(http, "/console/beheer/model/dry-run/opschorten", "reason=zonder+token");
        HttpResponse<String> wrongToken = post(http, "/console/beheer/model/dry-run/opschorten", "reason=vals&_csrf=" + UUID.randomUUID());
        for (HttpResponse<String> refused : java.util.List.of(noToken, wrongToken)) {
            // refused (403, or Spring's redirect to a refusal page), never the page that confirms a suspension
            assertThat(refused.statusCode()).isIn(302, 403);
            assertThat(refused.headers().firstValue("Location").orElse("")).doesNotEndWith("/console/beheer");
        }
        GatewayClient client = new GatewayClient(port);
        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Hallo", false)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExplainOfAPromptBeyondTheBodyLimitSaysItWouldBeRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(http, "dev-beheerder", GatewayClient.ADMIN_KEY);
        String token = csrf(get(http, "/console/beheer/uitleg").body());
        HttpResponse<String> page = post(http, "/console/beheer/uitleg", "tool=dev-cli&prompt=" + "x".repeat(1024 * 1024 + 1)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("De prompt is groter dan 1024 KB").doesNotContain("id=\"uitleg-besluit\"");
    }

    @Test
    void consoleSessionsEndAfterTwentyMinutesWithoutARequest() throws Exception {
        // the running Tomcat's session timeout (server.servlet.session.timeout), in minutes
        assertThat(context.getServletContext().getSessionTimeout()).isEqualTo(20);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(http, "dev-auditor", GatewayClient.AUDITOR_KEY);
        var cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(cookie.isHttpOnly()).as("session cookie not readable by scripts").isTrue();
    }

    private void login(HttpClient http, String user, String password) throws Exception {
        String form = get(http, "/console/inloggen").body();
        HttpResponse<String> r = post(http, "/console/inloggen", "username=" + user + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf(form), StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("Location").orElse("")).as(r.body()).endsWith("/console");
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF field in the form").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
