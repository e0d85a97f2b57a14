package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * edges50: a refusal of the gateway's own steps names the field of the chat request the pipeline reads
 * ({@code messages}); the Responses API and legacy completions translate their request into that one, and before, their
 * tools were told to look at a {@code messages} field they never sent. Now {@code param} is the field the tool sent
 * ({@code input}, {@code prompt}), as it already was for a model's own errors. The chat API keeps {@code messages}.
 * edges51: a Responses refusal about one message names its item ({@code input[3].content[1].image_url}).
 */
class RefusalParamsPerSurfaceTest extends GatewayTestBase {

    private static final String BLOCKED = "BSN 111222333, graag de aanvraag nakijken.";

    private JsonNode refused(String path, ObjectNode body) throws Exception {
        HttpResponse<String> response = postJson(path, json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-beperkt");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("personal_data_blocked");
        assertThat(response.body()).doesNotContain("111222333");
        assertThat(auditRecord(response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("DECISION"))
                .isEqualTo("refused");
        return error;
    }

    @Test
    void aResponsesRequestIsToldItsInput() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("input", BLOCKED);
        assertThat(refused("/v1/responses", body).path("param").asText()).isEqualTo("input");
    }

    @Test
    void aResponsesRequestWithInstructionsIsStillToldItsInput() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("instructions", "Antwoord kort.");
        body.putArray("input").addObject().put("role", "user").put("content", BLOCKED);
        assertThat(refused("/v1/responses", body).path("param").asText()).isEqualTo("input");
    }

    /**
     * edges51: the item, not just {@code input}, as OpenAI's own Responses errors name it
     * ({@code input[0].content[1].image_url}); the chat request's index differs (instructions, grouped calls).
     */
    @Test
    void aResponsesRequestIsToldTheItemItsRefusalIsAbout() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("instructions", "Antwoord kort.");
        ArrayNode input = body.putArray("input");
        input.addObject().put("role", "user").put("content", "Zoek de aanvraag op.");
        input.addObject().put("type", "function_call").put("call_id", "c1").put("name", "zoek").put("arguments", "{}");
        input.addObject().put("type", "function_call_output").put("call_id", "c1").put("output", "gevonden");
        ArrayNode parts = input.addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "input_text").put("text", "Wat staat hierop?");
        parts.addObject().put("type", "input_image").put("image_url", "data:image/png;base64,iVBORw0KGgo=");
        HttpResponse<String> image = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");
        JsonNode error = parse(image.body()).path("error");
        assertThat(error.path("code").asText()).as(image.body()).isEqualTo("attachments_not_allowed");
        assertThat(error.path("param").asText()).isEqualTo("input[3].content[1].image_url");

        // a call's name with a BSN in it: the function_call item's name (chat: messages[2].tool_calls[0].function.name)
        parts.remove(1);
        ((ObjectNode) input.get(1)).put("name", "burger_111222333");
        body.put("model", "extern"); // test-velden's model, past the attachment step to the personal-data step
        HttpResponse<String> name = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", "test-velden");
        JsonNode nameError = parse(name.body()).path("error");
        assertThat(nameError.path("code").asText()).as(name.body()).isEqualTo("personal_data_in_identifier");
        assertThat(nameError.path("param").asText()).isEqualTo("input[1].name");
        assertThat(name.body()).doesNotContain("111222333");
    }

    @Test
    void aLegacyCompletionIsToldItsPrompt() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run").put("prompt", BLOCKED);
        assertThat(refused("/v1/completions", body).path("param").asText()).isEqualTo("prompt");
    }

    @Test
    void aChatRequestIsToldItsMessages() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "dry-run");
        body.putArray("messages").addObject().put("role", "user").put("content", BLOCKED);
        assertThat(refused("/v1/chat/completions", body).path("param").asText()).isEqualTo("messages");
    }
}
