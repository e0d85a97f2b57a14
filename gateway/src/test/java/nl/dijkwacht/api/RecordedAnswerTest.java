package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;

/**
 * Tests of the parts of an answer against recorded upstream answers ({@link RecordedAnswers}): the prompt, whose address
 * the gateway sends as {@code [EMAIL_1]}, and the two use-cases of the output scan.
 */
abstract class RecordedAnswerTest extends GatewayTestBase {

    static final String PROMPT = "Bevestig de aanvraag van anna@example.nl";
    /** {@code pii.output: flag}: counted only. */
    static final String FLAG = "test-antwoord-tellen";
    /** {@code pii.output: redact}. */
    static final String REDACT = "test-antwoord";

    /** A chat request to the recorded model with {@link #PROMPT}; the caller adds what its test asks for. */
    static ObjectNode request(boolean stream) {
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        return body;
    }

    /** {@code body} sent under {@code useCase}; the answer must be a 200. */
    HttpResponse<String> send(ObjectNode body, String useCase) throws Exception {
        HttpResponse<String> r = postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", useCase);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** The audit record of the answer. */
    Map<String, Object> audit(HttpResponse<String> r) {
        return auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
    }
}
