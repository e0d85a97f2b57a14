package nl.dijkwacht.openai.responses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.openai.ParamPath;
import org.junit.jupiter.api.Test;

/**
 * edges51: a chat message of a translated Responses request is named by the {@code input} item it came from, in the
 * form OpenAI's Responses errors use ({@code input[0].content[1].image_url}, {@code input[62].name}); edges50 said
 * {@code input} for every message.
 */
class InputItemPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * instructions → messages[0]; input[0] user text → [1]; input[1] an earlier answer → [2]; input[2] reasoning (not
     * sent on); input[3], input[4] two calls → [3] (one assistant message); input[5], input[6] their outputs → [4], [5];
     * input[7] user text and image → [6].
     */
    private static ResponsesRequest conversation() {
        ObjectNode body = JSON.createObjectNode().put("model", "dry-run").put("instructions", "Antwoord kort.");
        ArrayNode input = body.putArray("input");
        input.addObject().put("role", "user").put("content", "Zoek de aanvraag op.");
        input.addObject().put("type", "message").put("role", "assistant").putArray("content").addObject()
                .put("type", "output_text").put("text", "Ik zoek het op.");
        input.addObject().put("type", "reasoning").put("id", "rs_1").putArray("summary");
        input.addObject().put("type", "function_call").put("call_id", "c1").put("name", "zoek").put("arguments", "{}");
        input.addObject().put("type", "custom_tool_call").put("call_id", "c2").put("name", "noteer").put("input", "x");
        input.addObject().put("type", "function_call_output").put("call_id", "c1").put("output", "gevonden");
        input.addObject().put("type", "custom_tool_call_output").put("call_id", "c2").put("output", "genoteerd");
        ArrayNode parts = input.addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "input_text").put("text", "Wat staat hierop?");
        parts.addObject().put("type", "input_image").put("image_url", "data:image/png;base64,iVBORw0KGgo=");
        return ResponsesRequest.from(body, JSON);
    }

    private static String named(ResponsesRequest request, String chatParam) {
        return request.toolParam(ParamPath.parse(chatParam));
    }

    @Test
    void aMessageIsNamedByItsItemAndPart() {
        ResponsesRequest request = conversation();
        assertThat(request.chat().path("messages")).hasSize(7);
        assertThat(named(request, "messages[6].content[1].image_url.url")).isEqualTo("input[7].content[1].image_url");
        assertThat(named(request, "messages[6].content[0].text")).isEqualTo("input[7].content[0]");
        assertThat(named(request, "messages[6].content[1]")).isEqualTo("input[7].content[1]");
        assertThat(named(request, "messages[1].content")).isEqualTo("input[0].content");
        assertThat(named(request, "messages[2].content[0]")).isEqualTo("input[1].content[0]");
        assertThat(named(request, "messages[2].role")).isEqualTo("input[1].role");
        assertThat(named(request, "messages[1]")).isEqualTo("input[0]");
    }

    @Test
    void aCallIsNamedByItsOwnItemAndAnOutputByItsOwn() {
        ResponsesRequest request = conversation();
        assertThat(named(request, "messages[3].tool_calls[0].function.name")).isEqualTo("input[3].name");
        assertThat(named(request, "messages[3].tool_calls[0].function.arguments")).isEqualTo("input[3].arguments");
        assertThat(named(request, "messages[3].tool_calls[1].custom.input")).isEqualTo("input[4].input");
        assertThat(named(request, "messages[3].tool_calls[1].id")).isEqualTo("input[4].call_id");
        assertThat(named(request, "messages[3]")).isEqualTo("input[3]");
        assertThat(named(request, "messages[4].content")).isEqualTo("input[5].output");
        assertThat(named(request, "messages[5].tool_call_id")).isEqualTo("input[6].call_id");
    }

    @Test
    void instructionsATextInputAndTheWholeListKeepTheirNames() {
        ResponsesRequest request = conversation();
        assertThat(named(request, "messages[0].content")).isEqualTo("instructions");
        assertThat(named(request, "messages")).isEqualTo("input");
        assertThat(named(request, "messages[9].content")).as("no such message").isEqualTo("input");
        assertThat(named(request, "messages[3].tool_calls[5].id")).as("no such call").isEqualTo("input");

        ResponsesRequest text = ResponsesRequest.from(JSON.createObjectNode().put("model", "dry-run").put("input", "Hallo"), JSON);
        assertThat(named(text, "messages[0].content")).isEqualTo("input");
    }
}
