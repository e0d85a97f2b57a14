package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * answer47 (left by answer46 and review46): two parts of a chat answer that count in, or repeat, the answer's text.
 * A web-search citation's {@code start_index}/{@code end_index} counted in the text as the model wrote it, so after a
 * placeholder was restored ({@code [EMAIL_1]} → {@code anna@example.nl}, +6) or a value redacted
 * ({@code j.bos@example.nl} → {@code [EMAIL]}, −9) it pointed at the wrong words; and {@code logprobs} a model sends
 * unasked carried the answer's tokens — under {@code redact} the very address the text had redacted. Upstream answers in
 * OpenAI's wire format: src/test/resources/wire/openai/chat-search-cited*, chat-logprobs*.
 */
class CitedAndScoredAnswersTest extends RecordedAnswerTest {

    private static final String CITED_SENTENCE =
            "De gemeente handelt uw aanvraag binnen acht weken af ([dijkstad.nl](https://www.dijkstad.nl/vergunningen?utm_source=openai))";

    private void answers(String recording) throws Exception {
        RecordedAnswers.answer(upstream, recording);
    }

    private HttpResponse<String> ask(String useCase, boolean stream, boolean logprobs) throws Exception {
        ObjectNode body = request(stream);
        if (logprobs) {
            body.put("logprobs", true).put("top_logprobs", 2);
        } else {
            body.putObject("web_search_options").put("search_context_size", "low");
        }
        return send(body, useCase);
    }

    private static List<JsonNode> chunks(HttpResponse<String> r) throws Exception {
        return RecordedAnswers.chunks(r);
    }

    /** The text between a citation's offsets (code points; the test text is ASCII). */
    private static String cited(String content, JsonNode annotation) {
        JsonNode c = annotation.path("url_citation");
        return content.substring(c.path("start_index").asInt(), c.path("end_index").asInt());
    }

    @Test
    void citationSpansPointAtTheSameWordsAfterRestoringAndRedacting() throws Exception {
        answers("chat-search-cited.json");
        HttpResponse<String> flagged = ask(FLAG, false, false);
        JsonNode message = parse(flagged.body()).at("/choices/0/message");
        assertThat(message.path("content").asText()).startsWith("U kunt anna@example.nl bereiken; vragen gaan naar j.bos@example.nl.");
        assertThat(cited(message.path("content").asText(), message.at("/annotations/0"))).isEqualTo(CITED_SENTENCE);
        assertThat(cited(message.path("content").asText(), message.at("/annotations/1"))).isEqualTo("vragen gaan naar j.bos@example.nl");

        HttpResponse<String> redacted = ask(REDACT, false, false);
        message = parse(redacted.body()).at("/choices/0/message");
        assertThat(message.path("content").asText()).startsWith("U kunt anna@example.nl bereiken; vragen gaan naar [EMAIL].");
        assertThat(cited(message.path("content").asText(), message.at("/annotations/0"))).isEqualTo(CITED_SENTENCE);
        assertThat(cited(message.path("content").asText(), message.at("/annotations/1"))).isEqualTo("vragen gaan naar [EMAIL]");
        assertThat(parse(redacted.body()).at("/dijkwacht").has("citations_dropped")).isFalse();
    }

    @Test
    void streamedCitationSpansPointAtTheSameWordsAfterRestoringAndRedacting() throws Exception {
        answers("chat-search-cited-stream.sse");
        for (String useCase : List.of(FLAG, REDACT)) {
            List<JsonNode> chunks = chunks(ask(useCase, true, false));
            StringBuilder content = new StringBuilder();
            chunks.forEach(c -> content.append(c.at("/choices/0/delta/content").asText("")));
            JsonNode annotations = chunks.stream().map(c -> c.at("/choices/0/delta/annotations")).filter(JsonNode::isArray)
                    .findFirst().orElseThrow();
            String expected = useCase.equals(FLAG) ? "j.bos@example.nl" : "[EMAIL]";
            assertThat(content.toString()).startsWith("U kunt anna@example.nl bereiken; vragen gaan naar " + expected + ".");
            assertThat(cited(content.toString(), annotations.get(0))).as(useCase).isEqualTo(CITED_SENTENCE);
            assertThat(cited(content.toString(), annotations.get(1))).as(useCase).isEqualTo("vragen gaan naar " + expected);
        }
    }

