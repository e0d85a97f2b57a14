package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.PythonSdk;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dry-run model answers in the shape the real API would for what the request asks: {@code n} choices (whole and
 * streamed), embeddings of the asked {@code dimensions}, base64 when {@code encoding_format} says so — checked over HTTP
 * through the gateway, and read by the official OpenAI Java SDK, whose types are generated from OpenAI's API
 * specification.
 */
class DryRunShapesTest extends GatewayTestBase {

    private OpenAIClient sdk;

    @BeforeEach
    void sdk() {
        sdk = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey(TestPack.TOOL_KEY)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void nChoicesEachWithWhatTheModelWouldReceive() throws Exception {
        var response = postJson("/v1/chat/completions", """
                {"model":"dry-run","n":3,"messages":[{"role":"user","content":"Brief aan jan@example.nl"}]}""", TestPack.TOOL_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = parse(response.body());
        JsonNode choices = answer.path("choices");
        assertThat(choices).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(choices.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(choices.get(i).at("/message/role").asText()).isEqualTo("assistant");
            assertThat(choices.get(i).at("/message/content").asText()).contains("[dry-run]").contains("Brief aan [EMAIL_1]");
            assertThat(choices.get(i).path("finish_reason").asText()).isEqualTo("stop");
        }
        var one = parse(postJson("/v1/chat/completions", """
                {"model":"dry-run","messages":[{"role":"user","content":"Brief aan jan@example.nl"}]}""", TestPack.TOOL_KEY).body());
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(3 * one.at("/usage/completion_tokens").asInt());

        ChatCompletion typed = sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("dry-run").n(2L)
                .addUserMessage("Vat samen").build());
        assertThat(typed.choices()).hasSize(2);
        assertThat(typed.choices()).extracting(c -> c.index()).containsExactly(0L, 1L);
        typed.choices().forEach(c -> assertThat(c.message().content().orElseThrow()).contains("Vat samen"));
    }

    @Test
    void nChoicesStreamedEachByItsIndexWithItsOwnFinish() throws Exception {
        Map<Long, StringBuilder> texts = new TreeMap<>();
        Map<Long, String> finishes = new TreeMap<>();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("dry-run").n(2L).addUserMessage("Schrijf een korte brief").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                choice.delta().content().ifPresent(t -> texts.computeIfAbsent(choice.index(), k -> new StringBuilder()).append(t));
                choice.finishReason().ifPresent(f -> finishes.put(choice.index(), f.asString()));
            }));
        }

        assertThat(texts.keySet()).containsExactly(0L, 1L);
        assertThat(finishes).containsEntry(0L, "stop").containsEntry(1L, "stop");
        texts.values().forEach(t -> assertThat(t.toString()).contains("[dry-run]").contains("Schrijf een korte brief"));
    }

    @Test
    void embeddingsOfTheAskedDimensionsAsNumbersOrBase64() throws Exception {
        JsonNode floats = parse(postJson("/v1/embeddings", """
                {"model":"dry-run","input":["eerste tekst","tweede tekst"],"dimensions":64}""", TestPack.TOOL_KEY).body());
        JsonNode base64 = parse(postJson("/v1/embeddings", """
                {"model":"dry-run","input":["eerste tekst","tweede tekst"],"dimensions":64,"encoding_format":"base64"}""",
                TestPack.TOOL_KEY).body());
        JsonNode plain = parse(postJson("/v1/embeddings", """
                {"model":"dry-run","input":"eerste tekst"}""", TestPack.TOOL_KEY).body());

        assertThat(floats.path("object").asText()).isEqualTo("list");
        assertThat(floats.path("data")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode entry = floats.path("data").get(i);
            assertThat(entry.path("object").asText()).isEqualTo("embedding");
            assertThat(entry.path("index").asInt()).isEqualTo(i);
            List<Float> numbers = new ArrayList<>();
            entry.path("embedding").forEach(v -> numbers.add(v.floatValue()));
            assertThat(numbers).hasSize(64);
            assertThat(numbers.stream().mapToDouble(v -> v * v).sum()).as("unit length, as OpenAI's").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));

            // base64: the little-endian 32-bit floats of the same vector, as OpenAI encodes them
            JsonNode encoded = base64.path("data").get(i).path("embedding");
            assertThat(encoded.isTextual()).isTrue();
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.asText())).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.remaining()).isEqualTo(64 * 4);
            for (float expected : numbers) {
                assertThat(bytes.getFloat()).isEqualTo(expected);
            }
        }
        assertThat(floats.at("/data/0/embedding").toString()).isNotEqualTo(floats.at("/data/1/embedding").toString());
        assertThat(plain.at("/data/0/embedding")).hasSize(DryRunClient.DIMENSIONS);
        assertThat(plain.at("/usage/prompt_tokens").asInt()).isPositive();

        CreateEmbeddingResponse typed = sdk.embeddings().create(EmbeddingCreateParams.builder().model("dry-run")
                .input("eerste tekst").dimensions(16L).build());
        assertThat(typed.data()).hasSize(1);
        assertThat(typed.data().getFirst().embedding()).hasSize(16);
    }

    @Test
    void moreDimensionsThanAnyEmbeddingModelHasAreRefusedInDutchInsteadOfAllocated() throws Exception {
        var response = postJson("/v1/embeddings", """
                {"model":"dry-run","input":"tekst","dimensions":65536}""", TestPack.TOOL_KEY);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unsupported_parameter");
        assertThat(error.path("message").asText()).isEqualTo("Dit verzoek kan niet naar taalmodel 'dry-run': 'dimensions' mag"
                + " hoogstens " + DryRunClient.MAX_DIMENSIONS + " zijn (zoveel als het grootste embeddingmodel van OpenAI).");
        assertThat(parse(postJson("/v1/embeddings", """
                {"model":"dry-run","input":"tekst","dimensions":3072}""", TestPack.TOOL_KEY).body()).at("/data/0/embedding"))
                .as("the largest size is still answered").hasSize(DryRunClient.MAX_DIMENSIONS);
    }

    /**
     * The official Python SDK reads them too: it asks for base64 embeddings by default and decodes them itself. Runs when
     * a Python with the {@code openai} package is there (DIJKWACHT_PYTHON, default python3); in CI it must be (.ci/run
     * installs it), elsewhere the test says loudly that it did not run.
     */
    @Test
    void thePythonSdkReadsNChoicesAndDecodesBase64EmbeddingsOfTheAskedDimensions() throws Exception {
        String out = PythonSdk.run("dry_run_shapes_check.py", List.of("openai"), "http://127.0.0.1:" + port + "/v1",
                TestPack.TOOL_KEY);
        assertThat(out).contains("\"choices\": [0, 1]").contains("\"dimensions\": [24, 24]").contains("\"base64_equals_float\": true");
    }
}
