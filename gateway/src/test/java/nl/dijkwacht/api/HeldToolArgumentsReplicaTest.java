package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.dijkwacht.response.HeldArguments;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * leftover45: streamed tool-call arguments are bounded over all streams of a replica too
 * ({@code dijkwacht.max-held-tool-arguments-total}), not only per stream (json28: 1,000 hostile streams of 1 MiB each).
 * With a replica bound of 1,000 characters: a stream of 1,200 characters of arguments — far within its own bound — ends
 * with the Dutch error event, audited; what a stream held is given back when it ends, however it ended, so streams of 600
 * characters one after the other all pass.
 */
@TestPropertySource(properties = "dijkwacht.max-held-tool-arguments-total=1000")
class HeldToolArgumentsReplicaTest extends GatewayTestBase {

    private static final String REQUEST = """
            {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Schrijf jan.devries@example.nl een brief"}],
             "tools":[{"type":"function","function":{"name":"stuur_brief","parameters":{"type":"object"}}}]}""";

    @Autowired
    HeldArguments held;

    /** A stream whose one tool call has arguments {@code {"tekst": "<filler>"}} in pieces of 100 characters. */
    private static String toolCallStream(int filler) throws Exception {
        StringBuilder body = new StringBuilder();
        ObjectNode first = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
        ObjectNode opening = first.putArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant")
                .putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "function");
        opening.putObject("function").put("name", "stuur_brief").put("arguments", "{\"tekst\": \"");
        body.append("data: ").append(json.writeValueAsString(first)).append("\n\n");
        for (int i = 0; i < filler / 100; i++) {
            ObjectNode chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
                    .put("index", 0).putObject("function").put("arguments", "blabla ".repeat(14) + "aa");
            body.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
        }
        body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n");
        body.append("data: [DONE]\n\n");
        return body.toString();
    }

    private java.net.http.HttpResponse<String> stream(int filler) throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(toolCallStream(filler))));
        return postJson("/v1/chat/completions", REQUEST, TestPack.TOOL_KEY);
    }

    @Test
    void aStreamBeyondTheReplicaBoundEndsWithADutchErrorEventAndGivesBackWhatItHeld() throws Exception {
        var response = stream(1_200);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = sseData(response.body());
        assertThat(events).doesNotContain("[DONE]");
        JsonNode error = parse(events.getLast()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("tool_arguments_held_replica_limit");
        assertThat(error.path("message").asText()).contains("functieaanroepen", "afgebroken", "max-held-tool-arguments-total")
                .doesNotContain("Exception");
        assertThat(response.body()).as("nothing of the held arguments reached the tool").doesNotContain("blabla");
        var audit = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("DECISION")).isEqualTo("failed");
        assertThat(audit.get("ERROR_CODE")).isEqualTo("tool_arguments_held_replica_limit");
        assertThat(audit.get("RULE")).isEqualTo("answer:tool_arguments_held_replica_limit");
        assertThat(audit.get("STREAMED")).isEqualTo(true);
        assertThat(held.held()).as("given back when the stream ended").isZero();
    }

    @Test
    void streamsWithinTheBoundOneAfterTheOtherAllPass() throws Exception {
        for (int i = 0; i < 3; i++) {
            var response = stream(600);
            List<String> events = sseData(response.body());
            assertThat(events.getLast()).as("stream %d", i).isEqualTo("[DONE]");
            assertThat(response.body()).contains("blabla");
            assertThat(held.held()).isZero();
        }
    }
}
