package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every string field of the official OpenAI request schema (as extracted into openai-requests.schema.json by
 * {@link OpenAiSchemaExtractor}) is governed by the gateway's field table: scanned, replaced, or deliberately passed —
 * and "passed" only for closed enumerations or the few open strings named below. When OpenAI adds a field and the
 * schema is extracted again, this test names it until the table says what to do with it.
 */
class RequestSchemaCoverageTest {

    /**
     * Open strings passed on purpose: the model id, replaced by the catalogue's. (The voice and moderation model, ids of
     * OpenAI-side settings, were passed too until parse28; any string reaches the model, so they are identifiers now.)
     */
    private static final Set<String> PASSED_OPEN_STRINGS = Set.of("model");

    private static JsonNode defs;

    static JsonNode defs() throws Exception {
        if (defs == null) {
            try (InputStream in = RequestSchemaCoverageTest.class.getResourceAsStream(RequestSchema.RESOURCE)) {
                defs = new ObjectMapper().readTree(in).path("$defs");
            }
        }
        return defs;
    }

    /** String leaves (path → closed enumeration?) and open subtrees (objects that allow any property). */
    record Fields(Map<String, Boolean> strings, Set<String> openObjects) {
    }

    static Fields fields(String definition) throws Exception {
        Fields out = new Fields(new TreeMap<>(), new java.util.TreeSet<>());
        walk(defs().path(definition), "", out, new HashSet<>());
        return out;
    }

    private static void walk(JsonNode schema, String path, Fields out, Set<String> refsOnPath) throws Exception {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/$defs/".length());
            if (refsOnPath.contains(name)) {
                return;
            }
            Set<String> next = new HashSet<>(refsOnPath);
            next.add(name);
            walk(defs().path(name), path, out, next);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                walk(alternative, path, out, refsOnPath);
            }
        }
        JsonNode type = schema.path("type");
        boolean isString = type.asText().equals("string") || (type.isArray() && type.toString().contains("\"string\""));
        if (isString) {
            out.strings.merge(path, schema.has("enum"), Boolean::logicalAnd);
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            try {
                walk(p.getValue(), path.isEmpty() ? p.getKey() : path + "." + p.getKey(), out, refsOnPath);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (schema.has("items")) {
            walk(schema.path("items"), path + "[]", out, refsOnPath);
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
            walk(additional, path + ".*", out, refsOnPath);
        } else if (additional.asBoolean(false) && !schema.has("properties")) {
            out.openObjects.add(path);
        }
    }

    private static List<String> ungoverned(String definition, RequestFields table) throws Exception {
        Fields fields = fields(definition);
        List<String> problems = new ArrayList<>();
        fields.strings().forEach((path, closedEnum) -> {
            var kind = table.kindOf(path);
            if (kind.isEmpty()) {
                problems.add(path + ": not in the field table");
            } else if (kind.get() == FieldKind.PASS && !closedEnum && !PASSED_OPEN_STRINGS.contains(path)) {
                problems.add(path + ": free text passed unscanned");
            }
        });
        for (String open : fields.openObjects()) {
            var kind = table.kindOf(open);
            if (kind.isEmpty() || (kind.get() != FieldKind.SCHEMA && kind.get() != FieldKind.METADATA)) {
                // an object that allows any field must be walked as a whole (schema or metadata), or its fields listed
                if (table.kindOf(open + ".type").isEmpty()) {
                    problems.add(open + ": open object without a rule");
                }
            }
        }
        return problems;
    }

    @Test
    void everyStringFieldOfTheChatCompletionsRequestIsGoverned() throws Exception {
        Fields fields = fields("CreateChatCompletionRequest");
        assertThat(fields.strings()).as("the extracted schema").hasSizeGreaterThan(60)
                .containsKeys("messages[].content", "messages[].name", "tools[].function.description", "user", "stop",
                        "metadata.*", "safety_identifier", "prompt_cache_key", "prediction.content");
        assertThat(ungoverned("CreateChatCompletionRequest", RequestFields.CHAT_COMPLETIONS)).isEmpty();
    }

    @Test
    void everyStringFieldOfTheEmbeddingsRequestIsGoverned() throws Exception {
        assertThat(fields("CreateEmbeddingRequest").strings()).containsKeys("input", "input[]", "user");
        assertThat(ungoverned("CreateEmbeddingRequest", RequestFields.EMBEDDINGS)).isEmpty();
    }

    /**
     * The Responses API table governs a subset on purpose (the rest is refused): every string field it names must
     * exist in the official schema, and none of them is free text passed unscanned.
     */
    @Test
    void theResponsesTableNamesRealFieldsAndPassesNoFreeText() throws Exception {
        Fields fields = fields("CreateResponse");
        List<String> problems = new ArrayList<>();
        fields.strings().forEach((path, closedEnum) -> {
            var kind = RequestFields.RESPONSES.kindOf(path);
            if (kind.isPresent() && kind.get() == FieldKind.PASS && !closedEnum && !PASSED_OPEN_STRINGS.contains(path)
                    && !path.equals("input[].phase") && !path.equals("input[].status")) {
                problems.add(path + ": free text passed unscanned");
            }
        });
        assertThat(problems).isEmpty();
        for (String path : List.of("instructions", "input", "input[].content[].text", "input[].arguments", "input[].output",
                "tools[].description", "text.format.description", "user", "safety_identifier", "prompt_cache_key")) {
            assertThat(fields.strings()).as(path).containsKey(path);
            assertThat(RequestFields.RESPONSES.kindOf(path)).as(path).isPresent();
        }
        assertThat(RequestFields.RESPONSES.kindOf("previous_response_id")).isEmpty();
        assertThat(RequestFields.RESPONSES.kindOf("conversation")).isEmpty();
        assertThat(RequestFields.RESPONSES.kindOf("input[].encrypted_content")).isEmpty();
    }

    @Test
    void theSensitiveFieldsAreGovernedAsTheIssueAsks() {
        RequestFields chat = RequestFields.CHAT_COMPLETIONS;
        assertThat(chat.kindOf("user")).contains(FieldKind.PSEUDONYM);
        assertThat(chat.kindOf("safety_identifier")).contains(FieldKind.PSEUDONYM);
        assertThat(chat.kindOf("prompt_cache_key")).contains(FieldKind.KEYED_HASH);
        assertThat(chat.kindOf("metadata.zaak")).contains(FieldKind.METADATA);
        assertThat(chat.kindOf("messages[].name")).contains(FieldKind.PARTICIPANT);
        assertThat(chat.kindOf("messages[].tool_call_id")).contains(FieldKind.IDENTIFIER);
        assertThat(chat.kindOf("tools[].function.parameters.properties.x.description")).contains(FieldKind.SCHEMA);
        assertThat(chat.kindOf("messages[].content[].image_url.url")).contains(FieldKind.ATTACHMENT);
        assertThat(chat.kindOf("messages[].content[].file.file_data")).contains(FieldKind.ATTACHMENT);
        assertThat(chat.kindOf("notitie")).isEmpty();
        assertThat(RequestFields.EMBEDDINGS.kindOf("user")).contains(FieldKind.PSEUDONYM);
    }
}
