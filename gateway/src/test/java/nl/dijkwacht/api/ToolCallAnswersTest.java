package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * redteam45: the two tool-call shapes of a chat answer besides a function tool call — a custom tool's call
 * ({@code tool_calls[].custom.input}, free text) and the legacy {@code function_call} (the answer to {@code functions})
 * — get what a function call's arguments get: placeholders restored, and personal data the model added redacted and
 * counted ({@code test-algemeen}: {@code pii.output: redact}), whole and streamed. Before, both passed as the model wrote
 * them: the e-mail address the model added reached the tool, the audit counted nothing and the tool got a placeholder.
 */
class ToolCallAnswersTest extends GatewayTestBase {

    private static final String PROMPT = "Stuur een bevestiging aan anna@example.nl";
    /** What the model writes into the call: the prompt's address as its placeholder, and an address of its own. */
    private static final String CUSTOM_INPUT = "Aan [EMAIL_1], cc j.bos@example.nl: uw aanvraag is ontvangen.";
    private static final String LEGACY_ARGUMENTS = "{\"aan\":\"[EMAIL_1]\",\"cc\":\"j.bos@example.nl\"}";

    private HttpResponse<String> ask(boolean stream, boolean custom) throws Exception {
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", PROMPT);
        if (custom) {
            body.putArray("tools").addObject().put("type", "custom").putObject("custom").put("name", "verstuur");
        } else {
            body.putArray("functions").addObject().put("name", "verstuur").putObject("parameters").put("type", "object");
        }
        return postJson("/v1/chat/completions", json.writeValueAsString(body), TestPack.TOOL_KEY);
    }

