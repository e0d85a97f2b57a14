package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * answer47 (left by redteam46): a Responses API request with a custom tool ({@code tools: [{"type": "custom", "name",
 * "description", "format": {"type": "grammar", "syntax", "definition"}}]}, the OpenAI reference's CustomTool) was refused
 * {@code unknown_field} — a false refusal of a legitimate tool. It is now the chat API's custom tool: sent on, its name,
 * description and grammar read by the purpose guard, its call ({@code custom_tool_call}) restored and scanned like a
 * function call's arguments, whole and streamed, and a later turn may resend the call and its output (the guard's reading:
 * {@code PurposeGuardPlacementTest}'s Responses places). Upstream answers: src/test/resources/wire/openai/chat-custom-tool*.
 */
class ResponsesCustomToolsTest extends GatewayTestBase {

    private static final String REDACT = "test-antwoord";
    private static final String GRAMMAR = "start: \"Aan \" ADRES \", cc \" ADRES \": \" /[^\\n]+/\nADRES: /[^,: ]+/";

    private static ObjectNode customTool(ObjectNode body, String name, String description, String definition) {
        ObjectNode tool = body.withArray("tools").addObject().put("type", "custom").put("name", name).put("description", description);
        tool.putObject("format").put("type", "grammar").put("syntax", "lark").put("definition", definition);
        return tool;
    }

    private HttpResponse<String> ask(boolean stream, Consumer<ObjectNode> more) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("stream", stream)
                .put("input", "Stuur een bevestiging aan anna@example.nl");
        customTool(body, "verstuur_brief", "Verstuurt een korte brief.", GRAMMAR);
        body.putObject("tool_choice").put("type", "custom").put("name", "verstuur_brief");
        more.accept(body);
        HttpResponse<String> r = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", REDACT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private JsonNode sentToModel() throws Exception {
        var sent = upstream.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        return parse(sent.get(sent.size() - 1).getBodyAsString());
    }

    @Test
    void aCustomToolIsSentOnAndItsCallRestoredAndRedacted() throws Exception {
        RecordedAnswers.answer(upstream, "chat-custom-tool.json");
        HttpResponse<String> r = ask(false, b -> { });
        JsonNode tool = sentToModel().at("/tools/0");
        assertThat(tool.at("/type").asText()).isEqualTo("custom");
        assertThat(tool.at("/custom/name").asText()).isEqualTo("verstuur_brief");
        assertThat(tool.at("/custom/format/grammar/syntax").asText()).isEqualTo("lark");
        assertThat(tool.at("/custom/format/grammar/definition").asText()).isEqualTo(GRAMMAR);
        assertThat(sentToModel().at("/tool_choice/custom/name").asText()).isEqualTo("verstuur_brief");
        JsonNode item = parse(r.body()).at("/output/0");
        assertThat(item.path("type").asText()).isEqualTo("custom_tool_call");
        assertThat(item.path("call_id").asText()).isEqualTo("call_Yb3dQ9mW2nR7xK1pL5vZ8cT4");
        assertThat(item.path("name").asText()).isEqualTo("verstuur_brief");
        assertThat(item.path("input").asText()).isEqualTo("Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.");
        assertThat(r.body()).doesNotContain("j.bos");
    }

    @Test
    void aStreamedCustomCallArrivesAsItsOwnEventsRestoredAndRedacted() throws Exception {
        RecordedAnswers.answer(upstream, "chat-custom-tool-stream.sse");
        HttpResponse<String> r = ask(true, b -> { });
        List<JsonNode> events = new ArrayList<>();
        for (String data : sseData(r.body())) {
            events.add(parse(data));
        }
        StringBuilder deltas = new StringBuilder();
        events.stream().filter(e -> e.path("type").asText().equals("response.custom_tool_call_input.delta"))
                .forEach(e -> deltas.append(e.path("delta").asText()));
        String expected = "Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.";
        assertThat(deltas.toString()).isEqualTo(expected);
        JsonNode done = events.stream().filter(e -> e.path("type").asText().equals("response.custom_tool_call_input.done"))
                .findFirst().orElseThrow();
        assertThat(done.path("input").asText()).isEqualTo(expected);
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.path("type").asText()).isEqualTo("response.completed");
        assertThat(completed.at("/response/output/0/type").asText()).isEqualTo("custom_tool_call");
        assertThat(completed.at("/response/output/0/input").asText()).isEqualTo(expected);
        assertThat(r.body()).doesNotContain("j.bos");
    }

    @Test
    void aLaterTurnMayResendTheCustomCallAndItsOutput() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Verstuurd.\"},\"finish_reason\":\"stop\"}]}")));
        ask(false, b -> {
            ArrayNode input = b.putArray("input");
            input.addObject().put("role", "user").put("content", "Stuur een bevestiging aan anna@example.nl");
            input.addObject().put("type", "custom_tool_call").put("id", "ctc_1").put("call_id", "call_1").put("name", "verstuur_brief")
                    .put("input", "Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.").put("status", "completed");
            input.addObject().put("type", "custom_tool_call_output").put("call_id", "call_1").put("output", "verzonden");
            b.remove("tool_choice");
        });
        JsonNode messages = sentToModel().path("messages");
        assertThat(messages.at("/1/tool_calls/0/type").asText()).isEqualTo("custom");
        assertThat(messages.at("/1/tool_calls/0/custom/name").asText()).isEqualTo("verstuur_brief");
        assertThat(messages.at("/1/tool_calls/0/custom/input").asText()).doesNotContain("anna@example.nl").startsWith("Aan ");
        assertThat(messages.at("/2/role").asText()).isEqualTo("tool");
        assertThat(messages.at("/2/tool_call_id").asText()).isEqualTo("call_1");
    }

    /** A format the reference does not name is refused, naming the field (not a Java message). */
    @Test
    void anUnknownCustomFormatIsRefusedInDutch() throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("input", "Hallo");
        body.putArray("tools").addObject().put("type", "custom").put("name", "x").putObject("format").put("type", "xml");
        HttpResponse<String> r = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", REDACT);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(parse(r.body()).at("/error/param").asText()).startsWith("tools[0]");
        assertThat(parse(r.body()).at("/error/message").asText()).doesNotContain("Exception").doesNotContain("xml");
    }
}
