package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * An auditor sees that a known tool called an endpoint Dijkwacht does not offer: an address under /v1/ that no route
 * takes (404) or a method an address does not take (405), called with an accepted key, gets an audit record — refused,
 * with the method and the address's shape, never a value from the path. The tool's answer is the same Dutch OpenAI
 * error anyone gets; a call without an accepted key leaves no record.
 */
class NotOfferedAddressesTest extends GatewayTestBase {

    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String BSN = "111222333";

    private HttpResponse<String> call(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"model\":\"tts-1\",\"input\":\"Jan de Vries, BSN " + BSN + "\",\"voice\":\"alloy\"}"));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long lastSeq() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM audit_record", Long.class);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return parse(response.body()).path("error");
    }

    @Test
    void aKnownToolCallingAnEndpointNotOfferedIsRecordedAndGetsTheSame404() throws Exception {
        HttpResponse<String> anonymous = call("POST", "/v1/audio/speech", null);
        HttpResponse<String> known = call("POST", "/v1/audio/speech", TestPack.TOOL_KEY);

        assertThat(known.statusCode()).isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(known.body()).isEqualTo(anonymous.body());
        assertThat(error(known).path("code").asText()).isEqualTo("not_found");
        assertThat(error(known).path("type").asText()).isEqualTo("not_found_error");
        assertThat(error(known).path("message").asText()).as("does not tell a tool on an OpenAI address to use one")
                .isEqualTo("Dit adres biedt Dijkwacht niet aan. Van de OpenAI-API biedt Dijkwacht POST /v1/chat/completions,"
                        + " /v1/responses, /v1/completions en /v1/embeddings, en GET /v1/models.");
        assertThat(anonymous.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();

        String traceId = known.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> record = auditRecord(traceId);
        assertThat(record.get("ENDPOINT")).isEqualTo("unsupported");
        assertThat(record.get("BIO_ACTION")).isEqualTo("unsupported");
        assertThat(record.get("BIO_OBJECT")).isEqualTo("endpoint:POST /v1/audio/speech");
        assertThat(record.get("BIO_RESULT")).isEqualTo("refused");
        assertThat((String) record.get("BIO_ORIGIN")).startsWith("tool:test-tool");
        assertThat(record.get("TOOL_ID")).isEqualTo("test-tool");
        assertThat(record.get("DECISION")).isEqualTo("refused");
        assertThat(record.get("ERROR_CODE")).isEqualTo("endpoint_not_supported");
        assertThat(record.get("RULE")).isEqualTo("request:endpoint_not_supported");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(404);
        assertThat(record.get("MODEL_ID")).isNull();
        assertThat(record.get("PROMPT_TOKENS")).as("no body is read").isEqualTo(0);
    }

    @Test
    void aKnownToolUsingAMethodAnAddressDoesNotTakeIsRecordedAndGetsThe405WithAllow() throws Exception {
        HttpResponse<String> response = call("GET", "/v1/chat/completions", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("POST").doesNotContain("GET");
        assertThat(error(response).path("code").asText()).isEqualTo("method_not_allowed");
        Map<String, Object> record = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(record.get("ENDPOINT")).isEqualTo("unsupported");
        assertThat(record.get("BIO_OBJECT")).isEqualTo("endpoint:GET /v1/chat/completions");
        assertThat(record.get("ERROR_CODE")).isEqualTo("method_not_allowed");
        assertThat(record.get("RULE")).isEqualTo("request:method_not_allowed");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(405);
        assertThat(record.get("TOOL_ID")).isEqualTo("test-tool");
    }

    @Test
    void aValueInThePathIsNeverRecorded() throws Exception {
        long before = lastSeq();
        HttpResponse<String> files = call("GET", "/v1/files/" + BSN + "/content", TestPack.TOOL_KEY);
        HttpResponse<String> unknown = call("POST", "/v1/jan-de-vries-" + BSN, TestPack.TOOL_KEY);

        assertThat(files.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(auditRecord(files.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("BIO_OBJECT"))
                .isEqualTo("endpoint:GET /v1/files/{id}/content");
        assertThat(auditRecord(unknown.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("BIO_OBJECT"))
                .isEqualTo("endpoint:POST /v1/{id}");
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM audit_record WHERE seq > ?", before)) {
            assertThat(row.values().stream().map(String::valueOf).toList()).noneMatch(v -> v.contains(BSN) || v.contains("vries"));
        }
    }

    @Test
    void callsWithoutAnAcceptedKeyAreNotRecorded() throws Exception {
        long before = lastSeq();

        HttpResponse<String> none = call("POST", "/v1/audio/speech", null);
        HttpResponse<String> wrong = call("POST", "/v1/images/generations", "sk-onbekend");
        HttpResponse<String> wrongMethod = call("GET", "/v1/embeddings", "sk-onbekend");

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(error(wrong).path("code").asText()).isEqualTo("not_found");
        assertThat(wrong.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        assertThat(wrongMethod.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        // a known tool's call right after is recorded: the three before it left nothing in between
        HttpResponse<String> known = call("POST", "/v1/moderations", TestPack.TOOL_KEY);
        assertThat(jdbc.queryForList("SELECT trace_id FROM audit_record WHERE seq > ?", String.class, before))
                .containsExactly(known.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
    }

    /**
     * redteam46: every other address of the OpenAI API a tool or SDK calls (OpenAI's API reference, December 2026) —
     * stored chat completions and responses, audio, images, files, uploads, batches, assistants and threads, realtime,
     * vector stores, fine-tuning, moderations, conversations, containers, videos, evals — and the forms a path can take
     * (a trailing slash, a doubled slash, a path parameter): a known tool gets the Dutch 404/405, the call is recorded,
     * and nothing reaches a model.
     */
    @Test
    void everyOtherOpenAiAddressIsRefusedAndRecordedAndNothingReachesAModel() throws Exception {
        List<String> calls = List.of(
                "GET /v1/chat/completions/chatcmpl-1", "POST /v1/chat/completions/chatcmpl-1",
                "DELETE /v1/chat/completions/chatcmpl-1", "GET /v1/chat/completions/chatcmpl-1/messages",
                "GET /v1/responses/resp_1", "DELETE /v1/responses/resp_1", "POST /v1/responses/resp_1/cancel",
                "GET /v1/responses/resp_1/input_items", "POST /v1/responses/input_tokens", "POST /v1/responses/compact",
                "POST /v1/audio/speech", "POST /v1/audio/transcriptions", "POST /v1/audio/translations",
                "POST /v1/images/generations", "POST /v1/images/edits", "POST /v1/images/variations",
                "POST /v1/files", "GET /v1/files", "GET /v1/files/file-1/content", "POST /v1/uploads",
                "POST /v1/batches", "GET /v1/batches/batch_1",
                "POST /v1/assistants", "POST /v1/threads", "POST /v1/threads/runs", "POST /v1/threads/thread_1/messages",
                "POST /v1/threads/thread_1/runs", "GET /v1/realtime", "POST /v1/realtime/sessions",
                "POST /v1/realtime/client_secrets", "POST /v1/realtime/calls", "POST /v1/moderations",
                "POST /v1/vector_stores", "POST /v1/fine_tuning/jobs", "POST /v1/conversations", "POST /v1/containers",
                "POST /v1/videos", "POST /v1/evals", "POST /v1/edits", "POST /v1/engines/davinci/completions",
                "POST /v1/chat/completions/", "POST /v1/Chat/Completions",
                "POST /v1/embeddings/", "DELETE /v1/models/extern", "POST /v1/models");
        for (String call : calls) {
            upstream.resetRequests();
            String method = call.substring(0, call.indexOf(' '));
            String path = call.substring(call.indexOf(' ') + 1);
            HttpResponse<String> response = call(method, path, TestPack.TOOL_KEY);

            assertThat(response.statusCode()).as(call + ": " + response.body()).isIn(404, 405);
            assertThat(error(response).path("message").asText()).as(call).startsWith("D").doesNotContain("Exception");
            String traceId = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElse(null);
            assertThat(traceId).as(call + " is recorded").isNotNull();
            Map<String, Object> record = auditRecord(traceId);
            assertThat(record.get("DECISION")).as(call).isEqualTo("refused");
            assertThat(record.get("TOOL_ID")).as(call).isEqualTo("test-tool");
            assertThat(upstream.getAllServeEvents()).as(call + ": nothing reached a model").isEmpty();
        }
    }

    /**
     * redteam46: a tool whose base URL ends in a slash calls {@code /v1//chat/completions}. The firewall refuses such an
     * address before any route or key is looked at; the refusal said "ongeldige tekens" and had no trace id. Now it names
     * the doubled slash and the base URL and is reported like a request refused before routing (a trace id, counted per
     * source as a request head over the limit is; no audit record, since no key was checked — as for a failed
     * authentication, a per-request record would let anyone fill the store).
     */
    @Test
    void anAddressNotInItsNormalFormIsRefusedSayingWhyAndRecorded() throws Exception {
        for (String path : List.of("/v1//chat/completions", "/v1/./chat/completions", "/v1/models/../chat/completions")) {
            upstream.resetRequests();
            HttpResponse<String> response = call("POST", path, TestPack.TOOL_KEY);

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(error(response).path("code").asText()).isEqualTo("request_rejected");
            assertThat(error(response).path("message").asText()).as(path).contains("dubbele schuine streep", "basis-URL");
            assertThat(response.headers().firstValue("X-Dijkwacht-Trace-Id")).as(path).isPresent();
            assertThat(upstream.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void outsideTheModelApiNothingChanges() throws Exception {
        long before = lastSeq();
        HttpResponse<String> admin = call("GET", "/admin/bestaat-niet", TestPack.TOOL_KEY);
        HttpResponse<String> wrongMethod = call("DELETE", "/admin/policy", TestPack.TOOL_KEY);

        assertThat(admin.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(admin.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        assertThat(error(admin).path("message").asText()).startsWith("Dit adres bestaat niet in Dijkwacht.");
        assertThat(lastSeq()).isEqualTo(before);
    }

    /**
     * answer47: a tool whose base URL lacks {@code /v1} (or is another provider's: Azure's {@code /openai/deployments/…},
     * {@code /v2/…}) got the generic 404 and left no record. Now the 404 names the base URL to set, a known tool's call is
     * recorded — once a minute per tool, method and address shape, the repeats answered with that record's trace id —
     * and nothing reaches a model.
     */
    @Test
    void aToolWithoutV1InItsBaseUrlIsToldTheBaseUrlAndRecordedOnceAMinute() throws Exception {
        long before = lastSeq();
        for (String path : List.of("/chat/completions", "/openai/deployments/" + BSN + "/chat/completions", "/v2/responses",
                "/openai/v1/embeddings", "/api/models/")) {
            HttpResponse<String> first = call("POST", path, TestPack.TOOL_KEY);
            HttpResponse<String> again = call("POST", path, TestPack.TOOL_KEY);
            assertThat(first.statusCode()).as(path).isEqualTo(404);
            assertThat(error(first).path("code").asText()).isEqualTo("wrong_base_url");
            assertThat(error(first).path("type").asText()).isEqualTo("not_found_error");
            assertThat(error(first).path("message").asText()).as(path)
                    .startsWith("Dit adres biedt Dijkwacht niet aan: de OpenAI-adressen van Dijkwacht beginnen met /v1/.")
                    .contains("moet het adres van Dijkwacht met /v1 erachter zijn")
                    .contains("POST <basis-URL>/chat/completions").doesNotContain("127.0.0.1").doesNotContain("localhost");
            String traceId = first.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
            assertThat(again.headers().firstValue("X-Dijkwacht-Trace-Id")).as("the same call again: the same record").contains(traceId);
            Map<String, Object> record = auditRecord(traceId);
            assertThat(record.get("ENDPOINT")).isEqualTo("unsupported");
            assertThat(record.get("DECISION")).isEqualTo("refused");
            assertThat(record.get("ERROR_CODE")).isEqualTo("wrong_base_url");
            assertThat(record.get("RULE")).isEqualTo("request:wrong_base_url");
            assertThat(record.get("TOOL_ID")).isEqualTo("test-tool");
        }
        assertThat(auditRecord(call("POST", "/openai/deployments/" + BSN + "/chat/completions", TestPack.TOOL_KEY)
                .headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("BIO_OBJECT"))
                .isEqualTo("endpoint:POST /openai/deployments/{id}/chat/completions");
        assertThat(jdbc.queryForList("SELECT trace_id FROM audit_record WHERE seq > ?", String.class, before)).as("one per address").hasSize(5);
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM audit_record WHERE seq > ?", before)) {
            assertThat(row.values().stream().map(String::valueOf).toList()).noneMatch(v -> v.contains(BSN));
        }
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }

    /** Without an accepted key: the same 404, no trace id, no record; an address that is not an OpenAI one: unchanged. */
    @Test
    void aMisplacedAddressWithoutAnAcceptedKeyIsNotRecorded() throws Exception {
        long before = lastSeq();
        HttpResponse<String> none = call("POST", "/chat/completions", null);
        HttpResponse<String> wrong = call("POST", "/v2/chat/completions", "sk-onbekend");
        HttpResponse<String> other = call("GET", "/wp-login.php", TestPack.TOOL_KEY);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(error(none).path("code").asText()).isEqualTo("wrong_base_url");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        assertThat(wrong.headers().firstValue("X-Dijkwacht-Trace-Id")).isEmpty();
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(error(other).path("code").asText()).isNotEqualTo("wrong_base_url");
        assertThat(lastSeq()).isEqualTo(before);
    }

    /**
     * review47: the 404 named the base URL from the request's {@code Host} header, so whatever a caller wrote there came
     * back in the gateway's own Dutch text. answer48: the message names no host.
     */
    @Test
    void theBaseUrlMessageDoesNotEchoTheHostHeader() throws Exception {
        // an address shape the test above does not call: its records are counted once a minute per shape
        String answer = nl.dijkwacht.support.RawHttp.exchange(port, "POST /openai/v1/chat/completions HTTP/1.1\r\n"
                + "Host: inloggen-gemeente.example:8443\r\nAuthorization: Bearer " + TestPack.TOOL_KEY + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 404").contains("wrong_base_url").doesNotContain("inloggen-gemeente");
    }
}
