package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * redteam45: under {@code pii.output: redact} the output scan replaces personal data the model wrote in the answer's
 * text — but {@code logprobs: true} brought the same answer back token by token ({@code choices[].logprobs.content[].token},
 * {@code bytes}, {@code top_logprobs}), unscanned, and {@code modalities: ["audio"]} a spoken answer nothing can scan.
 * Such a request is now refused (400 {@code output_not_redactable}, naming the field, audited); under {@code flag} it
 * passes as before. The upstream answer is OpenAI's logprobs shape with an address the model added.
 */
class UnredactableAnswerPartsTest extends GatewayTestBase {

    private static final String ANSWER_WITH_LOGPROBS = """
            {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
             "message":{"role":"assistant","content":"Mail j.bos@example.nl"},"finish_reason":"stop",
             "logprobs":{"content":[{"token":"Mail","logprob":-0.1,"bytes":[77,97,105,108],"top_logprobs":[]},
              {"token":" j.bos@example.nl","logprob":-0.2,"bytes":null,"top_logprobs":[]}],"refusal":null}}],
             "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}
            """;

    @BeforeEach
    void stub() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ANSWER_WITH_LOGPROBS)));
    }

    private HttpResponse<String> ask(String useCase, Consumer<ObjectNode> asks) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "upstream");
        body.putArray("messages").addObject().put("role", "user").put("content", "Wie moet ik mailen?");
        asks.accept(body);
        upstream.resetRequests();
        return postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", useCase);
    }

    private void refused(HttpResponse<String> r, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = parse(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("output_not_redactable");
        assertThat(error.path("param").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).startsWith("Voor deze toepassing worden persoonsgegevens in antwoorden vervangen");
        assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).isEmpty();
        Map<String, Object> audit = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("DECISION")).isEqualTo("refused");
        assertThat(audit.get("RULE")).isEqualTo("fields:output-not-redactable:" + field);
    }

    @Test
    void underRedactLogprobsAndSpokenAnswersAreRefused() throws Exception {
        refused(ask("test-antwoord", b -> b.put("logprobs", true)), "logprobs");
        refused(ask("test-antwoord", b -> b.put("logprobs", true).put("top_logprobs", 5)), "logprobs");
        refused(ask("test-antwoord", b -> {
            b.putArray("modalities").add("text").add("audio");
            b.putObject("audio").put("voice", "alloy").put("format", "wav");
        }), "modalities");
    }

    @Test
    void underRedactAnAnswerWithoutThemIsRedactedAsBefore() throws Exception {
        HttpResponse<String> r = ask("test-antwoord", b -> b.put("logprobs", false));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(parse(r.body()).at("/choices/0/message/content").asText()).startsWith("Mail [EMAIL]");
    }

    @Test
    void underFlagTheyPassAsBefore() throws Exception {
        HttpResponse<String> r = ask("test-antwoord-tellen", b -> b.put("logprobs", true));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst().getBodyAsString())
                .contains("\"logprobs\":true");
        Map<String, Object> audit = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }
}
