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
 * Every definition the gateway checks against — the four operations and every item kind of the chat messages and the
 * Responses input — with a valid request written from the schema itself ({@link SchemaInstances}) and an invalid one
 * (a required field left out, or the item given as a number): the valid one passes both the quick checks and the
 * full schema, the invalid one is refused by both with the same problem, and the problem names the field or item
 * that was broken.
 */
class RequestSchemaEveryKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestSchema schema;
    private static JsonNode document;
    /** The document as the gateway reads it: fewer fields required than OpenAI's description says. */
    private static JsonNode relaxed;

    @BeforeAll
    static void load() {
        schema = new RequestSchema(JSON);
        document = SchemaInstances.document();
        ObjectNode copy = document.deepCopy();
        RequestSchema.relaxRequiredNullables(copy);
        RequestSchema.relaxDefaultedByTheApi(copy);
        relaxed = copy;
    }

    @Test
    void everyOperationTakesItsSmallestRequestAndRefusesItWithoutARequiredField() {
        for (RequestSchema.Operation operation : RequestSchema.Operation.values()) {
            ObjectNode valid = (ObjectNode) SchemaInstances.smallest(document, definition(operation));
            assertThat(schema.check(operation, valid)).as(operation + " " + valid).isEmpty();
            assertThat(schema.checkInFull(operation, valid)).as(operation + " " + valid).isEmpty();

            List<String> required = required(definition(operation));
            if (required.isEmpty()) {
                ObjectNode wrong = valid.deepCopy();
                wrong.put("temperature", "heet");
                assertRefusedAt(operation, wrong, "temperature");
            }
            for (String field : required) {
                ObjectNode without = valid.deepCopy();
                without.remove(field);
                Optional<RequestSchema.Problem> problem = assertRefusedAt(operation, without, field);
                assertThat(problem.orElseThrow().message()).isEqualTo("Het verplichte veld '" + field + "' ontbreekt.");
            }
        }
    }

    @Test
    void everyChatMessageKindPassesAloneAndIsRefusedBrokenWithTheFullSchemasWords() {
        walkKinds(RequestSchema.Operation.CHAT_COMPLETIONS, "messages", 6);
    }

    @Test
    void everyResponsesInputKindPassesAloneAndIsRefusedBrokenWithTheFullSchemasWords() {
        walkKinds(RequestSchema.Operation.RESPONSES, "input", 30);
    }

    private static void walkKinds(RequestSchema.Operation operation, String list, int atLeast) {
        ItemsByKind byKind = schema.byKind(operation);
        assertThat(byKind.kindDefinitions()).hasSizeGreaterThanOrEqualTo(atLeast);
        int refusedWithoutAField = 0;
        for (String kind : byKind.kindDefinitions()) {
            JsonNode item = SchemaInstances.smallest(document, kind);
            ObjectNode valid = request(operation, list, item);
            assertThat(byKind.fits(valid)).as(kind + " " + valid).isTrue();
            assertThat(schema.checkInFull(operation, valid)).as(kind + " " + valid).isEmpty();

            assertRefusedAt(operation, request(operation, list, JSON.getNodeFactory().numberNode(1)), list + "[0]");
            for (String field : required(kind)) {
                ObjectNode without = ((ObjectNode) item).deepCopy();
                without.remove(field);
                ObjectNode broken = request(operation, list, without);
                Optional<RequestSchema.Problem> problem = schema.check(operation, broken);
                assertThat(problem).as(kind + " without " + field).isEqualTo(schema.checkInFull(operation, broken));
                assertThat(byKind.fits(broken)).as(kind + " without " + field).isEqualTo(problem.isEmpty());
                if (problem.isPresent()) {
                    // another kind may take the item without the field (a message's type is optional); else it is refused here
                    assertThat(problem.get().field()).as(kind + " without " + field).startsWith(list + "[0]");
                    refusedWithoutAField++;
                }
            }
        }
        assertThat(refusedWithoutAField).isGreaterThanOrEqualTo(atLeast);
    }

    private static Optional<RequestSchema.Problem> assertRefusedAt(RequestSchema.Operation operation, ObjectNode body,
            String field) {
        Optional<RequestSchema.Problem> problem = schema.check(operation, body);
        assertThat(problem).as(operation + " " + body).isPresent();
        assertThat(problem).as(operation + " " + body).isEqualTo(schema.checkInFull(operation, body));
        assertThat(problem.get().field()).as(operation + " " + body).startsWith(field);
        return problem;
    }

    private static ObjectNode request(RequestSchema.Operation operation, String list, JsonNode item) {
        ObjectNode request = (ObjectNode) SchemaInstances.smallest(document, definition(operation));
        request.putArray(list).add(item);
        return request;
    }

    private static String definition(RequestSchema.Operation operation) {
        return switch (operation) {
            case CHAT_COMPLETIONS -> "CreateChatCompletionRequest";
            case EMBEDDINGS -> "CreateEmbeddingRequest";
            case RESPONSES -> "CreateResponse";
            case COMPLETIONS -> "CreateCompletionRequest";
        };
    }

    /** The fields a definition requires as the gateway reads it, its all-of parts' included. */
    private static List<String> required(String definition) {
        List<String> required = new ArrayList<>();
        JsonNode node = relaxed.path("$defs").path(definition);
        List<JsonNode> places = new ArrayList<>(List.of(node));
        node.path("allOf").forEach(places::add);
        for (JsonNode place : places) {
            place.path("required").forEach(name -> required.add(name.asText()));
        }
        return required;
    }
}
