package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The console in Chromium with hostile values in it: department claims, sources, prompt templates, prompts, complaint
 * texts, legal-hold reasons and a suspension reason that tools and operators control, sent through the real APIs and
 * generated from fragments (markup and script, {@code javascript:} URLs, quotes that break attributes, entities, bidi
 * overrides and isolates, zero-width and combining characters, astral characters, line breaks, spreadsheet formulas,
 * 10 KB unbroken text). Every console page is opened and checked: no script ran and no CSP violation was reported (a
 * violation means markup got into the page, even if the CSP stopped it), no element or event handler was injected, no
 * link leaves the site, the page is no wider than the window, no raw bidi control reaches the rendered text, and the
 * security headers are there. One browser session, all data synthetic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileValuesBrowserTest {

    static final String XSS_IMG = "<img src=x onerror=\"window.__dw='img'\">";
    static final String XSS_SCRIPT = "</script><script>window.__dw='script'</script>";
    static final String XSS_ATTR = "\"'><svg onload=window.__dw='svg'>";
    static final String JS_URL = "javascript:window.__dw='href'";
    static final String ENTITIES = "&lt;b&gt;&amp;amp;&#x3C;i&#x3E;";
    static final String TROJAN = "Burgerzaken\u202Egnp.exe\u202C";
    static final String ISOLATE = "\u2067\u05d0\u05d1\u05d2\u2069\u2066x\u2069";
    static final String INVISIBLE = "Soc\u200Biaal\u200D\u2060\uFEFF\u00ADDomein";
    static final String COMBINING = "Z" + "\u0336\u0301\u0300\u030A".repeat(12);
    static final String ASTRAL = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD835\uDD07\uD835\uDD26\uD835\uDD27\uD835\uDD28";
    static final String LINES = "regel1\nregel2\r\nregel3\u2028regel4";
    static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"klik\")";
    static final String LONG = "A".repeat(10_240);
    static final List<String> FRAGMENTS = List.of(XSS_IMG, XSS_SCRIPT, XSS_ATTR, JS_URL, ENTITIES, TROJAN, ISOLATE,
            INVISIBLE, COMBINING, ASTRAL, LINES, FORMULA);
    /** Bidi embeddings, overrides and isolates: none may reach the rendered text raw (Trojan Source). */
    static final Pattern BIDI = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    static Path root;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        root = PackGateway.copyOfShippedPack(registry, "hostile");
        TestIssuer.get().register(registry);
    }

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    final List<String> departments = new ArrayList<>();
    final List<String> traces = new ArrayList<>();
    final List<Long> complaints = new ArrayList<>();
    final List<String> findings = new ArrayList<>();
    final Map<String, String> pages = new LinkedHashMap<>();
    GatewayClient client;
    ConsoleBrowser browser;
    String letterTrace;
    /** Enough records of one hostile department for a second page (50 a page). */
    String pagedDepartment;

    /** Department names (at most 128 characters, the claim's limit) made of two or three fragments, seeded. */
    static List<String> generatedDepartments(int n) {
        Random random = new Random(44);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder("afd").append(i).append(' ');
            for (int k = 0; k < 2 + random.nextInt(2); k++) {
                String f = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
                if (b.length() + f.length() + 1 <= 128) {
                    b.append(f).append(' ');
                }
            }
            out.add(b.toString().strip());
        }
        return out;
    }

    @BeforeAll
    void fillTheStoreThroughTheApis() throws Exception {
        client = new GatewayClient(port);
        departments.addAll(generatedDepartments(6));
        departments.add(TROJAN + " " + XSS_IMG);
        departments.add(INVISIBLE + COMBINING);
        String sources = json.writeValueAsString(List.of(JS_URL, XSS_IMG, LONG.substring(0, 600), TROJAN, ASTRAL, FORMULA, ENTITIES));
        for (String department : departments) {
            traces.add(chat("Vraag over de afvalkalender", "algemene-vragen", department,
                    Map.of("dw_sources", sources, "dw_prompt_template", XSS_ATTR + ISOLATE)));
        }
        pagedDepartment = XSS_SCRIPT + " " + TROJAN;
        for (int i = 0; i < 51; i++) {
            chat("Vraag " + i, "algemene-vragen", pagedDepartment, Map.of());
        }
        // a letter keeps its redacted text and waits for review: a 10 KB unbroken line and markup in the prompt
        letterTrace = chat("Schrijf een brief. " + LONG + "\n" + XSS_IMG + " " + XSS_SCRIPT + " " + TROJAN + " " + LINES,
                "brieven-opstellen", TROJAN, Map.of("dw_sources", "[\"" + TROJAN + "\"]"));
        traces.add(letterTrace);

        complaints.add(created(client.post("/audit/v1/complaints", GatewayClient.AUDITOR_KEY, json.writeValueAsString(Map.of(
                "trace_id", letterTrace, "reference", FORMULA + TROJAN,
                "summary", XSS_SCRIPT + " " + LONG + " " + TROJAN + " " + LINES + " " + ASTRAL)))));
        complaints.add(created(client.post("/v1/dijkwacht/feedback", GatewayClient.TOOL_KEY, json.writeValueAsString(Map.of(
                "trace_id", letterTrace, "kind", "error_report", "reference", JS_URL,
                "description", XSS_ATTR + " " + ISOLATE + " " + COMBINING + " " + LINES)))));
        HttpResponse<String> outcome = client.post("/audit/v1/complaints/" + complaints.get(0) + "/outcome", GatewayClient.AUDITOR_KEY,
                json.writeValueAsString(Map.of("status", "in_progress", "explanation", XSS_IMG + " " + TROJAN + " " + LONG)));
        assertThat(outcome.statusCode()).as(outcome.body()).isEqualTo(201);

        created(client.post("/audit/v1/holds", GatewayClient.AUDITOR_KEY, json.writeValueAsString(Map.of(
                "trace_id", traces.get(0), "reason", XSS_IMG + " " + LONG + " " + TROJAN))));
        created(client.post("/audit/v1/holds", GatewayClient.AUDITOR_KEY, json.writeValueAsString(Map.of(
                "actor", "p-" + TROJAN + XSS_ATTR, "reason", FORMULA + " " + ISOLATE + " " + LINES))));
        HttpResponse<String> suspended = client.post("/admin/use-cases/woo-lakken/suspend", GatewayClient.ADMIN_KEY,
                json.writeValueAsString(Map.of("reason", suspensionReason())));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

        browser = ConsoleBrowser.open(port);
        // before any page script: record script errors, CSP violations and dialogs the page tries
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__dwEvents = [];
                window.addEventListener('securitypolicyviolation', e => window.__dwEvents.push('csp ' + e.violatedDirective + ' ' + (e.sample || '')));
                window.addEventListener('error', e => window.__dwEvents.push('error ' + e.message));
                window.alert = window.confirm = window.prompt = m => window.__dwEvents.push('dialog ' + m);
                """));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        FileSystemUtils.deleteRecursively(root.toFile());
    }

    private String chat(String text, String useCase, String department, Map<String, String> metadata) throws Exception {
        var body = json.createObjectNode();
        body.put("model", "dry-run");
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        if (!metadata.isEmpty()) {
            body.set("metadata", json.valueToTree(metadata));
        }
        HttpResponse<String> r = client.post("/v1/chat/completions", GatewayClient.TOOL_KEY, json.writeValueAsString(body),
                "X-Dijkwacht-Use-Case", useCase, "X-Dijkwacht-User-Token", TestIssuer.get().staffToken("medewerker-1", department));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    private long created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return client.json(r).path("id").asLong();
    }

    /** Opens a page and collects what is wrong with it (asserted at the end, so one run shows every page's findings). */
    private void inspect(String name, String path) {
        browser.get(path);
        check(name, path);
    }

    @SuppressWarnings("unchecked")
    private void check(String name, String path) {
        pages.put(name, path);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        try {
            browser.driver().switchTo().alert();
            findings.add(name + ": a dialog is open");
        } catch (NoAlertPresentException expected) {
            // none
        }
        Map<String, Object> seen = (Map<String, Object>) js.executeScript("""
                const origin = location.origin;
                const handlers = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on')).map(a => e.tagName + '[' + a.name + ']'));
                const scripts = [...document.scripts].filter(s => !(s.src && s.src.startsWith(origin + '/'))
                    && s.type !== 'application/json').map(s => s.outerHTML.slice(0, 80));
                const foreign = [...document.querySelectorAll('svg, iframe, object, embed, img, base, meta[http-equiv]')]
                    .map(e => e.outerHTML.slice(0, 80));
                const links = [...document.querySelectorAll('a[href], form[action]')]
                    .map(e => e.href || e.action).filter(h => !h.startsWith(origin + '/')).map(h => h.slice(0, 80));
                return {ran: String(window.__dw), events: window.__dwEvents || ['no trap'], handlers, scripts, foreign, links,
                    width: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
                    wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                        .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
                    text: document.title + '\\n' + document.body.innerText};
                """);
        if (!"undefined".equals(seen.get("ran"))) {
            findings.add(name + ": an injected script ran: " + seen.get("ran"));
        }
        for (String key : List.of("events", "handlers", "scripts", "foreign", "links")) {
            if (!((List<Object>) seen.get(key)).isEmpty()) {
                findings.add(name + ": " + key + " " + seen.get(key));
            }
        }
        long width = ((Number) seen.get("width")).longValue();
        long window = ((Number) seen.get("window")).longValue();
        if (width > window) {
            findings.add(name + ": the page is " + width + " px wide in a " + window + " px window: " + seen.get("wide"));
        }
        var bidi = BIDI.matcher((String) seen.get("text"));
        if (bidi.find()) {
            findings.add(name + ": a raw bidi control U+" + Integer.toHexString(bidi.group().charAt(0)).toUpperCase() + " in the text");
        }
    }

    @Test
    @Order(1)
    void everyAuditorPageShowsTheValuesAsHarmlessText() {
        browser.login("dev-auditor", GatewayClient.AUDITOR_KEY);
        inspect("dashboard", "/console");
        inspect("dashboard per afdeling", "/console?periode=dag&indeling=department");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("[data-chart='chart-requests'] canvas")).isEmpty());
        check("dashboard per afdeling, getekend", "/console?periode=dag&indeling=department");
        assertThat(browser.text()).contains(XSS_IMG);
        inspect("auditlog", "/console/audit");
        for (String trace : traces) {
            inspect("trace " + trace, "/console/audit/trace/" + trace);
        }
        browser.get("/console/audit/trace/" + letterTrace);
        assertThat(browser.text()).contains(XSS_IMG, XSS_SCRIPT);
        browser.get("/console/audit/trace/" + traces.get(0));
        // markup, entities, formulas and javascript: URLs are text; the override and isolates are written out
        assertThat(browser.text()).contains(XSS_IMG, FORMULA, JS_URL, ENTITIES, "Burgerzaken[U+202E]gnp.exe[U+202C]",
                "[U+2067]\u05d0\u05d1\u05d2[U+2069][U+2066]x[U+2069]");
        browser.screenshot("trace-vreemde-waarden");
        inspect("toezicht", "/console/toezicht");
        inspect("klachten", "/console/toezicht?status=all");
        for (long id : complaints) {
            inspect("klacht " + id, "/console/toezicht/klachten/" + id);
        }
        inspect("bewaarplicht", "/console/audit/bewaarplicht");
        assertThat(browser.text()).contains(XSS_IMG);
        inspect("verificatie", "/console/audit/verificatie");
        browser.get("/console/audit");
        browser.find(By.cssSelector("button[value='csv']")).click();
        browser.find(By.id("download"));
        check("export", browser.path());
        inspect("onbekende trace", "/console/audit/trace/" + "x".repeat(40));
    }

    @Test
    @Order(2)
    void aHostileFilterRoundTripsThroughTheFormAndThePages() {
        browser.login("dev-auditor", GatewayClient.AUDITOR_KEY);
        browser.get("/console/audit");
        WebElement field = browser.find(By.id("department"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", field, pagedDepartment);
        browser.find(By.id("zoeken")).click();
        browser.waiting().until(d -> browser.path().startsWith("/console/audit?zoekopdracht="));
        check("gefilterd auditlog", browser.path());
        assertThat(browser.find(By.id("department")).getDomProperty("value")).isEqualTo(pagedDepartment);
        assertThat(browser.driver().findElements(By.cssSelector("#auditrecords tbody tr"))).hasSize(50);
        browser.find(By.id("volgende")).click();
        browser.waiting().until(d -> browser.path().contains("na="));
        check("gefilterd auditlog, pagina 2", browser.path());
        assertThat(browser.find(By.id("department")).getDomProperty("value")).isEqualTo(pagedDepartment);
        assertThat(browser.driver().findElements(By.cssSelector("#auditrecords tbody tr"))).hasSize(1);
    }

    @Test
    @Order(3)
    void theAdministratorsPagesAndThePublicPage() throws Exception {
        browser.login("dev-beheerder", GatewayClient.ADMIN_KEY);
        inspect("beheer", "/console/beheer");
        assertThat(browser.text()).contains(XSS_SCRIPT);
        inspect("uitleg", "/console/beheer/uitleg");
        // a dry run of a hostile prompt: what would leave is shown as text
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("tool"))).selectByValue("dev-cli");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.find(By.id("prompt")),
                XSS_SCRIPT + " " + LONG + " " + TROJAN + " " + LINES);
        browser.find(By.id("uitleggen")).click();
        browser.find(By.id("uitleg-stappen"));
        check("uitleg met resultaat", "/console/beheer/uitleg");
        // a policy file with hostile text that does not load: the problem is shown, the file's text stays text
        Path file = root.resolve("policies/use-cases/algemene-vragen.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("human-review-required: false",
                "human-review-required: '" + (XSS_IMG + " " + TROJAN + " " + "B".repeat(2000)).replace("'", "''") + "'"));
        try {
            browser.get("/console/beheer");
            browser.find(By.id("herladen")).click();
            assertThat(browser.find(By.id("herlaadfout")).getText()).contains("human-review-required");
            check("beheer met herlaadfout", "/console/beheer");
        } finally {
            Files.writeString(file, original);
        }
        browser.logout();
        inspect("transparantie", "/transparantie");
        inspect("inloggen", "/console/inloggen");
    }

    @Test
    @Order(4)
    void noPageRanScriptInjectedMarkupOrBrokeItsLayout() {
        assertThat(findings).isEmpty();
    }

    @Test
    @Order(5)
    void everyPageSendsTheSecurityHeaders() throws Exception {
        browser.login("dev-auditor", GatewayClient.AUDITOR_KEY);
        String auditor = browser.sessionCookie();
        browser.login("dev-beheerder", GatewayClient.ADMIN_KEY);
        String admin = browser.sessionCookie();
        HttpClient http = HttpClient.newHttpClient();
        List<String> missing = new ArrayList<>();
        pages.forEach((name, path) -> {
            String cookie = path.startsWith("/console/beheer") ? admin : path.startsWith("/transparantie") ? null : auditor;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
            if (cookie != null) {
                request.header("Cookie", "JSESSIONID=" + cookie);
            }
            try {
                var headers = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers();
                String csp = headers.firstValue("Content-Security-Policy").orElse("");
                String scriptSrc = csp.replaceAll(".*script-src([^;]*).*", "$1");
                if (!csp.contains("script-src 'self'") || scriptSrc.contains("unsafe") || !csp.contains("frame-ancestors 'none'")
                        || !csp.contains("object-src 'none'") || !csp.contains("base-uri 'self'")) {
                    missing.add(name + ": CSP " + csp);
                }
                if (!headers.firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
                    missing.add(name + ": X-Content-Type-Options");
                }
                if (!headers.firstValue("X-Frame-Options").orElse("").equals("DENY")) {
                    missing.add(name + ": X-Frame-Options");
                }
                if (headers.firstValue("Referrer-Policy").isEmpty()) {
                    missing.add(name + ": Referrer-Policy");
                }
                if (!headers.firstValue("Cache-Control").orElse("").contains("no-store")) {
                    missing.add(name + ": Cache-Control " + headers.firstValue("Cache-Control").orElse("(none)"));
                }
            } catch (Exception e) {
                missing.add(name + ": " + e);
            }
        });
        assertThat(pages).hasSizeGreaterThan(15);
        assertThat(missing).isEmpty();
    }

    /** As long as the admin API takes (leftover28's cap), one unbroken run filling it: it must wrap on the policy page. */
    private static String suspensionReason() {
        String start = XSS_SCRIPT + " " + TROJAN + " ";
        return start + "A".repeat(nl.dijkwacht.policy.Suspension.MAX_REASON - start.length());
    }
}
