package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text copied from HTML, as n8n or Power Automate's Outlook actions pass an e-mail's HTML body on. Character references
 * (redteam48): spaces, punctuation and sometimes digits written as {@code 111&nbsp;222&nbsp;333}. Tags inside a value
 * (redteam49): a formatting run, a spelling mark or a {@code <wbr>} breaks it wherever it falls. The model reads the
 * value whole; before, the PII scan read it as written, in pieces, and the values reached the model raw. One class for
 * both (edges50: redteam49's was a copy of this one with other rows).
 */
class HtmlTextDoorsTest extends ExternModelDoorsTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BSN, no-break spaces    | <p>Burgerservicenummer: 111&nbsp;222&nbsp;333</p>                    | 222&nbsp;333              | BSN",
            "BSN, decimal references | BSN &#49;&#49;&#49;&#50;&#50;&#50;&#51;&#51;&#51;                      | &#50;&#50;&#50;           | BSN",
            "IBAN, no-break spaces   | Rekening NL91&nbsp;ABNA&nbsp;0417&nbsp;1643&nbsp;00 graag terugstorten | 0417&nbsp;1643            | IBAN",
            "e-mail, named references| Mail jan&period;jansen&commat;example&period;nl vandaag                | jansen&commat;example     | EMAIL",
            "phone, no-break hyphen  | Bel 06&#8209;12345678 na vijven                                      | 12345678                  | PHONE",
            "BSN, legacy name without its semicolon (pii49) | BSN 111&nbsp222&nbsp333 graag nakijken | 222&nbsp333 | BSN",
            "BSN, leading zeros (pii49) | BSN &#0000000049;&#0000000049;1222333                                | 1222333                   | BSN",
            "BSN, Outlook spans      | <p class=MsoNormal>BSN: <span lang=NL>111222</span><span lang=NL>333</span><o:p></o:p></p> | 111222       | BSN",
            "BSN, bold middle        | <p>Burgerservicenummer 111<b>222</b>333</p>                                 | 222</b>333   | BSN",
            "e-mail, line-wrap hint  | Mail jan.jansen<wbr>@example.nl vandaag                                    | example.nl   | EMAIL",
            "e-mail, bold local part | Mail <b>jan.jansen</b>@example.nl vandaag                                  | example.nl   | EMAIL",
            "IBAN, bold digits       | Rekening NL91 ABNA <b>0417 1643 00</b> graag terugstorten                  | 0417 1643    | IBAN",
            "phone, span             | Bel 06-<span>12345678</span> na vijven                                     | 12345678     | PHONE",
            // tagjoin51: a tag between a letter and a digit, read joined as a browser shows it (missed since e47dd237)
            "passport, bold digit    | Paspoortnummer NW3F<b>4</b>2B71 graag                                     | NW3F         | ID_DOCUMENT",
            "passport, span          | Paspoortnummer NW3F<span>4</span>2B71 graag                               | NW3F         | ID_DOCUMENT",
            "licence plate, bold     | Kenteken GX<b>214</b>T graag                                              | 214          | LICENCE_PLATE",
            "e-mail, bold year       | Mail jansen<b>1980</b>@example.nl vandaag                                 | jansen       | EMAIL",
            // and the value kept apart from a word as written (review50's reading, kept beside the joined one)
            "BSN, bold after a word  | BSN<b>111222333</b> graag                                                 | 111222333    | BSN",
            "BSN, a bold letter after| BSN 111222333<b>A</b> volgt                                               | 111222333    | BSN"})
    void personalDataWrittenAsHtmlIsGoverned(String name, String text, String raw, String entity) throws Exception {
        assertGovernedOnTheWay(text, raw, entity);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "character references | Zaak van BSN 111&nbsp;222&nbsp;333, mail jan&period;jansen&commat;example&period;nl | 222&nbsp;333  | jansen&commat;",
            "tags                 | <div>Zaak van BSN 111<span>222</span>333, mail jan.jansen<wbr>@example.nl</div>   | 222</span>333 | example.nl"})
    void theResponsesApiReadsThemToo(String name, String input, String rawBsn, String rawEmail) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "extern").put("input", input);

        var response = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String sent = upstream.findAll(postRequestedFor(urlEqualTo(EXTERN_CHAT))).getFirst().getBodyAsString();
        assertThat(sent).doesNotContain(rawBsn).doesNotContain(rawEmail);
        assertThat((String) auditRecord(traceId(response)).get("ENTITY_COUNTS")).contains("BSN").contains("EMAIL");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "character references | <p>BSN: 111&nbsp;222&nbsp;333</p>  | 222&nbsp;333",
            "tags                 | <p>BSN: 111<span>222</span>333</p> | 222</span>333"})
    void aUseCaseThatBlocksPersonalDataRefusesItWithARecord(String name, String content, String raw) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run");
        body.putArray("messages").addObject().put("role", "user").put("content", content);

        var response = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-beperkt");

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain(raw).contains("\"error\"");
        Map<String, Object> audit = auditRecord(traceId(response));
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat((String) audit.get("RULE")).startsWith("pii:");
        assertThat((String) audit.get("ENTITY_COUNTS")).contains("BSN");
    }
}
