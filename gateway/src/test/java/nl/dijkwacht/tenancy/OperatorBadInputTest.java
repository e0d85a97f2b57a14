package nl.dijkwacht.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * The defects {@link GeneratedOperatorRequestsTest} found (ops27), one request each: every one was a 5xx, an error in
 * the wrong family's format, or a refusal recorded as a failure before. Shares the tenancy tests' context.
 */
class OperatorBadInputTest extends TwoTenants {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    @Test
    void aConsoleValueThePageDoesNotKnowIsA400PageNotA500() throws Exception {
        signIn("test-auditor", TestPack.AUDITOR_KEY);
        // an unknown complaint status in the address (was: IllegalArgumentException from Oversight.complaints, 500)
        assertDutchPage(get("/console/toezicht?status=" + enc("\"><img src=x onerror=alert(1)>")), 400);
        // an export format other than CSV or JSON (was: "Kies CSV of JSON." as a 500, recorded as a failed action)
        long refused = records("audit.export", "refused");
        long failed = records("audit.export", "failed");
        assertDutchPage(post("/console/audit/export", "formaat=xlsx"), 400);
        assertThat(awaitRecords("audit.export", "refused", refused + 1)).isEqualTo(refused + 1);
        assertThat(records("audit.export", "failed")).isEqualTo(failed);
        // a 10 KB "trace id" in a complaint form went back into the redirect's Location header (was: 500, headers too large)
        HttpResponse<String> complaint = post("/console/toezicht/klachten", "traceId=" + "x".repeat(10_000) + "&summary=ops27");
        assertThat(complaint.statusCode()).isEqualTo(302);
        assertThat(complaint.headers().firstValue("Location").orElse("")).endsWith("/console/toezicht/klachten/nieuw");
    }

    @Test
    void anUnknownKindOnTheKillSwitchIsA400AndSuspendsNothing() throws Exception {
        signIn("test-beheerder", TestPack.ADMIN_KEY);
        long suspensions = jdbc.queryForObject("SELECT count(*) FROM policy_suspension", Long.class);
        // was: IllegalArgumentException("unknown kind"), a 500
        assertDutchPage(post("/console/beheer/onzin/test-algemeen/opschorten", "reason=ops27"), 400);
        assertDutchPage(post("/console/beheer/onzin/test-algemeen/hervatten", ""), 400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM policy_suspension", Long.class)).isEqualTo(suspensions);
    }

    @Test
    void aHoldOnATraceIdLongerThanItsColumnIsA400NotAnUnavailableStore() throws Exception {
        // was: a database error, answered 503 audit_store_unavailable and logged as an ERROR
        HttpResponse<String> hold = postJson("/audit/v1/holds", "{\"trace_id\":\"" + "a".repeat(65) + "\",\"reason\":\"ops27\"}",
                TestPack.AUDITOR_KEY);
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(400);
        assertThat(parse(hold.body()).path("error").path("code").asText()).isEqualTo("invalid_audit_request");
        assertThat(parse(hold.body()).path("error").path("message").asText()).contains("hoogstens 64 tekens");
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404() throws Exception {
        // was: 500 "internal_error" (no error status to report)
        HttpResponse<String> error = getJson("/error", null);
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void aTenantsTransparencyPageAndARejectedConsoleAddressAnswerInHtml() throws Exception {
        // was: the APIs' JSON on a page people read in a browser
        assertDutchPage(get("/transparantie/bestaat-niet"), 404);
        signIn("test-auditor", TestPack.AUDITOR_KEY);
        assertDutchPage(get("/console/audit/trace/a%2Fb"), 400);
        assertDutchPage(get("/console/audit/trace/%00"), 400);
        // the APIs next to them keep the OpenAI error format
        HttpResponse<String> api = getJson("/audit/v1/records/a%2Fb", TestPack.AUDITOR_KEY);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertDutchPage(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("lang=\"nl\"").contains("Dit lukte niet").doesNotContain("<img src=x")
                .doesNotContain("Exception").doesNotContain("Whitelabel");
    }

    private long records(String action, String decision) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE endpoint = 'operator' AND bio_action = ?"
                + " AND decision = ?", Long.class, action, decision);
    }

    /** The audit writer is asynchronous: the count once it reaches {@code expected}, or after 5 s. */
    private long awaitRecords(String action, String decision, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long n = records(action, decision);
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            n = records(action, decision);
        }
        return n;
    }

    private void signIn(String account, String password) throws Exception {
        csrf = csrfOf(get("/console/inloggen").body());
        HttpResponse<String> login = post("/console/inloggen", "username=" + account + "&password=" + enc(password));
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("fout");
        csrf = csrfOf(get("/console").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
