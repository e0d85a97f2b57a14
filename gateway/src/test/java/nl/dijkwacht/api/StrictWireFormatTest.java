package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5: the parser is strict — one JSON document, application/json, the OpenAI schema's types and
 * ranges, a nesting limit — every refusal names the field, none repeats a value the tool sent, and nothing reaches a
 * model.
 */
class StrictWireFormatTest extends GatewayTestBase {

    private static final String BSN = "111222333";

    private JsonNode refused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain(BSN);
        assertThat(upstream.getAllServeEvents()).isEmpty();
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(auditRecord(trace).get("ERROR_CODE")).isEqualTo(code);
        return error;
    }

    private HttpResponse<String> send(String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String valid() throws Exception {
        return chat("upstream", "Hallo");
    }

    @Test
    void trailingDataAndASecondObjectAreRefused() throws Exception {
        refused(postJson("/v1/chat/completions", valid() + " x", TestPack.TOOL_KEY), 400, "trailing_data");
        refused(postJson("/v1/chat/completions", valid() + valid(), TestPack.TOOL_KEY), 400, "trailing_data");
    }

    @Test
    void onlyApplicationJsonIsAccepted() throws Exception {
        refused(send("text/plain", valid()), 415, "unsupported_media_type");
        refused(send("application/x-www-form-urlencoded", valid()), 415, "unsupported_media_type");
        refused(send("application/json; charset=latin1", valid()), 415, "unsupported_media_type");
        assertThat(send("application/json; charset=UTF-8", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void wrongTypesAndRangesNameTheField() throws Exception {
        JsonNode hot = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"temperature\":\"hot\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(hot.path("param").asText()).isEqualTo("temperature");
        assertThat(hot.path("message").asText()).contains("'temperature'").contains("getal").doesNotContain("hot");

        JsonNode negative = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"max_tokens\":-5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "value_out_of_range");
        assertThat(negative.path("param").asText()).isEqualTo("max_tokens");

        JsonNode tooHot = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"temperature\":" + BSN + ","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "value_out_of_range");
        assertThat(tooHot.path("message").asText()).contains("hoogstens 2");

        JsonNode role = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\","
                + "\"messages\":[{\"role\":\"baas\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "invalid_value");
        assertThat(role.path("param").asText()).isEqualTo("messages[0].role");
        assertThat(role.path("message").asText()).contains("user").contains("assistant").doesNotContain("baas");

        JsonNode content = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":{\"bsn\":\"" + BSN + "\"}}]}]}",
                TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(content.path("param").asText()).isEqualTo("messages[0].content[0].text");
    }

    @Test
    void aNumberTooLargeForADoubleIsA400NotA500() throws Exception {
        // JSON allows 1e400; read as a double it is infinity, which the schema's exact range check could not compare
        for (String number : new String[] {"1e400", "-1e400", "1.7976931348623159e308"}) {
            JsonNode error = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"temperature\":" + number + ","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "value_out_of_range");
            assertThat(error.path("message").asText()).contains("getal").doesNotContain(number);
        }
        refused(postJson("/v1/embeddings", "{\"model\":\"upstream\",\"input\":\"x\",\"dimensions\":1e400}", TestPack.TOOL_KEY),
                400, "value_out_of_range");
        // deep inside the body (a tool's parameter schema, an array): the same refusal, not invalid_json (review42)
        refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"n\":{\"type\":\"number\",\"enum\":[1,-2e999]}}}}}]}", TestPack.TOOL_KEY),
                400, "value_out_of_range");
    }

    @Test
    void aWildcardContentTypeIsA415NotA500() throws Exception {
        // Spring's request headers refuse a wildcard Content-Type before any route is chosen: handled as none at all
        for (String wildcard : new String[] {"*/*", "application/*", "application/*+json", "*/*; charset=utf-8"}) {
            refused(send(wildcard, valid()), 415, "unsupported_media_type");
        }
    }

    @Test
    void deepNestingIsA400NotA500() throws Exception {
        String deep = "{\"model\":\"upstream\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"metadata\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        refused(postJson("/v1/chat/completions", deep, TestPack.TOOL_KEY), 400, "nesting_too_deep");
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"model\":\"dry-run\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "duplicate_field");
    }

    @Test
    void unknownFieldsAreRefusedAndTheirNamesShownOnlyWhenHarmless() throws Exception {
        // a field name of the OpenAI API (here one of the Responses API) is named; any other name could be personal data
        JsonNode plain = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"instructions\":\"x\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "unknown_field");
        assertThat(plain.path("param").asText()).isEqualTo("instructions");
        JsonNode surname = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"jansen\":\"x\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "unknown_field");
        assertThat(surname.path("param").asText()).isEqualTo("…");
        assertThat(surname.path("message").asText()).doesNotContain("jansen").contains("persoonsgegevens");
        JsonNode hidden = refused(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"bsn " + BSN + "\":1,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", TestPack.TOOL_KEY), 400, "unknown_field");
        assertThat(hidden.path("param").asText()).isEqualTo("…");
    }

    @Test
    void clientSuppliedModelAndUseCaseAreNotRepeated() throws Exception {
        String model = "gpt-" + BSN + "-" + "x".repeat(7000);
        JsonNode unknownModel = refused(postJson("/v1/chat/completions", chat(model, "Hallo"), TestPack.TOOL_KEY), 404, "model_not_found");
        assertThat(unknownModel.path("message").asText()).doesNotContain("gpt-").hasSizeLessThan(300);

        JsonNode unknownUseCase = refused(postJson("/v1/chat/completions", valid(), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "zaak-" + BSN), 403, "use_case_unknown");
        assertThat(unknownUseCase.path("message").asText()).doesNotContain("zaak-");
    }
}