    private void answersWhole(ObjectNode message, String finish) throws Exception {
        ObjectNode reply = json.createObjectNode().put("id", "c1").put("object", "chat.completion").put("created", 1)
                .put("model", "echo-7b");
        reply.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        reply.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 10).put("total_tokens", 30);
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(reply))));
    }

    /** A stream whose first delta opens the call and whose later deltas carry its text in pieces of three characters. */
    private void answersStreamed(Function<String, ObjectNode> piece, ObjectNode opening, String text, String finish) throws Exception {
        StringBuilder sse = new StringBuilder();
        List<ObjectNode> deltas = new java.util.ArrayList<>();
        deltas.add(opening);
        for (int i = 0; i < text.length(); i += 3) {
            deltas.add(piece.apply(text.substring(i, Math.min(text.length(), i + 3))));
        }
        for (ObjectNode delta : deltas) {
            ObjectNode chunk = json.createObjectNode().put("id", "c1").put("object", "chat.completion.chunk").put("model", "echo-7b");
            chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").set("delta", delta);
            sse.append("data: ").append(json.writeValueAsString(chunk)).append("\n\n");
        }
        sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"")
                .append(finish).append("\"}]}\n\n");
        sse.append("data: [DONE]\n\n");
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse.toString())));
    }

    private void redactedAndCounted(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("j.bos").doesNotContain("[EMAIL_1]");
        var audit = auditRecord(r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        assertThat(audit.get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void aCustomToolsInputIsRestoredAndScannedInAWholeAnswer() throws Exception {
        ObjectNode message = json.createObjectNode().put("role", "assistant").putNull("content");
        message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "custom").putObject("custom")
                .put("name", "verstuur").put("input", CUSTOM_INPUT);
        answersWhole(message, "tool_calls");
        HttpResponse<String> r = ask(false, true);
        redactedAndCounted(r);
        assertThat(parse(r.body()).at("/choices/0/message/tool_calls/0/custom/input").asText())
                .isEqualTo("Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.");
    }

    @Test
    void aLegacyFunctionCallsArgumentsAreRestoredAndScannedInAWholeAnswer() throws Exception {
        ObjectNode message = json.createObjectNode().put("role", "assistant").putNull("content");
        message.putObject("function_call").put("name", "verstuur").put("arguments", LEGACY_ARGUMENTS);
        answersWhole(message, "function_call");
        HttpResponse<String> r = ask(false, false);
        redactedAndCounted(r);
        JsonNode arguments = parse(parse(r.body()).at("/choices/0/message/function_call/arguments").asText());
        assertThat(arguments.path("aan").asText()).isEqualTo("anna@example.nl");
        assertThat(arguments.path("cc").asText()).isEqualTo("[EMAIL]");
        assertThat(parse(r.body()).at("/choices/0/message/content").isNull()).isTrue();
    }

    @Test
    void aCustomToolsInputIsRestoredAndScannedInAStream() throws Exception {
        ObjectNode opening = json.createObjectNode();
        opening.putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "custom")
                .putObject("custom").put("name", "verstuur").put("input", "");
        answersStreamed(p -> {
            ObjectNode delta = json.createObjectNode();
            delta.putArray("tool_calls").addObject().put("index", 0).putObject("custom").put("input", p);
            return delta;
        }, opening, CUSTOM_INPUT, "tool_calls");
        HttpResponse<String> r = ask(true, true);
        redactedAndCounted(r);
        assertThat(streamed(r, "/tool_calls/0/custom/input")).isEqualTo("Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.");
    }

    @Test
    void aLegacyFunctionCallsArgumentsAreRestoredAndScannedInAStream() throws Exception {
        ObjectNode opening = json.createObjectNode();
        opening.putObject("function_call").put("name", "verstuur").put("arguments", "");
        answersStreamed(p -> {
            ObjectNode delta = json.createObjectNode();
            delta.putObject("function_call").put("arguments", p);
            return delta;
        }, opening, LEGACY_ARGUMENTS, "function_call");
        HttpResponse<String> r = ask(true, false);
        redactedAndCounted(r);
        JsonNode arguments = parse(streamed(r, "/function_call/arguments"));
        assertThat(arguments.path("aan").asText()).isEqualTo("anna@example.nl");
        assertThat(arguments.path("cc").asText()).isEqualTo("[EMAIL]");
    }

    /**
     * review45b: an upstream that puts a function object beside a custom call's input. The tool reads the input (the call's
     * type is {@code custom}); before, the rewriters took the function object and passed the input as the model wrote it.
     */
    @Test
    void aCustomInputBesideAFunctionObjectIsRestoredAndScannedInAWholeAnswer() throws Exception {
        ObjectNode message = json.createObjectNode().put("role", "assistant").putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "custom");
        call.putObject("function").put("name", "verstuur").put("arguments", "{}");
        call.putObject("custom").put("name", "verstuur").put("input", CUSTOM_INPUT);
        answersWhole(message, "tool_calls");
        HttpResponse<String> r = ask(false, true);
        redactedAndCounted(r);
        assertThat(parse(r.body()).at("/choices/0/message/tool_calls/0/custom/input").asText())
                .isEqualTo("Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.");
        assertThat(parse(r.body()).at("/choices/0/message/tool_calls/0/function/arguments").asText()).isEqualTo("{}");
    }

    @Test
    void aCustomInputBesideAFunctionObjectIsRestoredAndScannedInAStream() throws Exception {
        ObjectNode opening = json.createObjectNode();
        ObjectNode call = opening.putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "custom");
        call.putObject("function").put("name", "verstuur").put("arguments", "");
        call.putObject("custom").put("name", "verstuur").put("input", "");
        answersStreamed(p -> {
            ObjectNode delta = json.createObjectNode();
            ObjectNode piece = delta.putArray("tool_calls").addObject().put("index", 0);
            piece.putObject("function").put("arguments", "");
            piece.putObject("custom").put("input", p);
            return delta;
        }, opening, CUSTOM_INPUT, "tool_calls");
        HttpResponse<String> r = ask(true, true);
        redactedAndCounted(r);
        assertThat(streamed(r, "/tool_calls/0/custom/input")).isEqualTo("Aan anna@example.nl, cc [EMAIL]: uw aanvraag is ontvangen.");
    }

    /** The text at {@code pointer} (under choice 0's delta) of every chunk, joined. */
    private static String streamed(HttpResponse<String> r, String pointer) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String data : sseData(r.body())) {
            if (!data.equals("[DONE]")) {
                JsonNode piece = parse(data).at("/choices/0/delta" + pointer);
                if (piece.isTextual()) {
                    text.append(piece.asText());
                }
            }
        }
        return text.toString();
    }
}