    @Test
    void logprobsNobodyAskedForDoNotReachTheToolWholeOrStreamed() throws Exception {
        for (String useCase : List.of(FLAG, REDACT)) {
            answers("chat-logprobs.json");
            HttpResponse<String> whole = ask(useCase, false, false);
            JsonNode choice = parse(whole.body()).at("/choices/0");
            assertThat(choice.path("logprobs").isNull()).as(useCase + ": " + choice).isTrue();
            assertThat(whole.body()).doesNotContain("\"token\"").doesNotContain("\" jan\"");

            answers("chat-logprobs-stream.sse");
            HttpResponse<String> streamed = ask(useCase, true, false);
            assertThat(chunks(streamed)).as(useCase).allMatch(c -> c.at("/choices/0/logprobs").isMissingNode()
                    || c.at("/choices/0/logprobs").isNull());
            assertThat(streamed.body()).doesNotContain("\"token\"").doesNotContain("\" jan\"");
        }
        answers("chat-logprobs.json");
        assertThat(parse(ask(REDACT, false, false).body()).at("/choices/0/message/content").asText())
                .startsWith("Bevestigd. Vragen? Mail [EMAIL].");
    }

    /** Control: under {@code flag} (count only) a tool that asks for them gets them, whole and streamed. */
    @Test
    void logprobsAToolAskedForPassUnderFlag() throws Exception {
        answers("chat-logprobs.json");
        assertThat(parse(ask(FLAG, false, true).body()).at("/choices/0/logprobs/content/7/token").asText()).isEqualTo(" j");
        answers("chat-logprobs-stream.sse");
        assertThat(chunks(ask(FLAG, true, true))).anyMatch(c -> c.at("/choices/0/logprobs/content/0/token").asText().equals(".b"));
    }

    /** The Responses API: the citations of the chat answer as {@code output_text.annotations}, moved, whole and streamed. */
    @Test
    void aResponsesCallerGetsTheCitationsMovedWholeAndStreamed() throws Exception {
        answers("chat-search-cited.json");
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("input", PROMPT);
        HttpResponse<String> whole = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY, "X-Dijkwacht-Use-Case", REDACT);
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        JsonNode part = parse(whole.body()).at("/output/0/content/0");
        assertThat(part.at("/annotations/0/type").asText()).isEqualTo("url_citation");
        assertThat(part.at("/annotations/0/url").asText()).isEqualTo("https://www.dijkstad.nl/vergunningen?utm_source=openai");
        String text = part.path("text").asText();
        assertThat(text.substring(part.at("/annotations/0/start_index").asInt(), part.at("/annotations/0/end_index").asInt()))
                .isEqualTo(CITED_SENTENCE);
        assertThat(text.substring(part.at("/annotations/1/start_index").asInt(), part.at("/annotations/1/end_index").asInt()))
                .isEqualTo("vragen gaan naar [EMAIL]");

        answers("chat-search-cited-stream.sse");
        HttpResponse<String> streamed = postJson("/v1/responses", json.writeValueAsString(body.put("stream", true)), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", REDACT);
        List<JsonNode> events = new java.util.ArrayList<>();
        for (String data : sseData(streamed.body())) {
            events.add(parse(data));
        }
        assertThat(events).filteredOn(e -> e.path("type").asText().equals("response.output_text.annotation.added")).hasSize(2);
        JsonNode done = events.get(events.size() - 1).at("/response/output/0/content/0");
        String streamedText = done.path("text").asText();
        assertThat(streamedText.substring(done.at("/annotations/0/start_index").asInt(), done.at("/annotations/0/end_index").asInt()))
                .isEqualTo(CITED_SENTENCE);
    }
}
