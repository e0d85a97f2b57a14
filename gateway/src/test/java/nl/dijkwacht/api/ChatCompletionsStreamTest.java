package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

class ChatCompletionsStreamTest extends GatewayTestBase {

    /** An SSE body whose content deltas are the given pieces, then a finish chunk, a usage chunk and [DONE]. */
    static String sse(List<String> pieces, boolean done) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String piece : pieces) {
            var chunk = json.createObjectNode().put("id", "c").put("object", "chat.completion.chunk").put("model", "echo-7b");
            chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
            body.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
        }
        if (done) {
            body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            body.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":12,\"total_tokens\":42}}\n\n");
            body.append("data: [DONE]\n\n");
        }
        return body.toString();
    }

    /** The answer text split into pieces of one to three characters, so placeholders are cut at many offsets. */
    static List<String> smallPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int i = 0;
        int size = 1;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + size);
            pieces.add(text.substring(i, end));
            i = end;
            size = size % 3 + 1;
        }
        return pieces;
    }

    private String streamedContent(String body) throws Exception {
        StringBuilder content = new StringBuilder();
        for (String data : sseData(body)) {
            if (data.equals("[DONE]")) {
                continue;
            }
            for (JsonNode choice : parse(data).path("choices")) {
                content.append(choice.path("delta").path("content").asText(""));
            }
        }
        return content.toString();
    }

    @Test
    void restoresPlaceholdersSplitAcrossManySmallChunksAndAddsTheDisclaimerBeforeFinish() throws Exception {
        String answer = "Beste [EMAIL_1], uw BSN [BSN_1] is bekend. [EMAIL_1]";
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(sse(smallPieces(answer), true))
                .withChunkedDribbleDelay(40, 200)));

        var response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Schrijf aan a.devries@example.nl over 111222333"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = sseData(response.body());
        assertThat(events.getLast()).isEqualTo("[DONE]");
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        assertThat(streamedContent(response.body())).isEqualTo(
                "Beste a.devries@example.nl, uw BSN 111222333 is bekend. a.devries@example.nl"
                        + "\n\n---\nAI-tekst (upstream), trace " + trace);
        // the disclaimer comes before the chunk that carries finish_reason, and the usage chunk the tool did not ask for is dropped
        JsonNode finish = parse(events.get(events.size() - 2));
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(response.body()).doesNotContain("\"usage\"");
        // the gateway asks the upstream for usage so the audit has real token counts
        upstream.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true"))));
        var audit = auditRecord(trace);
        assertThat(audit.get("STREAMED")).isEqualTo(true);
        assertThat(audit.get("PROMPT_TOKENS")).isEqualTo(30);
        assertThat(audit.get("COMPLETION_TOKENS")).isEqualTo(12);
        assertThat(audit.get("PLACEHOLDERS_RESTORED")).isEqualTo(3);
    }

    @Test
    void personalDataAStreamedAnswerAddsIsRedactedAndCountedForTheAudit() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(sse(smallPieces("Bel [EMAIL_1] of mail naar j.bos@example.nl"), true))));

        var response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"messages":[{"role":"user","content":"Mail aan anna@example.nl"}]}
                """, TestPack.TOOL_KEY);

        // test-algemeen says pii.output: redact, so the address the model added never reaches the tool
        assertThat(streamedContent(response.body())).startsWith("Bel anna@example.nl of mail naar [EMAIL]");
        assertThat(response.body()).doesNotContain("j.bos");
        var audit = auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void keepsTheUsageChunkWhenTheToolAskedForIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(sse(List.of("Hallo", " daar"), true))));

        var response = postJson("/v1/chat/completions", """
                {"model":"upstream","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hoi"}]}
                """, TestPack.TOOL_KEY);

        List<String> events = sseData(response.body());
        assertThat(parse(events.get(events.size() - 2)).at("/usage/total_tokens").asInt()).isEqualTo(42);
    }

    @Test
    void dryRunStreamsToo() throws Exception {
        var response = postJson("/v1/chat/completions",
                "{\"model\":\"dry-run\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Mail x@y.nl\"}]}", TestPack.TOOL_KEY);

        assertThat(sseData(response.body()).getLast()).isEqualTo("[DONE]");
        assertThat(streamedContent(response.body())).contains("Mail [EMAIL_1]").contains("---\nAI-tekst (dry-run)");
    }
}
