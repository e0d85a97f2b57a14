package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values split by HTML tags (redteam49): an Outlook HTML body as n8n or Power Automate hands it on breaks a value
 * wherever a formatting run, a spelling mark or a {@code <wbr>} falls. The model reads the value whole; before, the PII
 * scan read the pieces and the values reached the model raw.
 */
class HtmlMarkupDoorsTest extends GatewayTestBase {

    private static final String ANSWER = """
            {"id":"c1","object":"chat.completion","created":1,"model":"extern-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}]}
            """;

    @BeforeEach
    void stubs() {
        upstream.stubFor(post(urlEqualTo("/extern/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BSN, Outlook spans      | <p class=MsoNormal>BSN: <span lang=NL>111222</span><span lang=NL>333</span><o:p></o:p></p> | 111222       | BSN",
            "BSN, bold middle        | <p>Burgerservicenummer 111<b>222</b>333</p>                                 | 222</b>333   | BSN",
            "e-mail, line-wrap hint  | Mail jan.jansen<wbr>@example.nl vandaag                                    | example.nl   | EMAIL",
            "e-mail, bold local part | Mail <b>jan.jansen</b>@example.nl vandaag                                  | example.nl   | EMAIL",
            "IBAN, bold digits       | Rekening NL91 ABNA <b>0417 1643 00</b> graag terugstorten                  | 0417 1643    | IBAN",
            "phone, span             | Bel 06-<span>12345678</span> na vijven                                     | 12345678     | PHONE"})
    void personalDataSplitByTagsIsGoverned(String name, String text, String raw, String entity) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "extern");
        body.putArray("messages").addObject().put("role", "user").put("content", text);

        var response = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<LoggedRequest> sent = upstream.findAll(postRequestedFor(urlEqualTo("/extern/v1/chat/completions")));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getBodyAsString()).doesNotContain(raw);
        Map<String, Object> audit = auditRecord(trace(response));
        assertThat((String) audit.get("ENTITY_COUNTS")).contains(entity);
        assertThat(audit.values().toString()).doesNotContain(raw);
    }

    @Test
    void theResponsesApiReadsThemToo() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "extern")
                .put("input", "<div>Zaak van BSN 111<span>222</span>333, mail jan.jansen<wbr>@example.nl</div>");

        var response = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String sent = upstream.findAll(postRequestedFor(urlEqualTo("/extern/v1/chat/completions"))).getFirst().getBodyAsString();
        assertThat(sent).doesNotContain("222</span>333").doesNotContain("example.nl");
        assertThat((String) auditRecord(trace(response)).get("ENTITY_COUNTS")).contains("BSN").contains("EMAIL");
    }

    @Test
    void aUseCaseThatBlocksPersonalDataRefusesItWithARecord() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run");
        body.putArray("messages").addObject().put("role", "user").put("content", "<p>BSN: 111<span>222</span>333</p>");

        var response = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-beperkt");

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("222</span>333").contains("\"error\"");
        Map<String, Object> audit = auditRecord(trace(response));
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat((String) audit.get("RULE")).startsWith("pii:");
        assertThat((String) audit.get("ENTITY_COUNTS")).contains("BSN");
    }

    private static String trace(java.net.http.HttpResponse<String> response) {
        return response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }
}
