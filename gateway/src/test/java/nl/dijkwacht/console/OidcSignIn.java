package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
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
import nl.dijkwacht.support.TestIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Console sign-in at the in-process {@link TestIssuer} without a browser window (registration {@code gemeente}). */
final class OidcSignIn {

    private OidcSignIn() {
    }

    /**
     * A gateway on {@code port} with the console's sign-in through the issuer (registration {@code gemeente}), local
     * accounts off, its own in-memory store and data directory, the repository's policies; returns the data directory.
     */
    static Path register(DynamicPropertyRegistry registry, int port, String client, String secret) throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("dw-console-oidc");
        registry.add("server.port", () -> port);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:console-oidc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.console.local-accounts", () -> "off");
        registry.add("dijkwacht.data-dir", dataDir::toString);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("spring.security.oauth2.client.registration.gemeente.client-id", () -> client);
        registry.add("spring.security.oauth2.client.registration.gemeente.client-secret", () -> secret);
        registry.add("spring.security.oauth2.client.registration.gemeente.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.registration.gemeente.redirect-uri",
                () -> "{baseUrl}/console/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.gemeente.issuer-uri", TestIssuer.get()::issuerUri);
        return dataDir;
    }

    /** A browser without a window: its own cookies for the gateway and the issuer, redirects followed by hand. */
    static final class HttpBrowser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return location.startsWith("/") ? URI.create(response.uri().toString()).resolve(location).toString() : location;
    }

    /**
     * Starts a console sign-in in {@code browser} and signs in at the issuer when it asks; returns the address the issuer
     * sends the browser back to (the gateway's callback with {@code code} and {@code state}), without visiting it.
     */
    static String atIssuer(HttpBrowser browser, String gateway, String user, String password) throws Exception {
        String issuer = TestIssuer.get().issuerUri();
        String next = location(browser.get(gateway + "/console/oauth2/authorization/gemeente"));
        for (int hops = 0; hops < 10; hops++) {
            if (!next.startsWith(issuer)) {
                return next;
            }
            if (URI.create(next).getPath().equals("/login")) {
                String page = browser.get(next).body();
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
                assertThat(csrf.find()).as(page).isTrue();
                next = location(browser.postForm(issuer + "/login", "username=" + user + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)));
            } else {
                next = location(browser.get(next));
            }
        }
        throw new AssertionError("the issuer did not send the browser back: " + next);
    }

}
