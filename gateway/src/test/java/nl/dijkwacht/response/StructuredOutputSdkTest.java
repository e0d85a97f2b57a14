package nl.dijkwacht.response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import java.time.Duration;
import java.util.List;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.PythonSdk;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 4 with the official OpenAI SDKs: a JSON-schema answer and a tool call pass through the gateway and
 * parse, with the disclaimer and trace id in the extension field and header instead of in the JSON.
 */
class StructuredOutputSdkTest extends GatewayTestBase {

    /** The structured answer the SDK parses (public fields, as the SDK's schema generator expects). */
    public static class Besluit {
        public String onderwerp;
        public boolean akkoord;
        public List<String> punten;
    }

    private static final String JSON_ANSWER = """
            {"id":"c1","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
             "message":{"role":"assistant","content":"{\\"onderwerp\\":\\"Subsidie buurthuis\\",\\"akkoord\\":true,\\"punten\\":[\\"huur\\",\\"energie\\"]}"},
             "finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":12,"total_tokens":32}}
            """;

    private OpenAIClient client;

    @BeforeEach
    void sdk() {
        client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey(TestPack.TOOL_KEY)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void javaSdkParsesAJsonSchemaAnswer() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));

        StructuredChatCompletion<Besluit> completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("upstream").addUserMessage("Vat het besluit samen als JSON.").responseFormat(Besluit.class).build());

        Besluit besluit = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(besluit.onderwerp).isEqualTo("Subsidie buurthuis");
        assertThat(besluit.akkoord).isTrue();
        assertThat(besluit.punten).containsExactly("huur", "energie");
        JsonValue extension = completion.rawChatCompletion()._additionalProperties().get("dijkwacht");
        assertThat(extension.toString()).contains("AI-tekst (upstream)").contains("in_content=false");
    }

    @Test
    void personalDataInAJsonAnswerIsRedactedValueByValueAndTheJsonStillParses() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER.replace("energie", "mail buurman@example.org"))));

        StructuredChatCompletion<Besluit> completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("upstream").addUserMessage("Vat het besluit samen als JSON.").responseFormat(Besluit.class).build());

        Besluit besluit = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(besluit.punten).containsExactly("huur", "mail [EMAIL]");
    }

    @Test
    void javaSdkReadsAToolCallWithoutDisclaimerInIt() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"c2","object":"chat.completion","created":1,"model":"echo-7b","choices":[{"index":0,
                         "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                         "function":{"name":"zoek_dossier","arguments":"{\\"zaak\\":\\"Z-1\\"}"}}]},"finish_reason":"tool_calls"}]}
                        """)));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("upstream").addUserMessage("Zoek zaak Z-1.").build());

        var message = completion.choices().getFirst().message();
        assertThat(message.content()).isEmpty();
        assertThat(message.toolCalls().orElseThrow().getFirst().asFunction().function().arguments()).isEqualTo("{\"zaak\":\"Z-1\"}");
        assertThat(completion._additionalProperties().get("dijkwacht").toString()).contains("trace_id");
    }

    @Test
    void plainTextAnswersStillCarryTheDisclaimerInTheText() {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER.replace("{\\\"onderwerp", "Tekst {\\\"onderwerp"))));

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("upstream").addUserMessage("Vat samen.").build());

        assertThat(completion.choices().getFirst().message().content().orElseThrow()).contains("\n\n---\nAI-tekst (upstream)");
    }

    /**
     * The official Python SDK's {@code chat.completions.parse} with a Pydantic model, when a Python with the
     * {@code openai} package is there (DIJKWACHT_PYTHON, default python3). In CI it must be there (.ci/run installs it
     * from the machine's wheelhouse); elsewhere the test says loudly that it did not run.
     */
    @Test
    void pythonSdkParseWithAPydanticModel() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(JSON_ANSWER)));
        String out = PythonSdk.run("structured_output_check.py", List.of("openai", "pydantic"), "http://127.0.0.1:" + port + "/v1",
                TestPack.TOOL_KEY, "upstream", "test-algemeen");
        assertThat(out).contains("\"ok\": true").contains("Subsidie buurthuis").contains("\"in_content\": false");
    }
}
