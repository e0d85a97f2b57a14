package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * review48: a choice's {@code message} is the whole answer's field and a choice's {@code delta} a stream chunk's; each
 * is scanned only where it belongs. Perplexity streams every piece twice — the piece as {@code delta}, the text so far
 * as {@code message} (wire/perplexity) — and the stream's {@code message} was neither scanned nor dropped under
 * {@code redact} ({@code AnswerFields.CHOICE} knew it), so a BSN the model wrote reached the tool there.
 */
class AnswerFieldsAtTheirLevelTest extends RecordedAnswerTest {

    private static final String BSN = "111222333";

    @Test
    void aStreamedMessageBesideTheDeltaDoesNotCarryTheModelsBsnUnderRedact() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream.sse");
        HttpResponse<String> r = send(request(true), REDACT);
        assertThat(r.body()).doesNotContain(BSN).doesNotContain("22333");
        StringBuilder text = new StringBuilder();
        RecordedAnswers.chunks(r).forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString()).startsWith("Uw aanvraag is bevestigd, anna@example.nl. Volgens het dossier is het BSN [BSN].");
        // answer49: the streamed message is the text the tool got so far, not dropped and named as unscanned
        for (var c : RecordedAnswers.chunks(r)) {
            if (c.at("/choices/0/message").isObject()) {
                assertThat(text.toString()).startsWith(c.at("/choices/0/message/content").asText());
            }
        }
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).contains("\"BSN\":1").doesNotContain("UNSCANNED_FIELD");
    }

    /** Under flag nothing is dropped: the text so far passes as the model wrote it, its placeholder not filled in. */
    @Test
    void underFlagTheStreamedMessagePassesAsItCame() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream.sse");
        HttpResponse<String> r = send(request(true), FLAG);
        assertThat(r.body()).contains("\"message\":").doesNotContain("UNSCANNED_FIELD");
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");
    }
}
