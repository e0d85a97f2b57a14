package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Bad input gets the right status, a stable code, a Dutch message, and an audit record. */
@TestPropertySource(properties = {"dijkwacht.max-body-bytes=4096", "dijkwacht.limits.requests-per-minute=1000"})
class OpenAiErrorsTest extends GatewayTestBase {

    private JsonNode assertError(HttpResponse<String> response, int status, String type, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        if (status == 401) {
            // failed authentications are counted per source and minute, not chained one by one (issue 8 item 4)
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE trace_id = ?", Integer.class, trace)).isZero();
            return error;
        }
        var audit = auditRecord(trace);
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("ERROR_CODE")).isEqualTo(code);
        assertThat(audit.get("HTTP_STATUS")).isEqualTo(status);
        return error;
    }

    @Test
    void malformedJson() throws Exception {
        JsonNode error = assertError(postJson("/v1/chat/completions", "{\"model\": \"upstream\", ", TestPack.TOOL_KEY),
                400, "invalid_request_error", "invalid_json");
        assertThat(error.path("message").asText()).contains("geen geldige JSON");
    }

    @Test
    void missingMessages() throws Exception {
        JsonNode error = assertError(postJson("/v1/chat/completions", "{\"model\":\"upstream\"}", TestPack.TOOL_KEY),
                400, "invalid_request_error", "missing_messages");
        assertThat(error.path("param").asText()).isEqualTo("messages");
    }

    @Test
    void messagesThatAreNoListAreAWrongTypeNotMissing() throws Exception {
        JsonNode error = assertError(postJson("/v1/chat/completions", "{\"model\":\"upstream\",\"messages\":\"hoi\"}", TestPack.TOOL_KEY),
                400, "invalid_request_error", "invalid_type");
        assertThat(error.path("param").asText()).isEqualTo("messages");
        assertThat(error.path("message").asText()).isEqualTo("Het veld 'messages' moet een lijst met berichten zijn.");
    }

    @Test
    void missingModel() throws Exception {
        assertError(postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hoi\"}]}", TestPack.TOOL_KEY),
                400, "invalid_request_error", "missing_model");
    }

    @Test
    void missingAndUnknownKeys() throws Exception {
        assertError(postJson("/v1/chat/completions", chat("upstream", "hoi"), null), 401, "authentication_error", "missing_api_key");
        assertError(postJson("/v1/chat/completions", chat("upstream", "hoi"), "sk-wrong"), 401, "authentication_error", "invalid_api_key");
    }

    @Test
    void unknownModelIs404() throws Exception {
        assertError(postJson("/v1/chat/completions", chat("gpt-4o", "hoi"), TestPack.TOOL_KEY), 404, "not_found_error", "model_not_found");
    }

    @Test
    void modelNotAllowedForUseCaseIs403() throws Exception {
        assertError(postJson("/v1/chat/completions", chat("upstream", "hoi"), TestPack.OTHER_TOOL_KEY), 403, "permission_error", "model_not_allowed");
    }

    @Test
    void unknownOrForeignUseCaseIs403() throws Exception {
        assertError(postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", "bestaat-niet"),
                403, "permission_error", "use_case_unknown");
        assertError(postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.OTHER_TOOL_KEY, "X-Dijkwacht-Use-Case", "test-algemeen"),
                403, "permission_error", "use_case_not_allowed");
    }

    @Test
    void blockedPersonalDataIs403AndNamesOnlyTheType() throws Exception {
        JsonNode error = assertError(postJson("/v1/chat/completions", chat("dry-run", "Mail naar geheim@example.nl"), TestPack.OTHER_TOOL_KEY),
                403, "permission_error", "personal_data_blocked");
        assertThat(error.path("message").asText()).contains("EMAIL").doesNotContain("geheim@example.nl");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    @Test
    void bodyTooLargeIs413() throws Exception {
        assertError(postJson("/v1/chat/completions", chat("upstream", "x".repeat(5000)), TestPack.TOOL_KEY),
                413, "invalid_request_error", "request_too_large");
    }

    @Test
    void bodyTooLargeIs413AndRecordedOnEveryModelOperation() throws Exception {
        String big = "x".repeat(5000);
        for (String[] operation : new String[][] {
                {"/v1/responses", "responses", "{\"model\":\"upstream\",\"input\":\"" + big + "\"}"},
                {"/v1/completions", "completions", "{\"model\":\"upstream\",\"prompt\":\"" + big + "\"}"},
                {"/v1/embeddings", "embeddings", "{\"model\":\"upstream\",\"input\":\"" + big + "\"}"}}) {
            var response = postJson(operation[0], operation[2], TestPack.TOOL_KEY);
            assertError(response, 413, "invalid_request_error", "request_too_large");
            assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("ENDPOINT"))
                    .as(operation[0]).isEqualTo(operation[1]);
        }
    }

    @Test
    void tokenIdsAsEmbeddingInputAreRefused() throws Exception {
        assertError(postJson("/v1/embeddings", "{\"model\":\"upstream\",\"input\":[[1,2,3]]}", TestPack.TOOL_KEY),
                400, "invalid_request_error", "invalid_type");
    }
}
