package nl.dijkwacht.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/** An Anthropic model (Messages API, via LangChain4j) is served on the OpenAI surface, streaming included. */
class AnthropicAdapterTest extends GatewayTestBase {

    private static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
             "content":[{"type":"text","text":"Beste [EMAIL_1], dank voor uw bericht."}],
             "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":9}}
            """;

    private static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":21,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Beste [EMA"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"IL_1], dank"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    @Test
    void answersInOpenAiFormat() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));

        var response = postJson("/v1/chat/completions", """
                {"model":"claude","max_tokens":200,"messages":[{"role":"system","content":"Wees beleefd."},
                 {"role":"user","content":"Antwoord aan m.bakker@example.nl"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = parse(response.body());
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText()).startsWith("Beste m.bakker@example.nl, dank voor uw bericht.");
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(21);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("claude-test")))
                .withRequestBody(containing("[EMAIL_1]")));
    }

    @Test
    void streamsInOpenAiFormat() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(STREAM)));

        var response = postJson("/v1/chat/completions", """
                {"model":"claude","stream":true,"messages":[{"role":"user","content":"Antwoord aan m.bakker@example.nl"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder content = new StringBuilder();
        for (String data : sseData(response.body())) {
            if (!data.equals("[DONE]")) {
                content.append(parse(data).at("/choices/0/delta/content").asText(""));
            }
        }
        assertThat(content.toString()).startsWith("Beste m.bakker@example.nl, dank").contains("AI-tekst (claude)");
        assertThat(sseData(response.body()).getLast()).isEqualTo("[DONE]");
    }

    @Test
    void toolsAreRefusedClearlyInsteadOfDropped() throws Exception {
        var response = postJson("/v1/chat/completions", """
                {"model":"claude","tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                 "messages":[{"role":"user","content":"hoi"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("unsupported_parameter");
    }

    @Test
    void upstreamErrorIsMapped() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));

        var response = postJson("/v1/chat/completions", "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hoi\"}]}", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("upstream_error");
    }
}
