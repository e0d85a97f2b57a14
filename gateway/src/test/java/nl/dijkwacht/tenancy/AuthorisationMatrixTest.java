package nl.dijkwacht.tenancy;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The authorisation matrix (issue 8, "How it is checked"): role × endpoint × tenant. The endpoints are read from the
 * running gateway ({@link RouteList}: every gateway route and console mapping), and every one must have a row here
 * saying who may call it — a new endpoint without a row fails this test. Each cell is one real request of one caller
 * (nobody, a tool, an administrator, an auditor; of tenant A, the default, or of tenant B) against tenant B's data:
 * <ul>
 *   <li>a caller whose role the row does not name is refused (401/403; the console sends them to the sign-in page or
 *       answers 403);</li>
 *   <li>tenant B's caller with the row's role is let through (no 401/403);</li>
 *   <li>tenant A's caller with the row's role is let through to its own tenant only: where the path names an object of
 *       tenant B (a trace, hold, complaint, use-case), the answer is 404 — as if it did not exist.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends TwoTenants {

    /** Who may call an endpoint. */
    enum Access {
        PUBLIC, TOOL, ADMIN, AUDITOR,
        /** An auditor of the default tenant only (a store-wide action: a retention run). */
        AUDITOR_OF_DEFAULT_TENANT,
        CONSOLE_PUBLIC, CONSOLE_SIGNED_IN, CONSOLE_ADMIN, CONSOLE_AUDITOR,
        /** Not an endpoint of its own (error page, refusal page, 405 answers): no cell of it ever answers 2xx. */
        REFUSALS_ONLY
    }

    /** The callers of every cell; tenant B's data is what they all ask for. */
    enum Caller {
        NOBODY(null, null), TOOL_A(A, "tool"), TOOL_B(B, "tool"), ADMIN_A(A, "admin"), ADMIN_B(B, "admin"),
        AUDITOR_A(A, "auditor"), AUDITOR_B(B, "auditor");

        final String tenant;
        final String role;

        Caller(String tenant, String role) {
            this.tenant = tenant;
            this.role = role;
        }
    }

    /** One row: who may call it, and whether its path names one of tenant B's objects (then A's answer is 404). */
    record Row(Access access, boolean namesTenantBsObject) {
    }

    private static Row row(Access access) {
        return new Row(access, false);
    }

    private static Row ofB(Access access) {
        return new Row(access, true);
    }

    static final Map<String, Row> ROWS = Map.ofEntries(
            // the model API (tool key or staff token)
            entry("POST /v1/chat/completions", row(Access.TOOL)),
            entry("POST /v1/completions", row(Access.TOOL)),
            entry("POST /v1/responses", row(Access.TOOL)),
            entry("POST /v1/embeddings", row(Access.TOOL)),
            entry("GET /v1/models", row(Access.TOOL)),
            entry("GET /v1/models/{id}", row(Access.TOOL)),
            entry("POST /v1/dijkwacht/reviews", ofB(Access.TOOL)),
            entry("POST /v1/dijkwacht/feedback", ofB(Access.TOOL)),
            entry("POST /v1/dijkwacht/refusals/{traceId}/flag", ofB(Access.TOOL)),
            // the admin API
            entry("GET /admin/policy", row(Access.ADMIN)),
            entry("GET /admin/upstreams", row(Access.ADMIN)),
            entry("POST /admin/explain", row(Access.ADMIN)),
            entry("POST /admin/policy/reload", row(Access.ADMIN)),
            entry("POST /admin/pseudonyms", row(Access.ADMIN)),
            entry("POST /admin/models/{id}/suspend", row(Access.ADMIN)),
            entry("POST /admin/models/{id}/resume", row(Access.ADMIN)),
            entry("POST /admin/use-cases/{id}/suspend", ofB(Access.ADMIN)),
            entry("POST /admin/use-cases/{id}/resume", ofB(Access.ADMIN)),
            // the auditor API
            entry("GET /audit/v1/records", row(Access.AUDITOR)),
            entry("GET /audit/v1/records/{traceId}", ofB(Access.AUDITOR)),
            entry("GET /audit/v1/export.csv", row(Access.AUDITOR)),
            entry("GET /audit/v1/export.json", row(Access.AUDITOR)),
            entry("GET /audit/v1/aggregates", row(Access.AUDITOR)),
            entry("GET /audit/v1/verify", row(Access.AUDITOR)),
            entry("GET /audit/v1/chain/head", row(Access.AUDITOR)),
            entry("POST /audit/v1/hash-check", ofB(Access.AUDITOR)),
            entry("GET /audit/v1/holds", row(Access.AUDITOR)),
            entry("POST /audit/v1/holds", row(Access.AUDITOR)),
            entry("DELETE /audit/v1/holds/{id}", ofB(Access.AUDITOR)),
            entry("GET /audit/v1/retention/runs", row(Access.AUDITOR)),
            entry("POST /audit/v1/retention/run", row(Access.AUDITOR_OF_DEFAULT_TENANT)),
            entry("GET /audit/v1/oversight", row(Access.AUDITOR)),
            entry("GET /audit/v1/oversight/unreviewed", row(Access.AUDITOR)),
            entry("GET /audit/v1/complaints", row(Access.AUDITOR)),
            entry("POST /audit/v1/complaints", ofB(Access.AUDITOR)),
            entry("POST /audit/v1/complaints/{id}/outcome", ofB(Access.AUDITOR)),
            entry("GET /audit/v1/auth-failures", row(Access.AUDITOR)),
            // public pages
            entry("GET /transparantie.json", row(Access.PUBLIC)),
            entry("GET /transparantie/algoritmeregister.json", row(Access.PUBLIC)),
            entry("GET /transparantie/algoritmeregister/{useCase}.json", row(Access.PUBLIC)),
            entry("GET /transparantie/{tenant}.json", row(Access.PUBLIC)),
            entry("GET /transparantie/{tenant}/algoritmeregister.json", row(Access.PUBLIC)),
            entry("GET /transparantie/{tenant}/algoritmeregister/{useCase}.json", row(Access.PUBLIC)),
            entry("GET /transparantie", row(Access.CONSOLE_PUBLIC)),
            entry("GET /transparantie/{tenant:[a-z0-9][a-z0-9-]*}", row(Access.CONSOLE_PUBLIC)),
            // the console
            entry("GET /console/inloggen", row(Access.CONSOLE_PUBLIC)),
            entry("GET /console", row(Access.CONSOLE_SIGNED_IN)),
            entry("GET /console/", row(Access.CONSOLE_SIGNED_IN)),
            entry("GET /console/beheer", row(Access.CONSOLE_ADMIN)),
            entry("GET /console/beheer/uitleg", row(Access.CONSOLE_ADMIN)),
            entry("POST /console/beheer/uitleg", row(Access.CONSOLE_ADMIN)),
            entry("POST /console/beheer/herladen", row(Access.CONSOLE_ADMIN)),
            entry("POST /console/beheer/{kind}/{id}/opschorten", row(Access.CONSOLE_ADMIN)),
            entry("POST /console/beheer/{kind}/{id}/hervatten", row(Access.CONSOLE_ADMIN)),
            entry("GET /console/audit", row(Access.CONSOLE_AUDITOR)),
            entry("POST /console/audit/zoeken", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/audit/trace/{traceId}", ofB(Access.CONSOLE_AUDITOR)),
            entry("POST /console/audit/export", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/audit/export/{id}", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/audit/export/{id}/bestand", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/audit/verificatie", row(Access.CONSOLE_AUDITOR)),
            entry("POST /console/audit/verificatie", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/audit/bewaarplicht", row(Access.CONSOLE_AUDITOR)),
            entry("POST /console/audit/bewaarplicht", row(Access.CONSOLE_AUDITOR)),
            entry("POST /console/audit/bewaarplicht/{id}/opheffen", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/toezicht", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/toezicht/klachten/nieuw", row(Access.CONSOLE_AUDITOR)),
            entry("POST /console/toezicht/klachten", row(Access.CONSOLE_AUDITOR)),
            entry("GET /console/toezicht/klachten/{id}", ofB(Access.CONSOLE_AUDITOR)),
            entry("POST /console/toezicht/klachten/{id}/uitkomst", row(Access.CONSOLE_AUDITOR)),
            // what answers refusals: the error page, the console's "no access" page, the 405 of a wrong method
            entry("ANY /error", row(Access.REFUSALS_ONLY)),
            entry("ANY /console/geen-toegang", row(Access.REFUSALS_ONLY)),
            entry("ROUTER nl.dijkwacht.api.NotOfferedRoutes", row(Access.REFUSALS_ONLY)));

    @Autowired
    ApplicationContext context;

    @Autowired
    Tenants tenants;

    private String traceB;
    private long holdB;
    private long complaintB;
    private final Map<Caller, Session> sessions = new EnumMap<>(Caller.class);

    @BeforeAll
    void tenantBsData() throws Exception {
        // hundreds of refused cells from one address: lift the default tenant's unauthenticated limit (60/min)
        var policy = tenants.defaultTenant().policy();
        Files.writeString(policy.policiesDir().resolve("limits.yaml"), """
                unauthenticated:
                  requests-per-minute: 100000
                defaults:
                  tool:
                    requests-per-minute: 100000
                """);
        policy.reload();
        assertThat(policy.current().limits()).isNotNull();

        HttpResponse<String> chat = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), B_TOOL_KEY);
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        traceB = chat.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        HttpResponse<String> hold = postJson("/audit/v1/holds", "{\"trace_id\":\"" + traceB + "\",\"reason\":\"matrix\"}", B_AUDITOR_KEY);
        holdB = parse(hold.body()).path("id").asLong();
        HttpResponse<String> complaint = postJson("/audit/v1/complaints", "{\"trace_id\":\"" + traceB + "\",\"summary\":\"matrix\"}", B_AUDITOR_KEY);
        complaintB = parse(complaint.body()).path("id").asLong();
        for (Caller c : Caller.values()) {
            sessions.put(c, new Session(c));
        }
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> served = RouteList.of(context);
        assertThat(new TreeSet<>(served)).as("endpoints without a row in the authorisation matrix").isSubsetOf(ROWS.keySet());
        assertThat(new TreeSet<>(ROWS.keySet())).as("rows for endpoints the gateway no longer serves").isSubsetOf(served);
    }

    @Test
    void everyCellIsAllowedOrDeniedAsTheRowSays() throws Exception {
        Map<String, String> wrong = new TreeMap<>();
        int cells = 0;
        for (Map.Entry<String, Row> e : new TreeMap<>(ROWS).entrySet()) {
            String method = e.getKey().substring(0, e.getKey().indexOf(' '));
            String pattern = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            Row row = e.getValue();
            if (method.equals("ANY")) {
                method = "GET";
            } else if (method.equals("ROUTER")) {
                // the 405 answers: a known address with a method it does not take
                method = "DELETE";
                pattern = "/v1/chat/completions";
            }
            // B's own callers last: their allowed cells may change B's data (a hold released, a use-case suspended)
            for (Caller caller : List.of(Caller.NOBODY, Caller.TOOL_A, Caller.ADMIN_A, Caller.AUDITOR_A, Caller.TOOL_B,
                    Caller.ADMIN_B, Caller.AUDITOR_B)) {
                cells++;
                String path = concrete(pattern, caller);
                int status = sessions.get(caller).send(method, path, row.access(), body(pattern, row.access()));
                String expected = expected(row, caller);
                if (!meets(expected, status, row.access())) {
                    wrong.put(e.getKey() + " × " + caller, "expected " + expected + ", got " + status + " (" + method + " " + path + ")");
                }
                undo(method, path, caller, status, row.access());
            }
        }
        assertThat(cells).isEqualTo(ROWS.size() * Caller.values().length);
        assertThat(wrong).as("cells that do not match the matrix").isEmpty();
    }

    // ------------------------------------------------------------------ expectations

    /** {@code denied}, {@code allowed} or {@code not-found}. */
    private static String expected(Row row, Caller caller) {
        if (row.access() == Access.REFUSALS_ONLY) {
            return "no-success";
        }
        boolean roleFits = switch (row.access()) {
            case PUBLIC, CONSOLE_PUBLIC -> true;
            case TOOL -> "tool".equals(caller.role);
            case ADMIN, CONSOLE_ADMIN -> "admin".equals(caller.role);
            case AUDITOR, CONSOLE_AUDITOR -> "auditor".equals(caller.role);
            case AUDITOR_OF_DEFAULT_TENANT -> "auditor".equals(caller.role) && A.equals(caller.tenant);
            case CONSOLE_SIGNED_IN -> "admin".equals(caller.role) || "auditor".equals(caller.role);
            case REFUSALS_ONLY -> false;
        };
        if (!roleFits) {
            return "denied";
        }
        return row.namesTenantBsObject() && A.equals(caller.tenant) ? "not-found" : "allowed";
    }

    private static boolean meets(String expected, int status, Access access) {
        boolean console = access.name().startsWith("CONSOLE") || access == Access.REFUSALS_ONLY;
        boolean refused = console ? status == 403 || status == LOGIN_REDIRECT : status == 401 || status == 403;
        return switch (expected) {
            case "no-success" -> status < 200 || status >= 300;
            case "denied" -> refused;
            case "not-found" -> status == 404;
            default -> !refused && status < 500;
        };
    }

    // ------------------------------------------------------------------ requests

    /** The pattern with tenant B's objects filled in. */
    private String concrete(String pattern, Caller caller) {
        String useCase = pattern.startsWith("/transparantie/algoritmeregister") ? "test-beperkt" : "b-algemeen";
        String id = RouteList.idFor(pattern, holdB, complaintB, "b-algemeen");
        return pattern.replace("{traceId}", traceB).replace("{tenant:[a-z0-9][a-z0-9-]*}", B).replace("{tenant}", B)
                .replace("{useCase}", useCase).replace("{kind}", "toepassing").replace("{id}", id);
    }

    private String body(String pattern, Access access) throws Exception {
        if (access.name().startsWith("CONSOLE")) {
            return switch (pattern) {
                case "/console/beheer/uitleg" -> "tool=b-tool&prompt=Hallo";
                case "/console/beheer/{kind}/{id}/opschorten" -> "reason=matrix";
                case "/console/audit/zoeken" -> "useCase=b-algemeen";
                case "/console/audit/export" -> "formaat=csv";
                case "/console/audit/bewaarplicht" -> "scope=trace&traceId=" + traceB + "&reason=matrix";
                case "/console/toezicht/klachten" -> "traceId=" + traceB + "&summary=matrix";
                case "/console/toezicht/klachten/{id}/uitkomst" -> "status=in_progress";
                default -> "";
            };
        }
        return switch (pattern) {
            case "/v1/chat/completions" -> chat("dry-run", "Hallo");
            case "/v1/completions" -> "{\"model\":\"dry-run\",\"prompt\":\"Hallo\"}";
            case "/v1/responses" -> "{\"model\":\"dry-run\",\"input\":\"Hallo\"}";
            case "/v1/embeddings" -> "{\"model\":\"dry-run\",\"input\":\"Hallo\"}";
            case "/v1/dijkwacht/reviews" -> "{\"trace_id\":\"" + traceB + "\",\"outcome\":\"accepted\"}";
            case "/v1/dijkwacht/feedback", "/audit/v1/complaints" -> "{\"trace_id\":\"" + traceB + "\",\"summary\":\"matrix\",\"description\":\"matrix\"}";
            case "/admin/explain" -> "{\"tool\":\"b-tool\",\"prompt\":\"Hallo\"}";
            case "/admin/pseudonyms" -> "{\"users\":[\"medewerker-b\"]}";
            case "/admin/models/{id}/suspend", "/admin/use-cases/{id}/suspend" -> "{\"reason\":\"matrix\"}";
            case "/audit/v1/hash-check" -> "{\"trace_id\":\"" + traceB + "\",\"text\":\"Hallo\"}";
            case "/audit/v1/holds" -> "{\"trace_id\":\"" + traceB + "\",\"reason\":\"matrix\"}";
            case "/audit/v1/complaints/{id}/outcome" -> "{\"status\":\"in_progress\"}";
            default -> "{}";
        };
    }

    /** What an allowed cell changed and later cells need back: a suspension lifted, a released hold placed again. */
    private void undo(String method, String path, Caller caller, int status, Access access) throws Exception {
        if (status >= 400 || status == LOGIN_REDIRECT) {
            return;
        }
        if (path.endsWith("/suspend")) {
            sessions.get(caller).send("POST", path.replace("/suspend", "/resume"), access, "{}");
        } else if (path.endsWith("/opschorten")) {
            sessions.get(caller).send("POST", path.replace("/opschorten", "/hervatten"), access, "");
        } else if ("DELETE".equals(method) && path.contains("/holds/") || path.endsWith("/opheffen")) {
            HttpResponse<String> hold = postJson("/audit/v1/holds", "{\"trace_id\":\"" + traceB + "\",\"reason\":\"matrix\"}", B_AUDITOR_KEY);
            holdB = parse(hold.body()).path("id").asLong();
        }
    }

    /** A console answer that sends the caller to the sign-in page (not signed in). */
    static final int LOGIN_REDIRECT = -302;

    /** One caller: its key for the APIs and, for operators, a signed-in console session (cookie and CSRF token). */
    private final class Session {
        private final Caller caller;
        private final String key;
        private final HttpClient client;
        private String csrf;

        Session(Caller caller) throws Exception {
            this.caller = caller;
            this.key = switch (caller) {
                case NOBODY -> null;
                case TOOL_A -> TestPack.OTHER_TOOL_KEY;
                case TOOL_B -> B_TOOL_KEY;
                case ADMIN_A -> TestPack.ADMIN_KEY;
                case ADMIN_B -> B_ADMIN_KEY;
                case AUDITOR_A -> TestPack.AUDITOR_KEY;
                case AUDITOR_B -> B_AUDITOR_KEY;
            };
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            csrf = csrfOf(get("/console/inloggen").body());
            String account = switch (caller) {
                case ADMIN_A -> "test-beheerder";
                case ADMIN_B -> "b-beheerder";
                case AUDITOR_A -> "test-auditor";
                case AUDITOR_B -> "b-auditor";
                default -> null;
            };
            if (account != null) {
                HttpResponse<String> login = form("/console/inloggen", "username=" + account + "&password=" + enc(key));
                assertThat(login.headers().firstValue("Location").orElse("")).as(caller + " signs in").doesNotContain("fout");
            }
            // the token for this session's forms (after sign-in the session has a new one; every page carries it)
            if (account != null) {
                csrf = csrfOf(get("/console").body());
            }
        }

        int send(String method, String path, Access access, String body) throws Exception {
            boolean console = access.name().startsWith("CONSOLE") || access == Access.REFUSALS_ONLY && path.startsWith("/console");
            HttpResponse<String> response;
            if (console) {
                response = "GET".equals(method) ? get(path) : form(path, body);
                String location = response.headers().firstValue("Location").orElse("");
                if (response.statusCode() == 302 && location.contains("/console/inloggen")) {
                    return LOGIN_REDIRECT;
                }
                return response.statusCode();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                    .method(method, "GET".equals(method) || "DELETE".equals(method)
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        private HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> form(String path, String body) throws Exception {
            String all = (body.isEmpty() ? "" : body + "&") + "_csrf=" + enc(csrf == null ? "" : csrf);
            return client.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(all)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return caller.name();
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"csrf-token\"\\s+content=\"([^\"]+)\"");

    private static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
