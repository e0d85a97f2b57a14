package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * answer49: Perplexity's stream has no {@code data: [DONE]} (wire/perplexity): it ends, after the event whose choice has
 * a {@code finish_reason}, with the end of the body. Such a finished answer was ended for the tool with
 * {@code upstream_stream_interrupted} and recorded as failed. A stream cut mid-answer (its last event without a finish
 * reason, the body closed cleanly) is still interrupted — and what the gateway held of it until then (a possible
 * placeholder or identifier split across events, the redacting scan's tail, asked-for tokens) goes to the tool, scanned,
 * before the error, as it goes at a stream's end without a finishing event: it was dropped.
 */
class StreamEndsTest extends RecordedAnswerTest {

    @Test
    void aPerplexityStreamThatFinishedIsCompleteForTheToolAndTheRecord() throws Exception {
        for (String useCase : List.of(FLAG, REDACT)) {
            RecordedAnswers.answer(upstream, "perplexity", "chat-stream.sse");
            HttpResponse<String> r = send(request(true), useCase);
            List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).toList();
            assertThat(data).as(useCase).last().isEqualTo("data: [DONE]");
            assertThat(r.body()).as(useCase).doesNotContain("upstream_stream_interrupted").contains("\"finish_reason\":\"stop\"");
            StringBuilder text = new StringBuilder();
            RecordedAnswers.chunks(r).forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
            assertThat(text.toString()).as(useCase).startsWith("Uw aanvraag is bevestigd, anna@example.nl. Volgens het dossier is het BSN ");
            Map<String, Object> record = audit(r);
            assertThat(record.get("ERROR_CODE")).as(useCase).isNull();
            assertThat(record.get("HTTP_STATUS")).as(useCase).isEqualTo(200);
            assertThat(record.get("DECISION")).as(useCase).isNotEqualTo("failed");
        }
    }

    @Test
    void onTheResponsesApiThePerplexityStreamCompletes() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream.sse");
        var body = json.createObjectNode().put("model", "upstream").put("stream", true).put("input", PROMPT);
        HttpResponse<String> r = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", FLAG);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("event: response.completed").doesNotContain("response.failed");
        assertThat(audit(r).get("ERROR_CODE")).isNull();
    }

    @Test
    void aStreamCutMidAnswerIsStillInterrupted() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream-cut.sse");
        HttpResponse<String> r = send(request(true), FLAG);
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).toList();
        assertThat(data).doesNotContain("data: [DONE]");
        assertThat(data.getLast()).contains("upstream_stream_interrupted");
        Map<String, Object> record = audit(r);
        assertThat(record.get("DECISION")).isEqualTo("failed");
        assertThat(record.get("ERROR_CODE")).isEqualTo("upstream_stream_interrupted");
    }

    /** The text of choice 0 over all chunks. */
    private static String text(HttpResponse<String> r) throws Exception {
        StringBuilder text = new StringBuilder();
        RecordedAnswers.chunks(r).forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        return text.toString();
    }

    @Test
    void whatTheRedactingScanHeldGoesOutScannedBeforeTheInterruption() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream-cut.sse");
        HttpResponse<String> r = send(request(true), REDACT);
        // the whole text so far was held (the scan's window); the tool got none of it before the error
        assertThat(text(r)).isEqualTo("Uw aanvraag is bevestigd, anna@example.nl. Volgens het dossier is het BSN 1112");
        List<String> data = r.body().lines().filter(l -> l.startsWith("data: ")).toList();
        assertThat(data.getLast()).contains("upstream_stream_interrupted");
        assertThat(r.body()).doesNotContain("AI-tekst"); // no disclaimer on an answer that did not finish
        assertThat(audit(r).get("ERROR_CODE")).isEqualTo("upstream_stream_interrupted");
    }

    @Test
    void heldTokensGoOutWhenTheStreamEndsWithoutAFinishingEvent() throws Exception {
        // OpenAI's events up to the placeholder's "1", then [DONE]: no event with a finish_reason
        RecordedAnswers.answer(upstream, "chat-logprobs-unfinished-stream.sse");
        HttpResponse<String> r = send(request(true).put("logprobs", true), FLAG);
        StringBuilder tokens = new StringBuilder();
        for (JsonNode c : RecordedAnswers.chunks(r)) {
            c.at("/choices/0/logprobs/content").forEach(t -> tokens.append(t.path("token").asText()));
        }
        assertThat(text(r)).startsWith("Uw aanvraag, [EMAIL_1");
        assertThat(tokens.toString()).isEqualTo("Uw aanvraag, [EMAIL_1");
    }

    /**
     * Azure's asynchronous filter sends its verdicts after the finishing event (choice 0 again, no finish reason, an
     * empty id and model): their {@code content_filter_offsets} and {@code content_filter_raw: []} were named as unscanned
     * fields under redact on every such stream.
     */
    @Test
    void azuresLateFilterVerdictsAreNoUnscannedField() throws Exception {
        RecordedAnswers.answer(upstream, "azure", "chat-stream-async-filter.sse");
        HttpResponse<String> r = send(request(true), REDACT);
        assertThat(text(r)).startsWith("Uw aanvraag is bevestigd, anna@example.nl.");
        assertThat(r.body()).contains("content_filter_offsets").endsWith("data: [DONE]\n\n");
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");
    }

    /** llama.cpp's timings on every event were named as unscanned; ik_llama.cpp ends its stream without [DONE]. */
    @Test
    void llamaCppTimingsPassAndItsStreamWithoutDoneCompletes() throws Exception {
        for (String recording : List.of("chat-stream.sse", "chat-stream-no-done.sse")) {
            RecordedAnswers.answer(upstream, "llamacpp", recording);
            HttpResponse<String> r = send(request(true), REDACT);
            assertThat(text(r)).as(recording).startsWith("Uw aanvraag is bevestigd, anna@example.nl.");
            assertThat(r.body()).as(recording).contains("\"timings\"").endsWith("data: [DONE]\n\n");
            Map<String, Object> record = audit(r);
            assertThat(record.get("ERROR_CODE")).as(recording).isNull();
            assertThat((String) record.get("OUTPUT_ENTITY_COUNTS")).as(recording).doesNotContain("UNSCANNED_FIELD");
        }
    }

    /**
     * edges50: LM Studio's end shapes, as its bug tracker shows them — a stream whose finishing event has an empty delta,
     * then [DONE], and a whole answer with an empty {@code stats: {}} — pass under redact as they are, without
     * {@code UNSCANNED_FIELD} (verified, nothing changed: an empty object carries nothing and stays).
     */
    @Test
    void lmStudiosStreamAndWholeAnswerEndAsOpenAisDo() throws Exception {
        RecordedAnswers.answer(upstream, "lmstudio", "chat-stream.sse");
        HttpResponse<String> streamed = send(request(true), REDACT);
        assertThat(text(streamed)).startsWith("Uw aanvraag is bevestigd, anna@example.nl. Met vriendelijke groet.");
        assertThat(streamed.body()).endsWith("data: [DONE]\n\n").doesNotContain("dropped_fields");
        Map<String, Object> record = audit(streamed);
        assertThat(record.get("ERROR_CODE")).isNull();
        assertThat((String) record.get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");

        RecordedAnswers.answer(upstream, "lmstudio", "chat.json");
        HttpResponse<String> whole = send(request(false), REDACT);
        assertThat(parse(whole.body()).at("/choices/0/message/content").asText())
                .startsWith("Uw aanvraag is bevestigd, anna@example.nl. Met vriendelijke groet.");
        assertThat(whole.body()).doesNotContain("dropped_fields");
        assertThat((String) audit(whole).get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");
    }
}
