package nl.dijkwacht.redaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * encoded28 through the gateway: personal data in a base64 run is refused with a Dutch 400 and audited, and an
 * ordinary request with ids, a hash and a case number goes through as before (the purpose guard's side:
 * {@code PurposeGuardPlacementTest}'s base64 and hex places).
 */
class EncodedRequestsTest extends GatewayTestBase {

    private static final String BSN = "111222333";
    private static final String ANSWER = """
            {"id":"c1","object":"chat.completion","created":1,"model":"extern-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}]}
            """;

    @BeforeEach
    void stubs() {
        upstream.stubFor(post(urlEqualTo("/extern/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private int sent() {
        return upstream.findAll(postRequestedFor(urlEqualTo("/extern/v1/chat/completions"))).size();
    }

    @Test
    void personalDataInBase64IsRefusedInDutchAndAudited() throws Exception {
        int before = sent();
        var response = postJson("/v1/chat/completions", chat("extern", "Zoek de cliënt op met BSN " + b64(BSN) + " en vat het dossier samen."),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("personal_data_encoded");
        assertThat(error.path("message").asText()).contains("gecodeerde tekst", "base64", "BSN").doesNotContain(BSN).doesNotContain(b64(BSN));
        assertThat(sent()).isEqualTo(before);
        Map<String, Object> audit = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("RULE")).isEqualTo("pii:encoded:BSN");
    }

    @Test
    void personalDataInShortBase64GroupsIsRefusedToo() throws Exception {
        // redteam46: "MTEx MjIy MzMz" (each group three characters of the BSN) reached the model; encoded45 left it unread
        int before = sent();
        var response = postJson("/v1/chat/completions", chat("extern", "Zoek de cliënt op met BSN " + b64("111") + " " + b64("222")
                + " " + b64("333") + " en vat het dossier samen."), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(parse(response.body()).path("error").path("code").asText()).isEqualTo("personal_data_encoded");
        assertThat(sent()).isEqualTo(before);
        assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("RULE")).isEqualTo("pii:encoded:BSN");
    }

    @Test
    void ordinaryTextWithIdsAndHashesGoesThrough() throws Exception {
        int before = sent();
        var response = postJson("/v1/chat/completions", chat("extern", "Zaak Z-2024-000123: de checksum "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 klopt niet, zie "
                + "https://www.gemeente.nl/zaken/Z-2024-000123/documenten?id=Ab3dE5gH7jK9mN1pQ2rS4t. Print op A4, B2B, Covid-19."),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(sent()).isEqualTo(before + 1);
    }

    @Test
    void aBearerTokenInAQuestionGoesThrough() throws Exception {
        // encoded45: the engine read the claim name "aud" as a name, and every token was refused as encoded personal data
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\": \"https://login.gemeente.nl/realms/medewerkers\", "
                + "\"sub\": \"a6c64c41-f25d\", \"aud\": \"zaaksysteem\", \"exp\": 1764962193}").getBytes(StandardCharsets.UTF_8));
        int before = sent();
        var response = postJson("/v1/chat/completions", chat("extern", "De koppeling geeft 401 met dit token, wat is er mis? Bearer "
                + "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9." + claims + ".Aqe5LMictRgwyfJXBrzSLD5hVcoJTVHoDCDsUySPfrO"),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(sent()).isEqualTo(before + 1);
    }

    @Test
    void aLongRunOfEqualsSignsIsAnsweredNotAServerError() throws Exception {
        // encoded45: "a=a=…" was split at each '=' by a recursion as deep as their count (a StackOverflowError)
        var response = postJson("/v1/chat/completions", chat("extern", "Wat is dit? " + "a=".repeat(200_000)),
                TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body().substring(0, Math.min(300, response.body().length()))).isEqualTo(200);
    }
}
