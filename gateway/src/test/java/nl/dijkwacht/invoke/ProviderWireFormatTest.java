package nl.dijkwacht.invoke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each OpenAI-format provider against recordings of its own wire format (src/test/resources/wire/*): the catalogue
 * entry as an administrator writes it is loaded by the real loader, and the client must send what that provider
 * expects (URL, authentication, parameter names) and read what it answers.
 */
class ProviderWireFormatTest {

    static final WireMockServer upstream = new WireMockServer(options().dynamicPort());
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    PolicySet policy;
    IdleWatchdog watchdog;
    OpenAiCompatibleClient client;

    @BeforeAll
    static void start() {
        upstream.start();
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @BeforeEach
    void catalogue() {
        upstream.resetAll();
        String base = upstream.baseUrl();
        TestPack pack = TestPack.copyOfDefault(dir);
        pack.write("models-config/azure-eu.yaml", """
                id: azure-eu
                provider: azure-openai
                base-url: %s/openai
                upstream-model: gpt-4o-mini-2024-07-18
                api-key-env: DIJKWACHT_TEST_AZURE_KEY
                azure:
                  deployment: gpt-4o-mini-prod
                  api-version: 2024-10-21
                """.formatted(base) + GOVERNANCE);
        pack.write("models-config/azure-entra.yaml", """
                id: azure-entra
                provider: azure-openai
                base-url: %s/openai
                azure:
                  deployment: gpt-4o-mini-prod
                  api-version: 2024-10-21
                  auth: entra-id
                  tenant-id: 00000000-0000-0000-0000-000000000001
                  client-id: 11111111-2222-3333-4444-555555555555
                  client-secret-env: DIJKWACHT_TEST_ENTRA_SECRET
                  token-url: %s/entra/oauth2/v2.0/token
                """.formatted(base, base) + GOVERNANCE);
        pack.write("models-config/mistral-eu.yaml", """
                id: mistral-eu
                provider: mistral
                base-url: %s/mistral/v1
                upstream-model: mistral-large-latest
                api-key-env: DIJKWACHT_TEST_MISTRAL_KEY
                """.formatted(base) + GOVERNANCE);
        pack.write("models-config/vllm-lora.yaml", """
                id: vllm-lora
                provider: openai-compatible
                base-url: %s/vllm/v1
                base-model: Qwen/Qwen2.5-1.5B-Instruct
                adapter: gemeente-brieven
                api-key-env: DIJKWACHT_TEST_VLLM_KEY
                tasks: [brief-opstellen]
                training-data: {description: brieven, personal-data: false}
                evaluations: [{task: brief-opstellen, metric: oordeel, value: 0.8, date: 2026-05-01, evaluation-set: EVAL-1}]
                """.formatted(base) + GOVERNANCE);
        pack.write("models-config/openai-direct.yaml", """
                id: openai-direct
                provider: openai-compatible
                base-url: %s/openai-direct/v1
                upstream-model: o3-mini
                api-key-env: DIJKWACHT_TEST_VLLM_KEY
                """.formatted(base) + GOVERNANCE);
        pack.write("models-config/ollama-local.yaml", """
                id: ollama-local
                provider: openai-compatible
                base-url: %s/ollama/v1
                upstream-model: gemeente-brieven
                """.formatted(base) + GOVERNANCE);
        policy = pack.load();
        watchdog = new IdleWatchdog();
        client = new OpenAiCompatibleClient(JSON, watchdog, new EntraTokens(Clock.systemUTC(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void close() {
        client.close();
        watchdog.close();
    }

    private static final String GOVERNANCE = """
            status: approved
            hosting: eu-cloud
            processor-agreement: VWO-TEST
            no-training: true
            owner: Test
            next-evaluation: 2099-12-31
            data-classes: []
            """;

    @Test
    void azureOpenAiGoesToTheDeploymentWithTheApiVersionAndTheApiKeyHeader() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(json(wire("azure/chat-completion.json"))));

        ObjectNode reply = client.reply(call("azure-eu", false));

        assertThat(reply.at("/choices/0/message/content").asText()).isEqualTo("Geachte [PERSON_1], uw aanvraag is ontvangen.");
        assertThat(reply.at("/usage/total_tokens").asInt()).isEqualTo(43);
        upstream.verify(postRequestedFor(urlEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions?api-version=2024-10-21"))
                .withHeader("api-key", equalTo("test-azure-key"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", absent())));
    }

    @Test
    void azureOpenAiStreamsPastItsPromptFilterChunk() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(wire("azure/chat-stream.sse"))));
        List<ObjectNode> chunks = new ArrayList<>();

        client.stream(call("azure-eu", true), collect(chunks));

        String text = chunks.stream().map(c -> c.at("/choices/0/delta/content").asText("")).reduce("", String::concat);
        assertThat(text).isEqualTo("Geachte [PERSON_1],");
        assertThat(chunks.getLast().at("/usage/total_tokens").asInt()).isEqualTo(36);
    }

    @Test
    void azureOpenAiRateLimitCarriesItsRetryAfter() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(json(wire("azure/rate-limited.json")).withStatus(429)
                        .withHeader("retry-after", "2").withHeader("retry-after-ms", "1500")));

        assertThatThrownBy(() -> client.reply(call("azure-eu", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500));
            assertThat(e.upstreamMessage()).contains("exceeded token rate limit");
        });
    }

    @Test
    void azureOpenAiWithEntraIdGetsATokenOnceAndSendsItAsBearer() throws Exception {
        upstream.stubFor(post(urlEqualTo("/entra/oauth2/v2.0/token")).willReturn(json(wire("azure/entra-token.json"))));
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(json(wire("azure/chat-completion.json"))));

        client.reply(call("azure-entra", false));
        client.reply(call("azure-entra", false));

        upstream.verify(1, postRequestedFor(urlEqualTo("/entra/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=11111111-2222-3333-4444-555555555555"))
                .withRequestBody(containing("client_secret=test-entra-secret"))
                .withRequestBody(containing("scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default")));
        upstream.verify(2, postRequestedFor(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.dGVzdA.c2lnbmF0dXJl"))
                .withHeader("api-key", absent()));
    }

    @Test
    void aRefusedEntraTokenIsAnAuthenticationFailureOfTheUpstream() throws Exception {
        upstream.stubFor(post(urlEqualTo("/entra/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));

        assertThatThrownBy(() -> client.reply(call("azure-entra", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.upstreamMessage()).doesNotContain("AADSTS");
        });
        upstream.verify(0, postRequestedFor(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions")));
    }

    @Test
    void mistralGetsItsOwnParameterNamesAndNothingItRefuses() throws Exception {
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions")).willReturn(json(wire("mistral/chat-completion.json"))));
        ObjectNode body = body();
        body.put("seed", 42).put("max_completion_tokens", 300).put("user", "p-123");
        body.putObject("metadata").put("dw_task", "x");

        ObjectNode reply = client.reply(new ModelCall(model("mistral-eu"), body, "t-mistral"));

        assertThat(reply.at("/choices/0/message/content").asText()).isEqualTo("Beste [PERSON_1], bedankt voor uw vraag.");
        upstream.verify(postRequestedFor(urlEqualTo("/mistral/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-mistral-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("mistral-large-latest")))
                .withRequestBody(matchingJsonPath("$.random_seed", equalTo("42")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.seed", absent()))
                .withRequestBody(matchingJsonPath("$.user", absent()))
                .withRequestBody(matchingJsonPath("$.metadata", absent())));
    }

    @Test
    void mistralStreamsWithUsageInItsLastChunkAndNoStreamOptions() throws Exception {
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(wire("mistral/chat-stream.sse"))));
        List<ObjectNode> chunks = new ArrayList<>();

        client.stream(call("mistral-eu", true), collect(chunks));

        assertThat(chunks.getLast().at("/usage/total_tokens").asInt()).isEqualTo(22);
        assertThat(chunks.getLast().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        upstream.verify(postRequestedFor(urlEqualTo("/mistral/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.stream_options", absent())));
    }

    @Test
    void theRequestTreeIsNeverChangedByWhatADialectSends() throws Exception {
        // the client sends a copy of the top level only (renamed, removed, stream flags): the request's own tree is
        // sent again unchanged on a fallback and read by the audit, and its messages are not copied per call
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions")).willReturn(json(wire("mistral/chat-completion.json"))));
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(json(wire("azure/chat-completion.json"))));
        ObjectNode body = body();
        body.put("seed", 42).put("max_completion_tokens", 300).put("user", "p-123");
        body.putObject("metadata").put("dw_task", "x");
        ObjectNode before = body.deepCopy();

        client.reply(new ModelCall(model("mistral-eu"), body, "t-tree-1"));
        client.reply(new ModelCall(model("azure-eu"), body, "t-tree-2"));
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(wire("mistral/chat-stream.sse"))));
        client.stream(new ModelCall(model("mistral-eu"), body, "t-tree-3"), collect(new ArrayList<>()));

        assertThat(body).isEqualTo(before);
        upstream.verify(postRequestedFor(urlEqualTo("/mistral/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.random_seed", equalTo("42")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("Schrijf een brief aan [PERSON_1]"))));
        upstream.verify(postRequestedFor(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", absent())));
    }

    @Test
    void vllmAddressesTheLoraAdapterByNameAndItsErrorMessageIsKept() throws Exception {
        upstream.stubFor(post(urlEqualTo("/vllm/v1/chat/completions")).inScenario("lora").whenScenarioStateIs("Started")
                .willReturn(json(wire("vllm/chat-completion.json"))).willSetStateTo("unloaded"));
        upstream.stubFor(post(urlEqualTo("/vllm/v1/chat/completions")).inScenario("lora").whenScenarioStateIs("unloaded")
                .willReturn(json(wire("vllm/error-unknown-adapter.json")).withStatus(404)));

        ObjectNode reply = client.reply(call("vllm-lora", false));

        assertThat(reply.path("model").asText()).isEqualTo("gemeente-brieven");
        assertThat(reply.at("/choices/0/message/content").asText()).startsWith("Geachte [PERSON_1]");
        upstream.verify(postRequestedFor(urlEqualTo("/vllm/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-vllm-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gemeente-brieven"))));
        assertThatThrownBy(() -> client.reply(call("vllm-lora", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.upstreamMessage()).isEqualTo("The model `gemeente-brieven` does not exist.");
        });
    }

    // ------------------------------------------------------------------ the parameter a 4xx names (error.param)

    @Test
    void openAiNamesTheParameterItRefusesAndItIsKeptAsTheToolSentIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/openai-direct/v1/chat/completions"))
                .willReturn(json(wire("openai/error-unsupported-parameter.json")).withStatus(400)));
        ObjectNode body = body().put("max_tokens", 300);

        assertThatThrownBy(() -> client.reply(new ModelCall(model("openai-direct"), body, "t-openai")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).hasToString("max_tokens");
                    assertThat(e.upstreamMessage()).startsWith("Unsupported parameter: 'max_tokens'");
                });
    }

    @Test
    void openAisPathIntoTheMessagesIsKeptWholeAlsoWhenTheAnswerIsRefusedBeforeAStream() throws Exception {
        upstream.stubFor(post(urlEqualTo("/openai-direct/v1/chat/completions"))
                .willReturn(json(wire("openai/error-invalid-type.json")).withStatus(400)));

        assertThatThrownBy(() -> client.stream(call("openai-direct", true), collect(new ArrayList<>())))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.param()).hasToString("messages[0].content"));
    }

    @Test
    void azuresContentFilterNamesThePromptWhichInAChatRequestIsTheMessages() throws Exception {
        upstream.stubFor(post(urlPathEqualTo("/openai/deployments/gpt-4o-mini-prod/chat/completions"))
                .willReturn(json(wire("azure/error-content-filter.json")).withStatus(400)));

        assertThatThrownBy(() -> client.reply(call("azure-eu", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.param()).hasToString("messages");
            assertThat(e.upstreamMessage()).startsWith("The response was filtered due to the prompt");
        });
    }

    @Test
    void mistralsValidationErrorNamesItsRandomSeedWhichIsTheToolsSeed() throws Exception {
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions"))
                .willReturn(json(wire("mistral/error-random-seed.json")).withStatus(422)));
        ObjectNode body = body().put("seed", -1);

        assertThatThrownBy(() -> client.reply(new ModelCall(model("mistral-eu"), body, "t-mistral")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.param()).hasToString("seed");
                    // the validation entry's message, never its "input" (the value the tool sent)
                    assertThat(e.upstreamMessage()).isEqualTo("Input should be greater than or equal to 0");
                });
    }

    @Test
    void mistralsMaxTokensIsNamedAsTheToolNamedIt() throws Exception {
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions"))
                .willReturn(json(wire("mistral/error-max-tokens.json")).withStatus(422)));

        assertThatThrownBy(() -> client.reply(new ModelCall(model("mistral-eu"), body().put("max_completion_tokens", 5), "t-1")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.param()).hasToString("max_completion_tokens"));
        assertThatThrownBy(() -> client.reply(new ModelCall(model("mistral-eu"), body().put("max_tokens", 5), "t-2")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.param()).hasToString("max_tokens"));
    }

    @Test
    void mistralNamingAFieldTheToolDidNotSendNamesNoParameter() throws Exception {
        // the dialect itself leaves "user" out for Mistral; were it sent anyway, the tool did not send it by that name here
        upstream.stubFor(post(urlEqualTo("/mistral/v1/chat/completions"))
                .willReturn(json(wire("mistral/error-unprocessable.json")).withStatus(422)));

        assertThatThrownBy(() -> client.reply(call("mistral-eu", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.param()).isNull();
            assertThat(e.upstreamMessage()).isEqualTo("Extra inputs are not permitted");
        });
    }

    @Test
    void vllmAndOllamaNameNoParameterAndNoneIsGuessedFromTheirMessage() throws Exception {
        upstream.stubFor(post(urlEqualTo("/vllm/v1/chat/completions"))
                .willReturn(json(wire("vllm/error-context-length.json")).withStatus(400)));
        upstream.stubFor(post(urlEqualTo("/ollama/v1/chat/completions"))
                .willReturn(json(wire("ollama/error-model-not-found.json")).withStatus(404)));

        assertThatThrownBy(() -> client.reply(new ModelCall(model("vllm-lora"), body().put("max_tokens", 8000), "t-vllm")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.param()).isNull();
                    assertThat(e.upstreamMessage()).startsWith("'max_tokens' or 'max_completion_tokens' is too large: 8000.");
                });
        assertThatThrownBy(() -> client.reply(call("ollama-local", false))).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.param()).isNull();
            assertThat(e.upstreamMessage()).startsWith("model \"gemeente-brieven\" not found");
        });
    }

    // ------------------------------------------------------------------ helpers

    private ModelDefinition model(String id) {
        return policy.catalog().find(id).orElseThrow();
    }

    private ModelCall call(String modelId, boolean stream) {
        ObjectNode body = body();
        if (stream) {
            body.put("stream", true);
        }
        return new ModelCall(model(modelId), body, "t-" + modelId);
    }

    private static ObjectNode body() {
        ObjectNode body = JSON.createObjectNode().put("model", "auto");
        body.putArray("messages").addObject().put("role", "user").put("content", "Schrijf een brief aan [PERSON_1]");
        return body;
    }

    private static ChunkSink collect(List<ObjectNode> chunks) {
        return new ChunkSink() {
            @Override
            public void open() {
            }

            @Override
            public void chunk(ObjectNode chunk) {
                chunks.add(chunk);
            }

            @Override
            public void complete() {
            }
        };
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String wire(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/wire", name));
    }
}
