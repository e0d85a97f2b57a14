package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request schema checked by role ({@link ItemsByKind#chatMessages}) answers every request exactly as the full schema
 * does — the same refusal, field and Dutch text, or none — on valid messages of every kind and on thousands of broken
 * ones: each field of each kind removed, given a value of every JSON type, the role swapped for another kind's or an
 * unknown one, content parts broken the same way, alone and between valid messages.
 */
class ChatMessagesByRoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestSchema schema;

    @BeforeAll
    static void load() {
        schema = new RequestSchema(JSON);
    }

    private static final String[] VALID_MESSAGES = {
        "{\"role\":\"developer\",\"content\":\"Antwoord kort.\"}",
        "{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"Antwoord kort.\"}],\"name\":\"beheer\"}",
        "{\"role\":\"system\",\"content\":\"Je bent een assistent.\"}",
        "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Je bent een assistent.\"}]}",
        "{\"role\":\"user\",\"content\":\"Hallo, hoe vraag ik een paspoort aan?\"}",
        "{\"role\":\"user\",\"name\":\"medewerker\",\"content\":[{\"type\":\"text\",\"text\":\"Wat staat hierop?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.org/a.png\",\"detail\":\"low\"}}]}",
        "{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"}}]}",
        "{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_id\":\"file-1\"}}]}",
        "{\"role\":\"assistant\",\"content\":\"Dat kan bij de balie.\"}",
        "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"zoek\",\"arguments\":\"{}\"}}]}",
        "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Ja.\"},{\"type\":\"refusal\",\"refusal\":\"Nee.\"}]}",
        "{\"role\":\"assistant\",\"refusal\":null,\"audio\":{\"id\":\"audio_1\"},\"content\":\"Ja.\"}",
        "{\"role\":\"assistant\",\"content\":null,\"function_call\":{\"name\":\"zoek\",\"arguments\":\"{}\"}}",
        "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"gevonden\\\":true}\"}",
        "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}",
        "{\"role\":\"function\",\"name\":\"zoek\",\"content\":null}",
        "{\"role\":\"function\",\"name\":\"zoek\",\"content\":\"ok\"}",
    };

    /** One value of every JSON type, and arrays of broken and unknown content parts. */
    private static final String[] VALUES = {
        "1", "-3", "1.5", "\"x\"", "\"\"", "true", "null", "[]", "{}", "[1]", "[\"x\"]", "[null]", "[{}]",
        "[{\"type\":\"text\"}]", "[{\"type\":\"text\",\"text\":1}]", "[{\"type\":\"beeld\",\"text\":\"x\"}]",
        "[{\"type\":\"image_url\",\"image_url\":{}}]", "[{\"type\":\"refusal\",\"refusal\":\"x\"}]",
        "[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":1}}]", "{\"id\":1}", "{\"name\":\"x\"}",
    };

    private static final String[] ROLES = {"developer", "system", "user", "assistant", "tool", "function", "baas", "USER", ""};

    @Test
    void everyMessageKindOfTheSchemaHasItsRole() {
        assertThat(schema.byKind(RequestSchema.Operation.CHAT_COMPLETIONS).values()).containsExactlyInAnyOrder("developer", "system", "user", "assistant", "tool", "function");
    }

    @Test
    void validMessagesOfEveryKindPassByTheirRoleAlone() throws Exception {
        for (String message : VALID_MESSAGES) {
            JsonNode body = request(List.of(message));
            assertThat(schema.byKind(RequestSchema.Operation.CHAT_COMPLETIONS).fits(body)).as(message).isTrue();
            assertThat(schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body)).as(message).isEmpty();
        }
        JsonNode all = request(List.of(VALID_MESSAGES));
        assertThat(schema.byKind(RequestSchema.Operation.CHAT_COMPLETIONS).fits(all)).isTrue();
        assertThat(schema.checkChat(all)).isEmpty();
    }

    @Test
    void brokenMessagesAreRefusedWithTheFullSchemasWords() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String valid : VALID_MESSAGES) {
            ObjectNode message = (ObjectNode) JSON.readTree(valid);
            for (String field : fieldsOf(message, "role", "content", "name", "tool_call_id", "tool_calls", "refusal",
                    "audio", "function_call", "x-onbekend")) {
                ObjectNode without = message.deepCopy();
                without.remove(field);
                broken.add(without.toString());
                for (String value : VALUES) {
                    ObjectNode changed = message.deepCopy();
                    changed.set(field, JSON.readTree(value));
                    broken.add(changed.toString());
                }
            }
            for (String role : ROLES) {
                ObjectNode changed = message.deepCopy();
                changed.put("role", role);
                broken.add(changed.toString());
            }
            if (message.get("content") instanceof ArrayNode parts) {
                for (int i = 0; i < parts.size(); i++) {
                    ObjectNode part = (ObjectNode) parts.get(i);
                    for (String field : fieldsOf(part, "type", "text", "image_url", "input_audio", "file", "refusal")) {
                        for (String value : VALUES) {
                            ObjectNode changed = message.deepCopy();
                            ((ObjectNode) changed.get("content").get(i)).set(field, JSON.readTree(value));
                            broken.add(changed.toString());
                        }
                        ObjectNode without = message.deepCopy();
                        ((ObjectNode) without.get("content").get(i)).remove(field);
                        broken.add(without.toString());
                    }
                }
            }
        }
        broken.addAll(List.of("1", "\"x\"", "null", "[]", "{}", "[{\"role\":\"user\",\"content\":\"x\"}]"));

        int refused = 0;
        int passed = 0;
        String before = "{\"role\":\"system\",\"content\":\"Je bent een assistent.\"}";
        String after = "{\"role\":\"user\",\"content\":\"Nog een vraag.\"}";
        for (String message : broken) {
            for (List<String> messages : List.of(List.of(message), List.of(before, message), List.of(before, message, after))) {
                Optional<RequestSchema.Problem> problem = sameAnswer(request(messages));
                if (problem.isPresent()) {
                    refused++;
                } else {
                    passed++;
                }
            }
        }
        // most mutants are refused; some stay valid (an empty name, a null refusal), and those pass both ways
        assertThat(refused).isGreaterThan(3_000);
        assertThat(passed).isGreaterThan(100);
    }

    @Test
    void requestsBrokenOutsideTheMessagesAreRefusedAsBefore() throws Exception {
        String user = "{\"role\":\"user\",\"content\":\"x\"}";
        for (String body : List.of(
                "{\"model\":\"m\",\"temperature\":\"hot\",\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"temperature\":111222333,\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"max_tokens\":\"veel\",\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"stream\":\"ja\",\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"response_format\":{\"type\":\"xml\"},\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}],\"messages\":[" + user + "]}",
                "{\"model\":1,\"messages\":[" + user + "]}",
                "{\"messages\":[" + user + "]}",
                "{\"model\":\"m\",\"messages\":[]}",
                "{\"model\":\"m\",\"messages\":{}}",
                "{\"model\":\"m\"}",
                "{\"model\":\"m\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"baas\",\"content\":\"x\"}]}")) {
            assertThat(sameAnswer(JSON.readTree(body))).as(body).isPresent();
        }
    }

    /** The by-role check and the full schema give the same answer; returns it. */
    private static Optional<RequestSchema.Problem> sameAnswer(JsonNode body) {
        Optional<RequestSchema.Problem> byRole = schema.checkChat(body);
        Optional<RequestSchema.Problem> full = schema.checkInFull(RequestSchema.Operation.CHAT_COMPLETIONS, body);
        assertThat(byRole).as(body.toString()).isEqualTo(full);
        if (full.isPresent()) {
            assertThat(schema.byKind(RequestSchema.Operation.CHAT_COMPLETIONS).fits(body)).as(body.toString()).isFalse();
        }
        return full;
    }

    private static List<String> fieldsOf(ObjectNode node, String... candidates) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String candidate : candidates) {
            if (!fields.contains(candidate)) {
                fields.add(candidate);
            }
        }
        return fields;
    }

    private static JsonNode request(List<String> messages) throws Exception {
        return JSON.readTree("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_tokens\":256,\"messages\":["
                + String.join(",", messages) + "]}");
    }
}
