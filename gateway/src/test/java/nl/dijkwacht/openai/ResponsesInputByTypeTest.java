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
 * The Responses request schema checked by item type ({@link ItemsByKind#responsesInput}) answers every request exactly
 * as the full schema does — the same refusal, field and Dutch text, or none — on valid input items of the kinds the
 * gateway serves and on thousands of broken ones: each field removed or given a value of every JSON type, the type
 * and role swapped for another kind's or an unknown one, content parts broken the same way, alone and between valid
 * items.
 */
class ResponsesInputByTypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestSchema schema;
    private static ItemsByKind byType;

    @BeforeAll
    static void load() {
        schema = new RequestSchema(JSON);
        byType = schema.byKind(RequestSchema.Operation.RESPONSES);
    }

    private static final String[] VALID_ITEMS = {
        "{\"role\":\"user\",\"content\":\"Hallo, hoe vraag ik een paspoort aan?\"}",
        "{\"role\":\"system\",\"content\":\"Je bent een assistent.\"}",
        "{\"role\":\"developer\",\"content\":\"Antwoord kort.\"}",
        "{\"role\":\"assistant\",\"content\":\"Dat kan bij de balie.\"}",
        "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Wat staat hierop?\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"https://example.org/a.png\",\"detail\":\"low\"}]}",
        "{\"role\":\"user\",\"content\":[{\"type\":\"input_file\",\"file_id\":\"file-1\"}]}",
        "{\"type\":\"message\",\"role\":\"developer\",\"content\":[{\"type\":\"input_text\",\"text\":\"Antwoord kort.\"}]}",
        "{\"type\":\"message\",\"role\":\"assistant\",\"id\":\"msg_1\",\"status\":\"completed\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Ja.\",\"annotations\":[],\"logprobs\":[]}]}",
        "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"zoek\",\"arguments\":\"{}\"}",
        "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"gevonden\\\":true}\"}",
        "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Eerst zoeken.\"}]}",
        "{\"type\":\"item_reference\",\"id\":\"msg_0\"}",
    };

    /** One value of every JSON type, and arrays of broken and unknown content parts. */
    private static final String[] VALUES = {
        "1", "-3", "1.5", "\"x\"", "\"\"", "true", "null", "[]", "{}", "[1]", "[\"x\"]", "[null]", "[{}]",
        "[{\"type\":\"input_text\"}]", "[{\"type\":\"input_text\",\"text\":1}]", "[{\"type\":\"beeld\",\"text\":\"x\"}]",
        "[{\"type\":\"input_image\"}]", "[{\"type\":\"output_text\",\"text\":\"x\"}]",
        "[{\"type\":\"summary_text\",\"text\":\"x\"}]", "{\"id\":1}", "{\"name\":\"x\"}",
    };

    private static final String[] TYPES = {"message", "function_call", "function_call_output", "reasoning", "item_reference",
        "mcp_call", "computer_call", "MESSAGE", "onbekend", ""};

    private static final String[] ROLES = {"developer", "system", "user", "assistant", "tool", "baas", "USER", ""};

    @Test
    void everyItemKindOfTheSchemaHasItsType() {
        assertThat(byType.values()).contains("message", "function_call", "function_call_output", "reasoning",
                "item_reference", "mcp_call", "computer_call_output", "custom_tool_call");
    }

    @Test
    void validItemsOfEveryKindPassByTheirTypeAlone() throws Exception {
        for (String item : VALID_ITEMS) {
            JsonNode body = request(List.of(item));
            assertThat(schema.checkInFull(RequestSchema.Operation.RESPONSES, body)).as(item).isEmpty();
            assertThat(byType.fits(body)).as(item).isTrue();
        }
        JsonNode all = request(List.of(VALID_ITEMS));
        assertThat(byType.fits(all)).isTrue();
        assertThat(schema.check(RequestSchema.Operation.RESPONSES, all)).isEmpty();
        JsonNode text = JSON.readTree("{\"model\":\"gpt-4o-mini\",\"input\":\"Hallo\"}");
        assertThat(byType.fits(text)).as("input as one text").isTrue();
    }

    @Test
    void brokenItemsAreRefusedWithTheFullSchemasWords() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String valid : VALID_ITEMS) {
            ObjectNode item = (ObjectNode) JSON.readTree(valid);
            for (String field : fieldsOf(item, "type", "role", "content", "id", "status", "call_id", "name", "arguments",
                    "output", "summary", "x-onbekend")) {
                ObjectNode without = item.deepCopy();
                without.remove(field);
                broken.add(without.toString());
                for (String value : VALUES) {
                    ObjectNode changed = item.deepCopy();
                    changed.set(field, JSON.readTree(value));
                    broken.add(changed.toString());
                }
            }
            for (String type : TYPES) {
                ObjectNode changed = item.deepCopy();
                changed.put("type", type);
                broken.add(changed.toString());
            }
            for (String role : ROLES) {
                ObjectNode changed = item.deepCopy();
                changed.put("role", role);
                broken.add(changed.toString());
            }
            for (String parts : List.of("content", "summary")) {
                if (item.get(parts) instanceof ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        ObjectNode part = (ObjectNode) list.get(i);
                        for (String field : fieldsOf(part, "type", "text", "image_url", "file_id", "detail", "annotations")) {
                            for (String value : VALUES) {
                                ObjectNode changed = item.deepCopy();
                                ((ObjectNode) changed.get(parts).get(i)).set(field, JSON.readTree(value));
                                broken.add(changed.toString());
                            }
                            ObjectNode without = item.deepCopy();
                            ((ObjectNode) without.get(parts).get(i)).remove(field);
                            broken.add(without.toString());
                        }
                    }
                }
            }
        }
        broken.addAll(List.of("1", "\"x\"", "null", "[]", "{}", "[{\"role\":\"user\",\"content\":\"x\"}]"));

        int refused = 0;
        int passed = 0;
        String before = "{\"role\":\"system\",\"content\":\"Je bent een assistent.\"}";
        String after = "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"ok\"}";
        for (String item : broken) {
            for (List<String> items : List.of(List.of(item), List.of(before, item), List.of(before, item, after))) {
                Optional<RequestSchema.Problem> problem = sameAnswer(request(items));
                if (problem.isPresent()) {
                    refused++;
                } else {
                    passed++;
                }
            }
        }
        // most mutants are refused; some stay valid (a message given an id, a null status), and those pass both ways
        assertThat(refused).isGreaterThan(3_000);
        assertThat(passed).isGreaterThan(100);
    }

    @Test
    void requestsBrokenOutsideTheInputAreRefusedAsBefore() throws Exception {
        String user = "{\"role\":\"user\",\"content\":\"x\"}";
        for (String body : List.of(
                "{\"model\":\"m\",\"temperature\":\"hot\",\"input\":[" + user + "]}",
                "{\"model\":\"m\",\"max_output_tokens\":\"veel\",\"input\":[" + user + "]}",
                "{\"model\":\"m\",\"stream\":\"ja\",\"input\":[" + user + "]}",
                "{\"model\":\"m\",\"text\":{\"format\":{\"type\":\"xml\"}},\"input\":[" + user + "]}",
                "{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}],\"input\":[" + user + "]}",
                "{\"model\":1,\"input\":[" + user + "]}",
                "{\"model\":\"m\",\"input\":{}}",
                "{\"model\":\"m\",\"input\":7}",
                "{\"model\":\"m\",\"temperature\":\"hot\",\"input\":\"Hallo\"}",
                "{\"model\":\"m\",\"temperature\":\"hot\",\"input\":[{\"type\":\"onbekend\"}]}")) {
            assertThat(sameAnswer(JSON.readTree(body))).as(body).isPresent();
        }
    }

    /** The by-type check and the full schema give the same answer; returns it. */
    private static Optional<RequestSchema.Problem> sameAnswer(JsonNode body) {
        Optional<RequestSchema.Problem> quick = schema.check(RequestSchema.Operation.RESPONSES, body);
        Optional<RequestSchema.Problem> full = schema.checkInFull(RequestSchema.Operation.RESPONSES, body);
        assertThat(quick).as(body.toString()).isEqualTo(full);
        if (full.isPresent()) {
            assertThat(byType.fits(body)).as(body.toString()).isFalse();
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

    private static JsonNode request(List<String> items) throws Exception {
        return JSON.readTree("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_output_tokens\":256,\"input\":["
                + String.join(",", items) + "]}");
    }
}
