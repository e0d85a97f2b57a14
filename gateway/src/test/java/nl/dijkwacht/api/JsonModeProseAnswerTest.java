package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * leftover45: a model asked for JSON ({@code response_format}) may answer in prose. A placeholder in that prose is restored
 * as the value itself — not as a JSON string with quotes — whole and streamed; in a JSON answer a bare placeholder still
 * becomes a JSON string (json28).
 */
class JsonModeProseAnswerTest extends GatewayTestBase {

    private static final String REQUEST = """
            {"model":"upstream","stream":%s,"response_format":{"type":"json_object"},
             "messages":[{"role":"user","content":"Geef de mail van a.devries@example.nl als JSON"}]}
            """;

    private static String whole(String content) throws Exception {
        var body = json.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "echo-7b");
        body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        return json.writeValueAsString(body);
    }

    private String answer(String modelText, boolean stream) throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", stream ? "text/event-stream" : "application/json")
                .withBody(stream ? ChatCompletionsStreamTest.sse(ChatCompletionsStreamTest.smallPieces(modelText), true) : whole(modelText))));
        var response = postJson("/v1/chat/completions", REQUEST.formatted(stream), TestPack.TOOL_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (!stream) {
            return parse(response.body()).at("/choices/0/message/content").asText();
        }
        StringBuilder content = new StringBuilder();
        for (String data : sseData(response.body())) {
            if (!data.equals("[DONE]")) {
                for (JsonNode choice : parse(data).path("choices")) {
                    content.append(choice.path("delta").path("content").asText(""));
                }
            }
        }
        return content.toString();
    }

    @Test
    void aProseAnswerGetsTheValueWithoutQuotesWholeAndStreamed() throws Exception {
        String prose = "De mail van [EMAIL_1] is: [EMAIL_1]. Zij schreef \"groet van [EMAIL_1]\".";
        String expected = "De mail van a.devries@example.nl is: a.devries@example.nl. Zij schreef \"groet van a.devries@example.nl\".";
        assertThat(answer(prose, false)).startsWith(expected);
        assertThat(answer(prose, true)).startsWith(expected);
    }

    @Test
    void aProseAnswerThatStartsWithAPlaceholderIsProse() throws Exception {
        String prose = "[EMAIL_1] is het adres, [EMAIL_1] dus.";
        String expected = "a.devries@example.nl is het adres, a.devries@example.nl dus.";
        assertThat(answer(prose, false)).startsWith(expected);
        assertThat(answer(prose, true)).startsWith(expected);
    }

    @Test
    void aJsonAnswerStillGetsAJsonStringAndProseAfterItDoesNot() throws Exception {
        String text = "{\"mail\": [EMAIL_1], \"tekst\": \"aan [EMAIL_1]\"} Verstuurd aan [EMAIL_1].";
        String expected = "{\"mail\": \"a.devries@example.nl\", \"tekst\": \"aan a.devries@example.nl\"} Verstuurd aan a.devries@example.nl.";
        assertThat(answer(text, false)).startsWith(expected);
        assertThat(answer(text, true)).startsWith(expected);
    }
}
