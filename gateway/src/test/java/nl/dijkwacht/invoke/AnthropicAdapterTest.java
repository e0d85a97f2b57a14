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

    /** Anthropic's Messages API answer with a tool_use block (its API reference's shape). */
    private static final String TOOL_USE = """
            {"id":"msg_03","type":"message","role":"assistant","model":"claude-test",
             "content":[{"type":"text","text":"Ik zoek het adres op."},
                        {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"zoek_adres","input":{"email":"[EMAIL_1]"}}],
             "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":120,"output_tokens":40}}
            """;

    @Test
    void toolsGoToAnthropicAndToolCallsComeBackRestored() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(TOOL_USE)));

        var response = postJson("/v1/chat/completions", """
                {"model":"claude","max_completion_tokens":300,
                 "tools":[{"type":"function","function":{"name":"zoek_adres","description":"Zoek een adres bij een e-mailadres",
                   "parameters":{"type":"object","properties":{"email":{"type":"string","description":"het adres"}},"required":["email"]}}}],
                 "tool_choice":"required",
                 "messages":[{"role":"user","content":"Waar woont a.visser@example.nl?"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode message = parse(response.body()).at("/choices/0/message");
        assertThat(parse(response.body()).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(message.at("/tool_calls/0/id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(message.at("/tool_calls/0/function/name").asText()).isEqualTo("zoek_adres");
        assertThat(parse(message.at("/tool_calls/0/function/arguments").asText()).path("email").asText()).isEqualTo("a.visser@example.nl");
        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(matchingJsonPath("$.max_tokens", com.github.tomakehurst.wiremock.client.WireMock.equalTo("300")))
                .withRequestBody(matchingJsonPath("$.tools[0].name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("zoek_adres")))
                .withRequestBody(matchingJsonPath("$.tools[0].input_schema.properties.email.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("string")))
                .withRequestBody(matchingJsonPath("$.tool_choice.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("any")))
                .withRequestBody(containing("[EMAIL_1]")));
    }

    @Test
    void aConversationWithAToolResultBecomesToolUseAndToolResultBlocks() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));

        var response = postJson("/v1/chat/completions", """
                {"model":"claude",
                 "tools":[{"type":"function","function":{"name":"zoek_adres","parameters":{"type":"object","properties":{"email":{"type":"string"}}}}}],
                 "messages":[{"role":"user","content":"Waar woont hij?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_9","type":"function","function":{"name":"zoek_adres","arguments":"{\\"email\\":\\"x\\"}"}}]},
                  {"role":"tool","tool_call_id":"toolu_9","content":"Dorpsstraat"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("tool_use")))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("toolu_9")))
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("tool_result")))
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("toolu_9")))
                .withRequestBody(matchingJsonPath("$.max_tokens", com.github.tomakehurst.wiremock.client.WireMock.equalTo("4096"))));
    }

    @Test
    void anImageGoesAsAnAnthropicImageBlock() {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));
        var model = new nl.dijkwacht.catalog.ModelDefinition("claude", null, nl.dijkwacht.catalog.ProviderKind.ANTHROPIC,
                java.net.URI.create(upstream.baseUrl() + "/v1/anthropic/v1"), "claude-test", null, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), false, "claude.yaml");
        var body = json.createObjectNode().put("model", "claude");
        var parts = body.putArray("messages").addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "Wat staat hierop?");
        parts.addObject().put("type", "image_url").putObject("image_url").put("url", "data:image/png;base64,iVBORw0KGgo=");

        new AnthropicClient(json).reply(new ModelCall(model, body, "t-image"));

        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("image")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].source.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("base64")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].source.media_type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("image/png")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[1].source.data", com.github.tomakehurst.wiremock.client.WireMock.equalTo("iVBORw0KGgo="))));
    }

    @Test
    void maxTokensComesFromTheRequestElseFromTheModelEntry() {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));
        // models-config: max-output-tokens: 777
        var serving = new nl.dijkwacht.catalog.Serving(java.util.List.of(java.net.URI.create(upstream.baseUrl() + "/v1/anthropic/v1")),
                null, null, null, 777, null);
        var model = new nl.dijkwacht.catalog.ModelDefinition("claude", null, nl.dijkwacht.catalog.ProviderKind.ANTHROPIC,
                java.net.URI.create(upstream.baseUrl() + "/v1/anthropic/v1"), "claude-test", null, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), false, "claude.yaml", null, serving);
        var client = new AnthropicClient(json);

        var withoutLimit = json.createObjectNode().put("model", "claude");
        withoutLimit.putArray("messages").addObject().put("role", "user").put("content", "Zonder limiet");
        client.reply(new ModelCall(model, withoutLimit, "t-max-entry"));
        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(containing("Zonder limiet"))
                .withRequestBody(matchingJsonPath("$.max_tokens", com.github.tomakehurst.wiremock.client.WireMock.equalTo("777"))));

        var withLimit = json.createObjectNode().put("model", "claude").put("max_tokens", 55);
        withLimit.putArray("messages").addObject().put("role", "user").put("content", "Met limiet");
        client.reply(new ModelCall(model, withLimit, "t-max-request"));
        upstream.verify(postRequestedFor(urlEqualTo("/v1/anthropic/v1/messages"))
                .withRequestBody(containing("Met limiet"))
                .withRequestBody(matchingJsonPath("$.max_tokens", com.github.tomakehurst.wiremock.client.WireMock.equalTo("55"))));
    }

    @Test
    void whatAnthropicCannotDoIsRefusedClearlyInsteadOfDropped() throws Exception {
        var response = postJson("/v1/chat/completions", """
                {"model":"claude","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"hoi"}]}
                """, TestPack.TOOL_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("unsupported_parameter");
        assertThat(parse(response.body()).at("/error/message").asText()).as("in Dutch, not half English")
                .isEqualTo("Dit verzoek kan niet naar taalmodel 'claude': Dijkwacht ondersteunt de parameter 'response_format'"
                        + " niet voor Anthropic-modellen.");
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

    @Test
    void aRefusedMaxTokensIsNamedAsTheToolNamedItAndNotAtAllWhenTheCatalogueSetIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/anthropic/v1/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/wire/anthropic/error-max-tokens.json")))));

        var named = postJson("/v1/chat/completions", """
                {"model":"claude","max_completion_tokens":100000,"messages":[{"role":"user","content":"hoi"}]}
                """, TestPack.TOOL_KEY);
        var unnamed = postJson("/v1/chat/completions", "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hoi\"}]}",
                TestPack.TOOL_KEY);

        assertThat(named.statusCode()).isEqualTo(400);
        JsonNode error = parse(named.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("upstream_rejected_request");
        assertThat(error.path("param").asText()).isEqualTo("max_completion_tokens");
        assertThat(error.path("message").asText()).startsWith("Het taalmodel 'claude' wees het verzoek af als ongeldig (status 400).");
        assertThat(error.path("upstream_message").asText()).startsWith("max_tokens: 100000 > 64000, which is the maximum");
        // the tool sent no limit: the catalogue's max-output-tokens did, so no parameter of the tool is at fault
        assertThat(parse(unnamed.body()).at("/error/param").isNull()).isTrue();
    }

    @Test
    void messagesApiNamesAreNamedBackToTheChatRequestsNames() throws Exception {
        var request = json.readTree("""
                {"model":"claude","max_tokens":9,"stop":["EINDE"],"tools":[{"type":"function","function":{"name":"f"}}],
                 "messages":[{"role":"system","content":"x"},{"role":"user","content":"y"}]}""");

        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("stop_sequences: each stop sequence must contain non-whitespace")))
                .hasToString("stop");
        // the system message is taken out of the list, so Anthropic's message indexes are not the tool's
        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("messages.0.content: Input should be a valid list")))
                .hasToString("messages");
        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("system: text content blocks must be non-empty")))
                .hasToString("messages");
        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("tools.0.input_schema: JSON schema is invalid")))
                .hasToString("tools");
        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("max_tokens: 9 > 8")))
                .hasToString("max_tokens");
        assertThat(AnthropicClient.namedParam("prompt is too long: 215000 tokens > 200000 maximum")).isNull();
        assertThat(AnthropicClient.requestParam(request, AnthropicClient.namedParam("top_k: Input should be a valid integer"))).isNull();
    }
}
