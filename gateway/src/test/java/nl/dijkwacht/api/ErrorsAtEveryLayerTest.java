package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.RawHttp;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Every error, from every layer — no route, wrong method, requests Tomcat rejects before Spring sees them — answers in
 * the OpenAI error format, in Dutch, without repeating what the tool sent; and Tomcat logs no rejected value.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.org.apache=INFO") // Tomcat's own INFO logging on, as in production
class ErrorsAtEveryLayerTest extends GatewayTestBase {

    private static final String BSN = "111222333";

    private static JsonNode openAiError(int status, String body, String code) throws Exception {
        JsonNode error = parse(body).path("error");
        assertThat(error.path("code").asText()).as(body).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("type")).isTrue();
        assertThat(error.has("param")).isTrue();
        assertThat(body).doesNotContain(BSN);
        return error;
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow").orElse("")).contains("POST").doesNotContain("GET");
        assertThat(get.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(openAiError(405, get.body(), "method_not_allowed").path("message").asText()).contains("methode");

        HttpResponse<String> delete = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/v1/models"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow").orElse("")).contains("GET");
    }

    @Test
    void everyGatewayAddressAnswersAWrongMethodWith405AndAllow() throws Exception {
        assertWrongMethod("GET", "/v1/responses", "POST");
        assertWrongMethod("PUT", "/v1/completions", "POST");
        assertWrongMethod("DELETE", "/v1/embeddings", "POST");
        assertWrongMethod("POST", "/v1/models/upstream", "GET");
        assertWrongMethod("GET", "/v1/dijkwacht/reviews", "POST");
        assertWrongMethod("DELETE", "/admin/policy", "GET");
        assertWrongMethod("GET", "/admin/policy/reload", "POST");
        assertWrongMethod("GET", "/admin/models/" + BSN + "/suspend", "POST");
        assertWrongMethod("POST", "/audit/v1/records", "GET");
        assertWrongMethod("PATCH", "/audit/v1/holds", "GET");
        assertWrongMethod("GET", "/audit/v1/holds/" + BSN, "DELETE");
        assertWrongMethod("POST", "/transparantie.json", "GET");
        assertWrongMethod("DELETE", "/transparantie/algoritmeregister/" + BSN + ".json", "GET");
    }

    private void assertWrongMethod(String method, String path, String allowed) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow").orElse("")).as(method + " " + path).contains(allowed).doesNotContain(method);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        openAiError(405, r.body(), "method_not_allowed");
    }

    @Test
    void optionsNamesTheAllowedMethods() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/v1/chat/completions"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST").contains("OPTIONS");
    }

    @Test
    void unknownAddressesOutsideTheConsoleAre404InOpenAiFormat() throws Exception {
        for (String path : new String[] {"/admin/bestaat-niet-" + BSN, "/audit/v1/bestaat-niet-" + BSN, "/" + BSN,
                "/v1/dijkwacht/" + BSN, "/transparantie/" + BSN + "/bestaat-niet.json"}) {
            HttpResponse<String> r = getJson(path, TestPack.TOOL_KEY);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
            openAiError(404, r.body(), "not_found");
        }
        // a tenant's transparency page (/transparantie/<tenant>) is read by people: an unknown one is the Dutch web page
        // (ops27), which repeats nothing of the address
        HttpResponse<String> page = getJson("/transparantie/" + BSN, null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"nl\"").contains("Deze pagina bestaat niet.").doesNotContain(BSN);
    }

    @Test
    void theConsoleAnswersErrorsAsADutchWebPage() throws Exception {
        // without a session the console sends the browser to its login page, whatever the address
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/console/bestaat-niet-" + BSN))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/console/inloggen").doesNotContain(BSN);

        // signed in (a local development account: operator id, key as password): an unknown page is a Dutch web page
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(url("/console/inloggen")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(form);
        assertThat(csrf.find()).as("login form has a CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/console/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=test-auditor&password=" + TestPack.AUDITOR_KEY + "&_csrf="
                        + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> missing = browser.send(HttpRequest.newBuilder(url("/console/bestaat-niet-" + BSN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(missing.body()).contains("<html lang=\"nl\"").contains("Dit lukte niet").contains("Deze pagina bestaat niet.")
                .doesNotContain(BSN).doesNotContain("Exception").doesNotContain("\"error\"");
    }

    @Test
    void unknownAddressIs404InOpenAiFormat() throws Exception {
        HttpResponse<String> response = getJson("/v1/bestaat-niet-" + BSN, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(openAiError(404, response.body(), "not_found").path("type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void requestsTomcatRejectsAnswerInOpenAiFormatAndAreNotLogged(CapturedOutput output) throws Exception {
        String badTarget = raw("GET /v1/models/{" + BSN + "} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status(badTarget)).isEqualTo(400);
        openAiError(400, body(badTarget), "bad_request");

        String hugeHeader = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Notitie: BSN " + BSN + " "
                + "x".repeat(40_000) + "\r\nConnection: close\r\n\r\n"); // over the 32 KB head limit (auth28)
        assertThat(status(hugeHeader)).isEqualTo(431);
        openAiError(431, body(hugeHeader), "headers_too_large");

        String badHeaderName = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nBSN(" + BSN + "): x\r\nConnection: close\r\n\r\n");
        assertThat(status(badHeaderName)).isEqualTo(400);
        openAiError(400, body(badHeaderName), "bad_request");

        String badHeaderValue = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Notitie: BSN " + BSN + "\u0001\r\nConnection: close\r\n\r\n");
        assertThat(status(badHeaderValue)).isEqualTo(400);
        openAiError(400, body(badHeaderValue), "bad_request");

        String badCookie = raw("GET /v1/models HTTP/1.1\r\nHost: localhost\r\nCookie: bsn=\"" + BSN + "\r\nCookie: ;;" + BSN
                + "=\r\nConnection: close\r\n\r\n");
        assertThat(status(badCookie)).isLessThan(500);

        String trace = raw("TRACE /v1/models HTTP/1.1\r\nHost: localhost\r\nX-Notitie: " + BSN + "\r\nConnection: close\r\n\r\n");
        assertThat(status(trace)).isEqualTo(405);
        assertThat(body(trace)).contains("\"error\"").doesNotContain(BSN);

        String badVersion = raw("GET /v1/models HTTP/7.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status(badVersion)).isGreaterThanOrEqualTo(400);
        assertThat(body(badVersion)).contains("\"error\"");

        assertThat(output.getAll()).doesNotContain(BSN);
    }

    @Test
    void malformedPercentEncodingIs400() throws Exception {
        String response = raw("GET /v1/models/%zz" + BSN + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status(response)).isEqualTo(400);
        openAiError(400, body(response), "bad_request");
    }

    private String raw(String request) throws Exception {
        return RawHttp.exchange(port, request);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (response.toLowerCase().contains("transfer-encoding: chunked")) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
            return out.toString();
        }
        return body;
    }
}
