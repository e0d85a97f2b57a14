package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 item 5 on every model operation — chat, embeddings, the Responses API and legacy completions: the raw body
 * is read as strictly as a chat request before it is translated (one JSON document, {@code application/json}, at most
 * 64 levels deep, the operation's OpenAI request schema), each refusal names the field and never repeats a value the
 * tool sent (not even a field name), is audited, and nothing reaches the model (WireMock records every call).
 */
class StrictEveryEndpointTest extends GatewayTestBase {

    private static final String BSN = "111222333";
    private static final String SURNAME = "jansen";

    @BeforeEach
    void anyCallWouldBeAnswered() {
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /** The path and a valid body of each operation, with {@code %s} where a test puts one more top-level field. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/v1/chat/completions", "{\"model\":\"upstream\",%s\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}"),
                Arguments.of("/v1/embeddings", "{\"model\":\"upstream\",%s\"input\":\"Hallo\"}"),
                Arguments.of("/v1/responses", "{\"model\":\"upstream\",%s\"input\":\"Hallo\"}"),
                Arguments.of("/v1/completions", "{\"model\":\"upstream\",%s\"prompt\":\"Hallo\"}"));
    }

    private static String body(String template, String extra) {
        return template.formatted(extra.isEmpty() ? "" : extra + ",");
    }

    private JsonNode refused(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.body()).doesNotContain(BSN).doesNotContain(SURNAME).doesNotContain("Exception");
        assertThat(upstream.getAllServeEvents()).as("nothing reaches a model").isEmpty();
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> audit = auditRecord(trace);
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("ERROR_CODE")).isEqualTo(code);
        assertThat(audit.values().toString()).doesNotContain(BSN).doesNotContain(SURNAME);
        return error;
    }

    private HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestPack.TOOL_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void nestedTenThousandDeepIsA400NotA500(String path, String template) throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        refused(postJson(path, body(template, "\"metadata\":" + deep), TestPack.TOOL_KEY), 400, "nesting_too_deep");
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        refused(postJson(path, body(template, "\"metadata\":" + deepObjects), TestPack.TOOL_KEY), 400, "nesting_too_deep");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void trailingDataAndASecondDocumentAreRefused(String path, String template) throws Exception {
        String valid = body(template, "");
        refused(postJson(path, valid + " BSN " + BSN, TestPack.TOOL_KEY), 400, "trailing_data");
        refused(postJson(path, valid + valid, TestPack.TOOL_KEY), 400, "trailing_data");
        refused(postJson(path, valid + "]", TestPack.TOOL_KEY), 400, "trailing_data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void onlyApplicationJsonInUtf8(String path, String template) throws Exception {
        refused(send(path, "text/plain", body(template, "")), 415, "unsupported_media_type");
        refused(send(path, "application/x-www-form-urlencoded", body(template, "")), 415, "unsupported_media_type");
        refused(send(path, "application/json; charset=latin1", body(template, "")), 415, "unsupported_media_type");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void brokenJsonDuplicateKeysAndNonObjectsAreRefused(String path, String template) throws Exception {
        refused(postJson(path, "{\"model\":\"upstream\",\"input\":\"" + BSN, TestPack.TOOL_KEY), 400, "invalid_json");
        refused(postJson(path, "", TestPack.TOOL_KEY), 400, "invalid_json");
        refused(postJson(path, "[\"" + BSN + "\"]", TestPack.TOOL_KEY), 400, "invalid_json");
        refused(postJson(path, body(template, "\"model\":\"dry-run\""), TestPack.TOOL_KEY), 400, "duplicate_field");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anUnknownFieldIsRefusedWithoutRepeatingItsName(String path, String template) throws Exception {
        JsonNode bsnKey = refused(postJson(path, body(template, "\"bsn_" + BSN + "\":1"), TestPack.TOOL_KEY), 400, "unknown_field");
        assertThat(bsnKey.path("param").asText()).isEqualTo("…");
        JsonNode surnameKey = refused(postJson(path, body(template, "\"" + SURNAME + "\":\"x\""), TestPack.TOOL_KEY), 400, "unknown_field");
        assertThat(surnameKey.path("param").asText()).isEqualTo("…");
        assertThat(surnameKey.path("message").asText()).contains("persoonsgegevens");
    }

    @Test
    void responsesTypesAndRangesNameTheField() throws Exception {
        JsonNode hot = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"temperature\":\"" + BSN + "\"}",
                TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(hot.path("param").asText()).isEqualTo("temperature");
        JsonNode tooHot = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"temperature\":" + BSN + "}",
                TestPack.TOOL_KEY), 400, "value_out_of_range");
        assertThat(tooHot.path("param").asText()).isEqualTo("temperature");
        JsonNode stream = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"stream\":\"ja\"}",
                TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(stream.path("param").asText()).isEqualTo("stream");
        JsonNode instructions = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"instructions\":{\"bsn\":\""
                + BSN + "\"}}", TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(instructions.path("param").asText()).isEqualTo("instructions");
        JsonNode nested = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Hallo\",\"" + SURNAME + "\":\"" + BSN + "\"}]}]}", TestPack.TOOL_KEY), 400, "unknown_field");
        // the Responses field table (RequestFields.RESPONSES) refuses an unknown field at any depth, its name hidden
        assertThat(nested.path("param").asText()).isEqualTo("input[0].content[0].…");
        JsonNode role = refused(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":[{\"type\":\"message\",\"role\":\""
                + SURNAME + "\",\"content\":\"Hallo\"}]}", TestPack.TOOL_KEY), 400, "invalid_value");
        assertThat(role.path("param").asText()).startsWith("input[0]");
    }

    @Test
    void completionsTypesAndRangesNameTheField() throws Exception {
        JsonNode negative = refused(postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"Hallo\",\"max_tokens\":-5}",
                TestPack.TOOL_KEY), 400, "value_out_of_range");
        assertThat(negative.path("param").asText()).isEqualTo("max_tokens");
        JsonNode hot = refused(postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"Hallo\",\"temperature\":\"heet\"}",
                TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(hot.path("param").asText()).isEqualTo("temperature");
        JsonNode n = refused(postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"Hallo\",\"n\":" + BSN + "}",
                TestPack.TOOL_KEY), 400, "value_out_of_range");
        assertThat(n.path("param").asText()).isEqualTo("n");
        JsonNode prompt = refused(postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":{\"bsn\":\"" + BSN + "\"}}",
                TestPack.TOOL_KEY), 400, "invalid_type");
        assertThat(prompt.path("param").asText()).isEqualTo("prompt");
    }

    @Test
    void aValidRequestOnEachTranslatedSurfaceStillGoesThrough() throws Exception {
        upstream.resetAll();
        upstream.stubFor(post(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
                 "message":{"role":"assistant","content":"Goed."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""")));
        assertThat(postJson("/v1/responses", "{\"model\":\"upstream\",\"input\":\"Hallo\",\"previous_response_id\":null,"
                + "\"temperature\":0.2,\"text\":{\"format\":{\"type\":\"text\"}}}", TestPack.TOOL_KEY).statusCode()).isEqualTo(200);
        assertThat(postJson("/v1/completions", "{\"model\":\"upstream\",\"prompt\":\"Hallo\",\"max_tokens\":5}", TestPack.TOOL_KEY)
                .statusCode()).isEqualTo(200);
    }
}
