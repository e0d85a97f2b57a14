package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * answer46 (noticed by redteam45): two parts of a chat answer besides {@code content} that a reader sees as the model's
 * text. A spoken answer's transcript ({@code message.audio.transcript}, streamed {@code delta.audio.transcript}) was, under
 * {@code pii.output: flag} (the only mode that lets audio through), delivered with the prompt's placeholders, its personal
 * data uncounted and without the disclaimer text answers carry. A web-search citation's title
 * ({@code annotations[].url_citation.title}) was delivered unscanned under every mode. Both are now restored, counted and
 * (under {@code redact}, for the title) redacted like answer text, whole and streamed. The upstream answers are OpenAI's
 * wire format (src/test/resources/wire/openai/chat-audio*, chat-search*); the prompt's address becomes {@code [EMAIL_1]},
 * and the model adds {@code j.bos@example.nl} of its own.
 */
class SpokenAndCitedAnswersTest extends RecordedAnswerTest {


    private void answers(String recording) throws Exception {
        RecordedAnswers.answer(upstream, recording);
    }

    private HttpResponse<String> ask(String useCase, boolean stream, boolean spoken) throws Exception {
        ObjectNode body = request(stream);
        if (spoken) {
            body.putArray("modalities").add("text").add("audio");
            body.putObject("audio").put("voice", "alloy").put("format", stream ? "pcm16" : "wav");
        } else {
            body.putObject("web_search_options").put("search_context_size", "low");
        }
        return send(body, useCase);
    }

