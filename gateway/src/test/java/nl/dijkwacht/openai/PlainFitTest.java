package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The yes without the validator ({@link PlainFit}) against the validator itself ({@link RequestSchema#checkInFull}):
 * never a yes for a request the validator refuses, on messages of every role (known, unknown, missing, of the wrong
 * type) with content and names of every JSON type and extra fields, and on every top-level field with values of every
 * type and at the edges of its bounds; for the plain shapes — messages whose fields are text, top-level fields with a
 * scalar — exactly the validator's answer. The refusal a tool gets (field and Dutch text) is the validator's in every
 * case.
 */
class PlainFitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestSchema schema;

    @BeforeAll
    static void load() {
        schema = new RequestSchema(JSON);
    }

    private static final String[] ROLES = {"\"developer\"", "\"system\"", "\"user\"", "\"assistant\"", "\"tool\"",
        "\"function\"", "\"baas\"", "\"USER\"", "\"\"", "null", "1", "true", "[\"user\"]", null};
    private static final String[] CONTENTS = {"\"Hallo, hoe vraag ik een paspoort aan?\"", "\"\"", "\"\\u0000 \\ud83d\\ude00\"",
        "null", "1", "1.5", "true", "[]", "{}", "[\"x\"]", "[{\"type\":\"text\",\"text\":\"x\"}]", "[{\"type\":\"text\"}]",
        "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.org/a.png\"}}]", null};
    private static final String[] NAMES = {null, "\"medewerker\"", "\"\"", "1", "null", "{}"};
    private static final String[] EXTRAS = {null, "\"x-onbekend\":\"a\"", "\"tool_call_id\":\"call_1\"", "\"refusal\":null",
        "\"refusal\":\"Nee.\"", "\"tool_calls\":[]", "\"audio\":{\"id\":\"a\"}", "\"type\":\"message\"", "\"tool_call_id\":1"};

    @Test
    void messagesOfEveryShapeGetTheValidatorsAnswer() throws Exception {
        int plainShapes = 0;
        int sure = 0;
        int refused = 0;
        for (String role : ROLES) {
            for (String content : CONTENTS) {
                for (String name : NAMES) {
                    for (String extra : EXTRAS) {
                        List<String> fields = new ArrayList<>();
                        if (role != null) {
                            fields.add("\"role\":" + role);
                        }
                        if (content != null) {
                            fields.add("\"content\":" + content);
                        }
                        if (name != null) {
                            fields.add("\"name\":" + name);
                        }
                        if (extra != null) {
                            fields.add(extra);
                        }
                        String message = "{" + String.join(",", fields) + "}";
                        JsonNode body = JSON.readTree("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_tokens\":256,"
                                + "\"messages\":[{\"role\":\"system\",\"content\":\"Je bent een assistent.\"}," + message + "]}");
                        boolean fits = sameRefusal(body);
                        sure += fits ? 1 : 0;
                        refused += schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body).isPresent() ? 1 : 0;
                        if (allText((ObjectNode) JSON.readTree(message))) {
                            plainShapes++;
                            assertThat(fits).as(message)
                                    .isEqualTo(schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body).isEmpty());
                        }
                    }
                }
            }
        }
        assertThat(plainShapes).isGreaterThan(500);
        assertThat(sure).isGreaterThan(500);
        assertThat(refused).isGreaterThan(5_000);
    }

    private static final String[] FIELDS = {"model", "temperature", "top_p", "max_tokens", "max_completion_tokens", "n",
        "stream", "seed", "presence_penalty", "frequency_penalty", "user", "store", "logprobs", "top_logprobs",
        "parallel_tool_calls", "service_tier", "reasoning_effort", "safety_identifier", "prompt_cache_key", "verbosity",
        "stop", "metadata", "logit_bias", "response_format", "stream_options", "tools", "tool_choice", "modalities",
        "x-onbekend"};
    private static final String[] VALUES = {"0", "1", "2", "-1", "-2", "3", "20", "21", "128", "129", "0.2", "2.0",
        "2.0000001", "1.9999999999999999", "-0.0", "1e300", "-1e300", "1E2", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999999", "\"gpt-4o\"", "\"\"", "\"auto\"", "\"low\"", "\"default\"",
        "\"" + "a".repeat(64) + "\"", "\"" + "a".repeat(65) + "\"", "\"" + "\\ud83d\\ude00".repeat(64) + "\"", "true",
        "false", "null", "[]", "{}", "[\"x\"]", "[1]", "{\"a\":\"b\"}", "{\"a\":1}", "{\"type\":\"text\"}",
        "{\"type\":\"json_object\"}", "{\"include_usage\":true}", "[{\"type\":\"function\",\"function\":{\"name\":\"zoek\"}}]"};

    @Test
    void everyTopLevelFieldWithValuesOfEveryTypeGetsTheValidatorsAnswer() throws Exception {
        int sure = 0;
        for (String field : FIELDS) {
            for (String value : VALUES) {
                ObjectNode body = (ObjectNode) JSON.readTree("{\"model\":\"gpt-4o-mini\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}");
                body.set(field, JSON.readTree(value));
                boolean fits = sameRefusal(body);
                sure += fits ? 1 : 0;
                JsonNode parsed = body.get(field);
                if (parsed.isValueNode()) {
                    assertThat(fits).as(body.toString())
                            .isEqualTo(schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body).isEmpty());
                }
            }
        }
        assertThat(sure).isGreaterThan(150);
    }

    @Test
    void theHarnessAndTheConversationBodiesFitWithoutTheValidator() throws Exception {
        JsonNode conversation = JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/bench/body-conversation.json")));
        assertThat(sameRefusal(conversation)).isTrue();
        sameRefusal(JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/bench/body-tools.json"))));
        JsonNode harness = JSON.readTree("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_tokens\":256,\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Je bent een behulpzame assistent.\"},"
                + "{\"role\":\"user\",\"content\":\"Goedemiddag, mijn naam is Jan Jansen.\"}]}");
        assertThat(schema.plain(RequestSchema.Operation.CHAT_COMPLETIONS).fits(harness)).isTrue();
    }

    @Test
    void theOtherOperationsNeverGetAYesTheValidatorRefuses() throws Exception {
        String[] bodies = {
            "{\"model\":\"text-embedding-3-small\",\"input\":\"Hallo\"}",
            "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\",\"dimensions\":256}",
            "{\"model\":\"text-embedding-3-small\",\"input\":[]}",
            "{\"model\":\"text-embedding-3-small\",\"input\":[1,2]}",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":0}",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"dimensions\":1.0}",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"encoding_format\":\"hex\"}",
            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"extra\":1}",
            "{\"input\":\"x\"}",
        };
        for (String text : bodies) {
            JsonNode body = JSON.readTree(text);
            Optional<RequestSchema.Problem> full = schema.checkInFull(RequestSchema.Operation.EMBEDDINGS, body);
            assertThat(schema.checkEmbeddings(body)).as(text).isEqualTo(full);
            if (full.isPresent()) {
                assertThat(schema.plain(RequestSchema.Operation.EMBEDDINGS).fits(body)).as(text).isFalse();
            }
        }
        assertThat(schema.plain(RequestSchema.Operation.EMBEDDINGS).fits(JSON.readTree(bodies[1]))).isTrue();
        for (String input : List.of("\"Hallo\"", "[{\"role\":\"user\",\"content\":\"Hallo\"}]",
                "[{\"role\":\"baas\",\"content\":\"Hallo\"}]", "[{\"role\":\"user\",\"content\":1}]", "[]", "1",
                "[{\"type\":\"message\",\"role\":\"user\",\"content\":\"Hallo\"}]", "[{\"type\":\"onbekend\"}]")) {
            JsonNode body = JSON.readTree("{\"model\":\"gpt-4o-mini\",\"input\":" + input + "}");
            Optional<RequestSchema.Problem> full = schema.checkInFull(RequestSchema.Operation.RESPONSES, body);
            assertThat(schema.check(RequestSchema.Operation.RESPONSES, body)).as(input).isEqualTo(full);
            if (full.isPresent()) {
                assertThat(schema.plain(RequestSchema.Operation.RESPONSES).fits(body)).as(input).isFalse();
            }
        }
        assertThat(schema.plain(RequestSchema.Operation.RESPONSES)
                .fits(JSON.readTree("{\"model\":\"gpt-4o-mini\",\"input\":[{\"role\":\"user\",\"content\":\"Hallo\"}]}"))).isTrue();
    }

    /**
     * The refusal through the quick paths is the validator's (or none for both); a yes without the validator only for a
     * request the validator takes. Returns that yes.
     */
    private static boolean sameRefusal(JsonNode body) {
        Optional<RequestSchema.Problem> full = schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body);
        assertThat(schema.checkChat(body)).as(body.toString()).isEqualTo(full);
        boolean fits = schema.plain(RequestSchema.Operation.CHAT_COMPLETIONS).fits(body);
        if (fits) {
            assertThat(full).as(body.toString()).isEmpty();
        }
        return fits;
    }

    private static boolean allText(ObjectNode message) {
        for (JsonNode value : message) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
