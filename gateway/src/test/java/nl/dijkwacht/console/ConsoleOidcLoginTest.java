package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestIssuer issuer = TestIssuer.get();
        issuer.addWebClient(CLIENT, SECRET, "http://localhost:" + PORT + "/console/login/oauth2/code/gemeente");
        issuer.addUser("anna", "anna-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "name", "Anna de Auditor"));
        issuer.addUser("bert", "bert-wachtwoord", Map.of("roles", List.of("dijkwacht-admin")));
        issuer.addUser("chris", "chris-wachtwoord", Map.of("roles", List.of("dijkwacht-admin", "dijkwacht-auditor")));
        dataDir = Files.createTempDirectory("dw-console-oidc");
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:console-oidc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("dijkwacht.console.local-accounts", () -> "off");
        registry.add("dijkwacht.data-dir", dataDir::toString);
        registry.add("dijkwacht.policies-dir", () -> Path.of("../policies").toAbsolutePath().normalize().toString());
        registry.add("dijkwacht.models-dir", () -> Path.of("../models-config").toAbsolutePath().normalize().toString());
        registry.add("spring.security.oauth2.client.registration.gemeente.client-id", () -> CLIENT);
        registry.add("spring.security.oauth2.client.registration.gemeente.client-secret", () -> SECRET);
        registry.add("spring.security.oauth2.client.registration.gemeente.client-name", () -> "Gemeente-account");
        registry.add("spring.security.oauth2.client.registration.gemeente.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.registration.gemeente.redirect-uri",
                () -> "{baseUrl}/console/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.gemeente.issuer-uri", issuer::issuerUri);
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
}