    private static String disclaimer(HttpResponse<String> r) {
        return "\n\n---\nAI-tekst (upstream), trace " + r.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    private static List<JsonNode> chunks(HttpResponse<String> r) throws Exception {
        return RecordedAnswers.chunks(r);
    }

    private static String streamedTranscript(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/audio/transcript").asText("")));
        return text.toString();
    }

    @Test
    void aSpokenAnswersTranscriptIsRestoredCountedAndMarkedUnderFlag() throws Exception {
        answers("chat-audio.json");
        HttpResponse<String> r = ask(FLAG, false, true);
        JsonNode message = parse(r.body()).at("/choices/0/message");
        assertThat(message.at("/audio/transcript").asText()).isEqualTo(
                "Beste anna@example.nl, uw aanvraag is ontvangen. Vragen? Mail j.bos@example.nl." + disclaimer(r));
        assertThat(message.at("/audio/data").asText()).as("the speech as it came").startsWith("UklGR");
        assertThat(message.path("content").isNull()).isTrue();
        assertThat(parse(r.body()).at("/dijkwacht/in_content").asBoolean()).isTrue();
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void aStreamedSpokenAnswersTranscriptIsRestoredCountedAndMarkedUnderFlag() throws Exception {
        answers("chat-audio-stream.sse");
        HttpResponse<String> r = ask(FLAG, true, true);
        List<JsonNode> chunks = chunks(r);
        assertThat(streamedTranscript(chunks)).isEqualTo(
                "Beste anna@example.nl, uw aanvraag is ontvangen. Vragen? Mail j.bos@example.nl." + disclaimer(r));
        assertThat(chunks).as("the speech as it came").anyMatch(c -> c.at("/choices/0/delta/audio/data").isTextual());
        assertThat(chunks).as("the audio id as it came")
                .anyMatch(c -> c.at("/choices/0/delta/audio/id").asText().equals("audio_67f8c2a3b4d08191a1c2d3e4f5a6b7c8"));
        assertThat(chunks).noneMatch(c -> c.at("/choices/0/delta/content").isTextual());
        assertThat(chunks.get(chunks.size() - 1).at("/dijkwacht/in_content").asBoolean()).isTrue();
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    /**
     * review46: under {@code redact} a request for speech is refused, but a model may send it unasked (the request had no
     * {@code modalities}). The transcript was redacted while the speech itself ({@code audio.data}), which says the same
     * words, reached the tool as the model made it. The speech is dropped; the redacted transcript and the id stay.
     */
    @Test
    void unaskedSpeechIsDroppedUnderRedactItsTranscriptRedacted() throws Exception {
        answers("chat-audio.json");
        HttpResponse<String> r = askText(REDACT, false);
        JsonNode audio = parse(r.body()).at("/choices/0/message/audio");
        assertThat(audio.at("/transcript").asText()).startsWith("Beste anna@example.nl, uw aanvraag is ontvangen. Vragen? Mail [EMAIL].");
        assertThat(audio.has("data")).as("the speech cannot be redacted: " + audio).isFalse();
        assertThat(audio.at("/id").asText()).isEqualTo("audio_67f8c2a1e9b48191b0c1d2e3f4a5b6c7");
        assertThat(r.body()).doesNotContain("j.bos").doesNotContain("UklGR");
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void unaskedStreamedSpeechIsDroppedUnderRedactItsTranscriptRedacted() throws Exception {
        answers("chat-audio-stream.sse");
        HttpResponse<String> r = askText(REDACT, true);
        List<JsonNode> chunks = chunks(r);
        assertThat(streamedTranscript(chunks)).startsWith("Beste anna@example.nl, uw aanvraag is ontvangen. Vragen? Mail [EMAIL].");
        assertThat(chunks).as("the speech cannot be redacted").noneMatch(c -> c.at("/choices/0/delta/audio").has("data"));
        assertThat(chunks).as("the audio id as it came")
                .anyMatch(c -> c.at("/choices/0/delta/audio/id").asText().equals("audio_67f8c2a3b4d08191a1c2d3e4f5a6b7c8"));
        assertThat(r.body()).doesNotContain("j.bos").doesNotContain("AAECAwQF");
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    /** A text request: no {@code modalities}, no {@code audio}. */
    private HttpResponse<String> askText(String useCase, boolean stream) throws Exception {
        ObjectNode body = request(stream);
        return send(body, useCase);
    }

    @Test
    void aCitationsTitleIsRestoredAndCountedUnderFlag() throws Exception {
        answers("chat-search.json");
        HttpResponse<String> r = ask(FLAG, false, false);
        JsonNode annotations = parse(r.body()).at("/choices/0/message/annotations");
        assertThat(annotations.at("/0/url_citation/title").asText()).isEqualTo("Vergunningen | Contact: j.bos@example.nl | Gemeente Dijkstad");
        assertThat(annotations.at("/1/url_citation/title").asText()).isEqualTo("Zoekresultaten voor anna@example.nl");
        assertThat(annotations.at("/0/url_citation/url").asText()).isEqualTo("https://www.dijkstad.nl/vergunningen?utm_source=openai");
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void aCitationsTitleIsRedactedUnderRedact() throws Exception {
        answers("chat-search.json");
        HttpResponse<String> r = ask(REDACT, false, false);
        assertThat(r.body()).doesNotContain("j.bos");
        JsonNode annotations = parse(r.body()).at("/choices/0/message/annotations");
        assertThat(annotations.at("/0/url_citation/title").asText()).isEqualTo("Vergunningen | Contact: [EMAIL] | Gemeente Dijkstad");
        assertThat(annotations.at("/1/url_citation/title").asText()).isEqualTo("Zoekresultaten voor anna@example.nl");
        assertThat(annotations.at("/0/url_citation/start_index").asInt()).isEqualTo(76);
        assertThat(audit(r).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    @Test
    void aStreamedCitationsTitleIsRestoredAndScannedUnderEitherMode() throws Exception {
        answers("chat-search-stream.sse");
        HttpResponse<String> flagged = ask(FLAG, true, false);
        JsonNode annotations = annotations(chunks(flagged));
        assertThat(annotations.at("/0/url_citation/title").asText()).isEqualTo("Vergunningen | Contact: j.bos@example.nl | Gemeente Dijkstad");
        assertThat(annotations.at("/1/url_citation/title").asText()).isEqualTo("Zoekresultaten voor anna@example.nl");
        assertThat(audit(flagged).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");

        HttpResponse<String> redacted = ask(REDACT, true, false);
        assertThat(redacted.body()).doesNotContain("j.bos");
        annotations = annotations(chunks(redacted));
        assertThat(annotations.at("/0/url_citation/title").asText()).isEqualTo("Vergunningen | Contact: [EMAIL] | Gemeente Dijkstad");
        assertThat(annotations.at("/1/url_citation/title").asText()).isEqualTo("Zoekresultaten voor anna@example.nl");
        assertThat(audit(redacted).get("OUTPUT_ENTITY_COUNTS")).isEqualTo("{\"EMAIL\":1}");
    }

    private static JsonNode annotations(List<JsonNode> chunks) {
        return chunks.stream().map(c -> c.at("/choices/0/delta/annotations")).filter(JsonNode::isArray).findFirst().orElseThrow();
    }
}
