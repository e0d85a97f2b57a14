package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.audit.GatewayClient;
import nl.dijkwacht.support.ConsoleBrowser;
import nl.dijkwacht.support.PackGateway;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The console in a real browser (Debian Chromium, headless, via Selenium), on the embedded default with the default
 * policy pack and the built-in dry-run model: one browser session for the whole class. Every page it visits is also
 * checked with axe-core (no serious or critical WCAG violations) and photographed (target/console-screenshots;
 * {@code -Ddijkwacht.screenshots=docs} writes docs/console/). All data is synthetic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String AUDITOR = "dev-auditor";
    static final String ADMIN = "dev-beheerder";
    static Path root;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        // a copy of the default pack: one test writes a broken edit into it
        root = PackGateway.copyOfShippedPack(registry, "console");
        TestIssuer.get().register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ConsoleBrowser browser;
    GatewayClient client;
    final List<String> traces = new ArrayList<>();
    String letterTrace;
    final List<String> axeFindings = new ArrayList<>();

    @BeforeAll
    void startBrowserAndMakeTraffic() {
        client = new GatewayClient(port);
        for (int i = 0; i < 6; i++) {
            traces.add(chat("Vraag " + i + " over de afvalkalender", "algemene-vragen", "medewerker-" + i, i % 2 == 0 ? "Burgerzaken" : "Sociaal Domein"));
        }
        letterTrace = chat("Schrijf een brief aan jan.devries@example.nl over BSN 111222333", "brieven-opstellen", "medewerker-7", "Burgerzaken");
        HttpResponse<String> refused = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Hallo", false),
                "X-Dijkwacht-Use-Case", "bestaat-niet");
        assertThat(refused.statusCode()).isEqualTo(403);
        browser = ConsoleBrowser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    private String chat(String text, String useCase, String user, String department) {
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody(text, false),
                "X-Dijkwacht-Use-Case", useCase, "X-Dijkwacht-User-Token", TestIssuer.get().staffToken(user, department));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    /** axe-core in the page: serious and critical WCAG violations are collected and asserted at the end. */
    private void checkAccessibility(String page) {
        browser.axeViolations("serious", "critical").forEach(v -> axeFindings.add(page + ": " + v));
    }

    @Test
    @Order(1)
    void anAdministratorSeesTheDashboardButNoAuditContent() {
        browser.login(ADMIN, GatewayClient.ADMIN_KEY);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Overzicht");
        assertThat(browser.find(By.id("totaal-verzoeken")).getText()).isNotEqualTo("0");
        assertThat(browser.driver().findElements(By.linkText("Auditlog"))).isEmpty();
        browser.get("/console/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
        browser.get("/console/audit/trace/" + letterTrace);
        assertThat(browser.text()).contains("Geen toegang").doesNotContain("jan.devries");
        browser.get("/console/toezicht");
        assertThat(browser.text()).contains("Geen toegang");
        checkAccessibility("geen toegang");
    }

    @Test
    @Order(2)
    void anAuditorCannotChangePolicyOrTheKillSwitch() throws Exception {
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        assertThat(browser.driver().findElements(By.linkText("Modellen en beleid"))).isEmpty();
        browser.get("/console/beheer");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
        // a forged kill-switch post with the auditor's session (and a valid CSRF token) is refused too
        String token = browser.driver().findElement(By.cssSelector("meta[name='csrf-token']")).getAttribute("content");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/console/beheer/model/dry-run/opschorten"))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reason=test&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("nog steeds open", false)).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void theDashboardShowsChartsWithTablesBesideThem() {
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        browser.get("/console?periode=dag&indeling=department");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-chart='chart-requests'] canvas")).isEmpty());
        assertThat(browser.find(By.cssSelector("table caption")).getText()).isEqualTo("Totaal per afdeling");
        assertThat(browser.text()).contains("Burgerzaken", "Sociaal Domein", "Beslissingen", "Menselijke beoordeling",
                "brieven-opstellen", "Ketens en hun laatste schakel");
        assertThat(browser.driver().findElement(By.id("weigeringen")).getText()).contains("use_case_unknown");
        browser.screenshot("dashboard");
        checkAccessibility("dashboard");
    }

    @Test
    @Order(4)
    void keyboardOnlySearchFindsATraceAndOpensItsDecisionPath() {
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        browser.get("/console/audit");
        // skip link first, then straight into the search form, all by keyboard
        WebElement body = browser.find(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Direct naar de inhoud");
        browser.assertFocusVisible();
        skip.sendKeys(Keys.ENTER);
        browser.tabTo("department", 40).sendKeys("Burgerzaken");
        browser.assertFocusVisible();
        new Select(browser.tabTo("useCase", 40)).getOptions();
        browser.driver().switchTo().activeElement().sendKeys("brieven");
        browser.tabTo("zoeken", 40);
        browser.assertFocusVisible();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.path().startsWith("/console/audit?zoekopdracht="));
        assertThat(browser.path()).doesNotContain("Burgerzaken").doesNotContain("brieven");
        WebElement link = browser.tabUntil(e -> "a".equals(e.getTagName()) && letterTrace.equals(e.getText()), 80);
        browser.assertFocusVisible();
        link.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> browser.path().equals("/console/audit/trace/" + letterTrace));
        List<WebElement> steps = browser.driver().findElements(By.cssSelector("li.dw-step"));
        assertThat(steps).hasSize(14); // every pipeline step in order (DecisionPath), the model call and the answer
        assertThat(browser.text()).contains("Persoonsgegevens zoeken en vervangen", "BSN", "EMAIL", "dry-run",
                "Bewaarde tekst", "Beleidsversie");
        assertThat(browser.text()).doesNotContain("111222333").doesNotContain("jan.devries");
        browser.screenshot("trace");
        checkAccessibility("trace");

        browser.get("/console/audit");
        browser.screenshot("auditlog");
        checkAccessibility("auditlog");
    }

    @Test
    @Order(5)
    void verificationPointsAtTheFirstBrokenRecord() {
        String victim = traces.get(2);
        long seq = jdbc.queryForObject("SELECT seq FROM audit_record WHERE trace_id = ?", Long.class, victim);
        String department = jdbc.queryForObject("SELECT department FROM audit_record WHERE trace_id = ?", String.class, victim);
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        browser.get("/console/audit/verificatie");
        browser.find(By.id("controleer")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verificatie-resultaat"), "Ongeschonden"));

        jdbc.update("UPDATE audit_record SET department = 'Gewijzigd' WHERE trace_id = ?", victim);
        try {
            browser.find(By.id("controleer")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("verificatie-resultaat"), "Niet ongeschonden"));
            WebElement broken = browser.find(By.cssSelector("td[data-broken-seq]"));
            assertThat(broken.getAttribute("data-broken-seq")).isEqualTo(Long.toString(seq));
            assertThat(broken.getText()).contains("Volgnummer " + seq, "hash_mismatch");
            browser.screenshot("verificatie");
            checkAccessibility("verificatie");
            browser.find(By.id("gebroken-trace")).click();
            browser.waiting().until(d -> browser.path().equals("/console/audit/trace/" + victim));
        } finally {
            jdbc.update("UPDATE audit_record SET department = ? WHERE trace_id = ?", department, victim);
        }
    }

    @Test
    @Order(6)
    void legalHoldAndExportWithProgress() throws Exception {
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        browser.get("/console/audit/trace/" + traces.get(0));
        browser.find(By.id("hold-reason")).sendKeys("Bezwaarzaak Z-2026-0042");
        browser.find(By.id("hold-reason")).submit();
        browser.waiting().until(d -> browser.path().equals("/console/audit/bewaarplicht"));
        assertThat(browser.text()).as("holds page").contains("ingesteld");
        assertThat(browser.find(By.id("bewaarplichten")).getText()).contains(traces.get(0), "Bezwaarzaak Z-2026-0042", "actief");
        browser.screenshot("bewaarplicht");
        checkAccessibility("bewaarplicht");

        browser.get("/console/audit");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
        browser.find(By.cssSelector("button[value='csv']")).click();
        WebElement download = browser.find(By.id("download"));
        long after = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
        // the export holds what was there when it started (not the operator record of the export itself)
        java.util.regex.Matcher progress = java.util.regex.Pattern.compile("(\\d+) van (\\d+)")
                .matcher(browser.find(By.cssSelector("label[for='voortgang']")).getText());
        assertThat(progress.find()).isTrue();
        long total = Long.parseLong(progress.group(2));
        assertThat(Long.parseLong(progress.group(1))).isEqualTo(total);
        assertThat(total).isBetween(before, after);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download.getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("trace_id,occurred_at").contains(letterTrace);
        assertThat(csv.body().split("\r\n")).hasSize((int) total + 1);
        checkAccessibility("export");
    }

    @Test
    @Order(7)
    void aComplaintGetsAnOutcomeAndTheReviewQueueShowsUnreviewedLetters() {
        browser.login(AUDITOR, GatewayClient.AUDITOR_KEY);
        browser.get("/console/toezicht");
        assertThat(browser.find(By.id("beoordelingswachtrij")).getText()).contains(letterTrace);
        browser.get("/console/toezicht/klachten/nieuw?trace=" + letterTrace);
        browser.find(By.id("reference")).sendKeys("Z-2026-0099");
        browser.find(By.id("summary")).sendKeys("Inwoner maakt bezwaar tegen de brief");
        browser.find(By.id("summary")).submit();
        browser.waiting().until(d -> browser.path().matches("/console/toezicht/klachten/\\d+"));
        assertThat(browser.find(By.id("klachtstatus")).getText()).isEqualTo("nieuw");
        browser.find(By.id("st-upheld")).click();
        browser.find(By.id("explanation")).sendKeys("Brief is aangepast en opnieuw verstuurd");
        browser.find(By.id("uitkomst-opslaan")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("klachtstatus"), "gegrond"));
        assertThat(browser.text()).contains("De uitkomst is vastgelegd", "Deze klacht is afgehandeld");
        assertThat(browser.driver().findElements(By.id("uitkomstformulier"))).isEmpty();
        browser.screenshot("klacht");
        checkAccessibility("klacht");
        browser.get("/console/toezicht?status=all");
        assertThat(browser.find(By.id("klachtenlijst")).getText()).contains("gegrond");
        browser.screenshot("toezicht");
        checkAccessibility("toezicht");
    }

    @Test
    @Order(8)
    void suspendingAModelRefusesItsRequests() throws Exception {
        browser.login(ADMIN, GatewayClient.ADMIN_KEY);
        browser.get("/console/beheer");
        browser.find(By.id("reden-dry-run")).sendKeys("Onverwachte antwoorden, onderzoek loopt");
        browser.find(By.id("opschorten-dry-run")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("melding"), "dry-run is opgeschort"));
        HttpResponse<String> refused = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Hallo", false));
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode error = client.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("model_suspended");
        assertThat(browser.find(By.id("opschortingen")).getText()).contains("dry-run", "dev-beheerder", "Onverwachte antwoorden");
        browser.screenshot("beheer");
        checkAccessibility("beheer");
        browser.find(By.id("hervatten-dry-run")).click();
        // the page reloads: wait for the new message rather than reading the old element
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("melding"), "dry-run is hervat"));
        assertThat(client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, client.chatBody("Hallo", false)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void aRejectedEditShowsItsFileAndLine() throws Exception {
        browser.login(ADMIN, GatewayClient.ADMIN_KEY);
        Path file = root.resolve("policies/use-cases/algemene-vragen.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("human-review-required: false", "human-review-required: misschien"));
        try {
            browser.get("/console/beheer");
            // identity48: the test issuer has no operator-clients, and the administration page says so
            assertThat(browser.find(By.id("operator-clients-ontbreken")).getText()).contains(TestIssuer.ID).contains("operator-clients");
            browser.find(By.id("herladen")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("melding-fout"), "niet ingeladen"));
            WebElement failure = browser.find(By.id("herlaadfout"));
            assertThat(failure.getText()).containsPattern("algemene-vragen\\.yaml:\\d+").contains("human-review-required");
            assertThat(browser.text()).contains("blijft van kracht");
            browser.screenshot("beheer-herlaadfout");
        } finally {
            Files.writeString(file, original);
            browser.get("/console/beheer");
            browser.find(By.id("herladen")).click();
            browser.find(By.id("melding"));
        }
    }

    @Test
    @Order(10)
    void explainShowsEveryStepAndWhatWouldLeaveWithoutCallingAModel() {
        browser.login(ADMIN, GatewayClient.ADMIN_KEY);
        browser.get("/console/beheer/uitleg");
        new Select(browser.find(By.id("tool"))).selectByValue("dev-cli");
        new Select(browser.find(By.id("useCase"))).selectByValue("brieven-opstellen");
        browser.find(By.id("prompt")).sendKeys("Schrijf een brief aan piet.jansen@example.nl, BSN 111222333, over zijn aanvraag.");
        browser.find(By.id("uitleggen")).click();
        browser.find(By.id("uitleg"));
        assertThat(browser.path()).isEqualTo("/console/beheer/uitleg");
        assertThat(browser.find(By.id("uitleg-stappen")).getText()).contains("use-case", "model", "pii", "route");
        // why each was found, in Dutch (the engine's own terms stay in the admin API)
        assertThat(browser.find(By.id("uitleg-entiteiten")).getText()).contains("BSN", "EMAIL")
                .contains("e-mailadres: adres rond een @").contains("BSN: negen cijfers").containsPattern("score 0,\\d\\d")
                .doesNotContain("anchored").doesNotContain("digits").doesNotContain("score 0.")
                .contains("weglakken (redact)").contains("pseudonimiseren, teruggezet in het antwoord (pseudonymise)");
        String sent = browser.find(By.id("uitleg-verzonden")).getText();
        assertThat(sent).doesNotContain("111222333").doesNotContain("piet.jansen@example.nl").contains("[BSN]");
        assertThat(browser.find(By.id("uitleg-besluit")).getText()).contains("Er is geen model aangeroepen");
        browser.screenshot("uitleg");
        checkAccessibility("uitleg");
    }

    @Test
    @Order(11)
    void thePublicPageNeedsNoLogin() {
        browser.logout();
        browser.get("/transparantie");
        assertThat(browser.path()).isEqualTo("/transparantie");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("generatieve AI");
        assertThat(browser.text()).contains("Modellen in gebruik", "Gebruik per maand", "dry-run", "brieven-opstellen")
                .doesNotContain("Burgerzaken").doesNotContain("medewerker-").doesNotContainPattern("p-[0-9a-f]{6}");
        assertThat(browser.driver().findElements(By.linkText("Auditlog"))).isEmpty();
        browser.screenshot("transparantie");
        checkAccessibility("transparantie");
        browser.get("/console/inloggen");
        browser.screenshot("inloggen");
        checkAccessibility("inloggen");
        browser.get("/console/audit");
        assertThat(browser.path()).isEqualTo("/console/inloggen");
    }

    /**
     * identity48's red-team pass, session fixation: a session id planted before sign-in (the one the sign-in page handed
     * out) is not the signed-in session, and a request with it is not signed in.
     */
    @Test
    @Order(11)
    void signingInGivesANewSessionAndThePlantedOneStaysSignedOut() throws Exception {
        browser.logout();
        browser.get("/console/inloggen");
        String planted = browser.sessionCookie();
        assertThat(planted).as("the sign-in page's session (its CSRF token)").isNotNull();
        browser.find(By.id("username")).sendKeys(ADMIN);
        browser.driver().findElement(By.id("password")).sendKeys(GatewayClient.ADMIN_KEY, org.openqa.selenium.Keys.ENTER);
        browser.waiting().until(d -> !browser.path().startsWith("/console/inloggen"));
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.sessionCookie()).isNotEqualTo(planted);
        HttpResponse<String> withPlanted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/console/beheer")).header("Cookie", "JSESSIONID=" + planted).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withPlanted.statusCode()).isEqualTo(302);
        assertThat(withPlanted.headers().firstValue("Location").orElse("")).endsWith("/console/inloggen");
    }

    @Test
    @Order(12)
    void noSeriousOrCriticalAccessibilityViolations() {
        assertThat(axeFindings).isEmpty();
    }
}
