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
import nl.dijkwacht.identity.CallerAuthenticator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A console session of a local account ends when operators.yaml no longer holds the account as it signed in
 * (redteam47): the key replaced after a leak, the account removed or its role changed. Before, the session went on for
 * as long as the person kept clicking — the new key locked out only the next sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSessionEndTest {

    static Path policies;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path root = Files.createTempDirectory("dw-console-session-end");
        policies = root.resolve("policies");
        FileSystemUtils.copyRecursively(Path.of("../policies").toAbsolutePath().normalize(), policies);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:console-session-end-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.data-dir", () -> root.resolve("data").toString());
        registry.add("dijkwacht.policies-dir", policies::toString);
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.policy.poll-interval", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Test
    void anAuditorsSessionEndsWhenTheirKeyIsReplaced() throws Exception {
        HttpClient auditor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(auditor, "dev-auditor", GatewayClient.AUDITOR_KEY);
        assertThat(get(auditor, "/console/audit").statusCode()).isEqualTo(200);

        // the key leaked: the administrator replaces it and reloads the policy
        Path operators = policies.resolve("operators.yaml");
        String newKey = "rt47-nieuwe-auditorsleutel";
        Files.writeString(operators, Files.readString(operators).replace(CallerAuthenticator.sha256(GatewayClient.AUDITOR_KEY),
                CallerAuthenticator.sha256(newKey)));
        GatewayClient api = new GatewayClient(port);
        HttpResponse<String> reload = api.post("/admin/policy/reload", GatewayClient.ADMIN_KEY, "{}");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);

        HttpResponse<String> after = get(auditor, "/console/audit");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/console/inloggen?fout=account_changed");
        HttpResponse<String> signIn = get(auditor, "/console/inloggen?fout=account_changed");
        assertThat(signIn.body()).contains("Uw sessie is beëindigd");
        // the session is gone, not only this request: the next page asks for a sign-in too
        assertThat(get(auditor, "/console/audit").headers().firstValue("Location").orElse("")).endsWith("/console/inloggen");
        // the new key signs in
        HttpClient again = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(again, "dev-auditor", newKey);
        assertThat(get(again, "/console/audit").statusCode()).isEqualTo(200);
    }

    private void login(HttpClient http, String user, String password) throws Exception {
        String form = get(http, "/console/inloggen").body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(m.find()).as("CSRF field in the form").isTrue();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).as(r.body()).endsWith("/console");
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
