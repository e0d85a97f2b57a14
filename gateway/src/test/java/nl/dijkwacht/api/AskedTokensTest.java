package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * answer48: the tokens a tool asks for ({@code logprobs: true}; on the Responses API {@code include:
 * ["message.output_text.logprobs"]}, refused there before) spell the text the tool gets. Under {@code flag} they carried
 * the prompt's placeholder in pieces ({@code " ["}, {@code "EMAIL"}, {@code "_"}, {@code "1"}, {@code "],"}) beside a
 * text that reads the address. Recordings: wire/openai/chat-logprobs-placeholder*.
 */
class AskedTokensTest extends RecordedAnswerTest {

    private static final String TEXT = "Uw aanvraag, anna@example.nl, is bevestigd.";

    private static String spelled(JsonNode tokens) {
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.path("token").asText()));
        return text.toString();
    }

    @Test
    void underFlagTheTokensSpellTheRestoredText() throws Exception {
        RecordedAnswers.answer(upstream, "chat-logprobs-placeholder.json");
        ObjectNode body = request(false).put("logprobs", true).put("top_logprobs", 1);
        JsonNode choice = parse(send(body, FLAG).body()).at("/choices/0");
        assertThat(choice.at("/message/content").asText()).startsWith(TEXT);
        JsonNode tokens = choice.at("/logprobs/content");
        assertThat(spelled(tokens)).isEqualTo(TEXT);
        JsonNode value = tokens.get(4);
        assertThat(value.path("token").asText()).isEqualTo(" anna@example.nl,");
        assertThat(value.path("logprob").asDouble()).isCloseTo(-0.4 - 0.0001 - 0.0002 - 0.0003 - 0.02,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value.path("bytes")).hasSize(" anna@example.nl,".length());
        assertThat(value.path("top_logprobs")).isEmpty();
        assertThat(tokens.get(3).path("top_logprobs")).hasSize(1); // the other tokens as they came
    }

    @Test
    void underFlagStreamedTokensSpellTheRestoredText() throws Exception {
        RecordedAnswers.answer(upstream, "chat-logprobs-placeholder-stream.sse");
        ObjectNode body = request(true).put("logprobs", true).put("top_logprobs", 1);
        List<JsonNode> chunks = RecordedAnswers.chunks(send(body, FLAG));
        StringBuilder text = new StringBuilder();
        StringBuilder tokens = new StringBuilder();
        for (JsonNode c : chunks) {
            text.append(c.at("/choices/0/delta/content").asText(""));
            tokens.append(spelled(c.at("/choices/0/logprobs/content")));
        }
        assertThat(text.toString()).startsWith(TEXT);
        assertThat(tokens.toString()).isEqualTo(TEXT);
    }

    private HttpResponse<String> responses(String useCase, boolean stream, String include) throws Exception {
        RecordedAnswers.answer(upstream, stream ? "chat-logprobs-placeholder-stream.sse" : "chat-logprobs-placeholder.json");
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("input", PROMPT).put("stream", stream)
                .put("top_logprobs", 1);
        body.putArray("include").add(include);
        return postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", useCase);
    }

    @Test
    void aResponsesCallerGetsTheTokensItIncludedWholeAndStreamed() throws Exception {
        HttpResponse<String> whole = responses(FLAG, false, "message.output_text.logprobs");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        JsonNode part = parse(whole.body()).at("/output/0/content/0");
        assertThat(part.path("text").asText()).startsWith(TEXT);
        assertThat(spelled(part.path("logprobs"))).isEqualTo(TEXT);
        assertThat(parse(whole.body()).path("top_logprobs").asInt()).isEqualTo(1);

        HttpResponse<String> streamed = responses(FLAG, true, "message.output_text.logprobs");
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        StringBuilder deltas = new StringBuilder();
        JsonNode done = null;
        for (String line : streamed.body().lines().filter(l -> l.startsWith("data: ")).toList()) {
            JsonNode event = parse(line.substring(6));
            if (event.path("type").asText().equals("response.output_text.delta")) {
                deltas.append(spelled(event.path("logprobs")));
            }
            if (event.path("type").asText().equals("response.output_text.done")) {
                done = event;
            }
        }
        assertThat(deltas.toString()).isEqualTo(TEXT);
        assertThat(spelled(done.path("logprobs"))).isEqualTo(TEXT);
    }

    @Test
    void underRedactOrForOtherOutputIncludeIsRefusedInDutch() throws Exception {
        HttpResponse<String> redact = responses(REDACT, false, "message.output_text.logprobs");
        assertThat(redact.statusCode()).isEqualTo(400);
        assertThat(parse(redact.body()).at("/error/code").asText()).isEqualTo("output_not_redactable");
        // named by the field and value the tool sent, not the chat request's logprobs it became (answer49)
        assertThat(parse(redact.body()).at("/error/param").asText()).isEqualTo("include");
        assertThat(parse(redact.body()).at("/error/message").asText())
                .contains("'include' met \"message.output_text.logprobs\"").doesNotContain("'logprobs'");
        assertThat(audit(redact).get("RULE")).isEqualTo("fields:output-not-redactable:include");

        HttpResponse<String> other = responses(FLAG, false, "reasoning.encrypted_content");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(parse(other.body()).at("/error/param").asText()).isEqualTo("include");
        assertThat(parse(other.body()).at("/error/message").asText()).contains("alleen");
        assertThat(upstream.getAllServeEvents()).isEmpty();
    }
}
