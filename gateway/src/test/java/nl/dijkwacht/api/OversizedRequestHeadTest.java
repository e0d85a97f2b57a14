package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.RawHttp;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * auth28: request heads and the 32 KB limit ({@code server.max-http-request-header-size}). A staff token of an identity
 * provider that lists many groups (an Entra ID token with 200 group ids is ~13 KB, with other claims more) is verified
 * like any other instead of getting Tomcat's bare 400; a head over the limit is answered 431 (headers) or 414 (request
 * line) in the address's format — the console's Dutch HTML page, the API's OpenAI JSON, also when the request line was too
 * long for Tomcat to read the address — and counted per source with the callers refused before authentication.
 */
class OversizedRequestHeadTest extends StaffTokenGatewayTestBase {

    @Autowired
    AuthFailureCounter failures;

    record Answer(int status, String head, String body) {
        boolean html() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html");
        }

        boolean json() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json");
        }
    }

    private Answer send(String requestLine, int padHeaderBytes) throws Exception {
        String request = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestPack.TOOL_KEY
                + "\r\nConnection: close\r\n" + (padHeaderBytes > 0 ? "X-Notitie: " + "x".repeat(padHeaderBytes) + "\r\n" : "") + "\r\n";
        String all = RawHttp.exchange(port, request);
        int end = all.indexOf("\r\n\r\n");
        assertThat(end).as(all.length() > 300 ? all.substring(0, 300) : all).isPositive();
        return new Answer(Integer.parseInt(all.substring(9, 12)), all.substring(0, end), all.substring(end + 4));
    }

    private long counted(String reason) {
        failures.flush(true);
        Long n = jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE reason = ?", Long.class, reason);
        return n == null ? 0 : n;
    }

    @Test
    void aStaffTokenWithManyGroupsIsVerifiedNotCutOff() throws Exception {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            groups.add(UUID.nameUUIDFromBytes(("groep-" + i).getBytes()).toString());
        }
        String token = TestIssuer.get().token(Map.of("sub", "auth28-veel-groepen", "groups", groups));
        assertThat(token.length()).as("a token well over the old 8 KB limit").isGreaterThan(20_000);

        HttpResponse<String> r = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), TestPack.OTHER_TOOL_KEY,
                "X-Dijkwacht-User-Token", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void headersOverTheLimitOnTheApiAreA431InTheOpenAiFormatAndCounted() throws Exception {
        long before = counted("headers_too_large");
        Answer a = send("GET /v1/models", 40_000);

        assertThat(a.status()).as(a.head()).isEqualTo(431);
        assertThat(a.json()).as(a.head()).isTrue();
        assertThat(parse(a.body()).at("/error/code").asText()).isEqualTo("headers_too_large");
        assertThat(parse(a.body()).at("/error/message").asText()).contains("te groot").doesNotContain("xxxx");
        assertThat(a.head()).containsIgnoringCase("X-Dijkwacht-Trace-Id:");
        assertThat(counted("headers_too_large") - before).isEqualTo(1);
    }

    @Test
    void aRequestLineOverTheLimitOnAConsoleAddressGetsTheDutchPageNotJson() throws Exception {
        long before = counted("uri_too_long");
        Answer a = send("GET /console/audit?zoekopdracht=" + "a".repeat(40_000), 0);

        assertThat(a.status()).as(a.head()).isEqualTo(414);
        assertThat(a.html()).as(a.head()).isTrue();
        assertThat(a.body()).contains("lang=\"nl\"").contains("Het adres van het verzoek is te lang").doesNotContain("aaaa");
        assertThat(counted("uri_too_long") - before).isEqualTo(1);

        Answer transparency = send("GET /transparantie/" + "b".repeat(40_000), 0);
        assertThat(transparency.status()).isEqualTo(414);
        assertThat(transparency.html()).as(transparency.head()).isTrue();
    }

    @Test
    void aRequestLineOverTheLimitOnTheApiStaysJson() throws Exception {
        Answer a = send("GET /v1/models?x=" + "a".repeat(40_000), 0);

        assertThat(a.status()).as(a.head()).isEqualTo(414);
        assertThat(a.json()).as(a.head()).isTrue();
        assertThat(parse(a.body()).at("/error/code").asText()).isEqualTo("uri_too_long");
    }

    @Test
    void headersOverTheLimitOnAConsolePageGetTheDutchPage() throws Exception {
        Answer a = send("GET /console/inloggen", 40_000);

        assertThat(a.status()).as(a.head()).isEqualTo(431);
        assertThat(a.html()).as(a.head()).isTrue();
        assertThat(a.body()).contains("De headers van het verzoek zijn samen te groot");
    }

    @Test
    void aHeadJustUnderTheLimitPasses() throws Exception {
        assertThat(send("GET /v1/models", 31_000).status()).isEqualTo(200);
    }
}
