package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * answer49: Perplexity's lists beside the answer (wire/perplexity/chat-search*: {@code citations}, {@code search_results},
 * {@code images}, {@code related_questions}) were dropped under {@code redact} and named {@code UNSCANNED_FIELD} on every
 * answer — so were a whole answer's empty {@code delta} and a stream's {@code message}. Now their titles, snippets and
 * questions are scanned as answer text and their URLs pass; the stream's {@code message} is the text the tool got so far.
 * The recording's page texts hold a fictitious BSN ({@code 123456782}) and address ({@code j.bos@example.nl}).
 */
class SearchModelFieldsTest extends RecordedAnswerTest {

    private static final List<String> URLS = List.of("https://www.rijksoverheid.nl/onderwerpen/persoonsgegevens",
            "https://www.voorbeeldgemeente.nl/adreswijziging");

    /** The fields of a whole answer, or of a stream's last event (which carries all four). */
    private static void redacted(JsonNode answer) {
        assertThat(answer.path("citations")).extracting(JsonNode::asText).containsExactlyElementsOf(URLS);
        JsonNode results = answer.path("search_results");
        assertThat(results).hasSize(2);
        assertThat(results.at("/0/title").asText()).isEqualTo("Persoonsgegevens | Rijksoverheid.nl");
        assertThat(results.at("/1/title").asText()).isEqualTo("Adreswijziging doorgeven - contact [EMAIL]");
        assertThat(results.at("/1/snippet").asText()).isEqualTo("Voorbeeld uit het dossier: BSN [BSN], vragen aan [EMAIL].");
        assertThat(results.at("/1/url").asText()).isEqualTo(URLS.get(1));
        assertThat(results.at("/1/last_updated").asText()).isEqualTo("2025-10-20");
        assertThat(answer.at("/images/0/title").asText()).isEqualTo("Balie Burgerzaken, medewerker [EMAIL]");
        assertThat(answer.at("/images/0/image_url").asText()).isEqualTo("https://www.voorbeeldgemeente.nl/img/balie.jpg");
        assertThat(answer.path("related_questions")).extracting(JsonNode::asText).containsExactly(
                "Hoe geef ik een adreswijziging door voor anna@example.nl?", "Wat doet de gemeente met BSN [BSN]?");
    }

    @Test
    void underRedactAWholeAnswersSearchFieldsAreScannedNotDropped() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-search.json");
        HttpResponse<String> r = send(request(false), REDACT);
        JsonNode answer = parse(r.body());
        redacted(answer);
        assertThat(r.body()).doesNotContain("123456782").doesNotContain("j.bos@example.nl");
        assertThat(answer.at("/choices/0/message/content").asText()).startsWith("Uw aanvraag is bevestigd, anna@example.nl.");
        assertThat(answer.path("dijkwacht").has("dropped_fields")).as(r.body()).isFalse();
        String counts = (String) audit(r).get("OUTPUT_ENTITY_COUNTS");
        assertThat(counts).doesNotContain("UNSCANNED_FIELD").contains("\"BSN\":2").contains("\"EMAIL\":3");
    }

    @Test
    void underRedactAStreamsSearchFieldsAreScannedOnceAndItsMessageIsTheTextSoFar() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-search-stream.sse");
        HttpResponse<String> r = send(request(true), REDACT);
        assertThat(r.body()).doesNotContain("123456782").doesNotContain("j.bos@example.nl").doesNotContain("[EMAIL_1]");
        List<JsonNode> chunks = RecordedAnswers.chunks(r);
        StringBuilder delivered = new StringBuilder();
        for (JsonNode c : chunks) {
            delivered.append(c.at("/choices/0/delta/content").asText(""));
            if (c.has("search_results")) {
                assertThat(c.at("/search_results/1/snippet").asText()).contains("[BSN]");
            }
            if (c.at("/choices/0/message").isObject()) {
                // the text so far as the tool got it (the scan's held tail and the disclaimer come later)
                assertThat(delivered.toString()).startsWith(c.at("/choices/0/message/content").asText());
            }
        }
        redacted(chunks.stream().filter(c -> c.has("related_questions")).findFirst().orElseThrow());
        assertThat(delivered.toString()).startsWith("Uw aanvraag is bevestigd, anna@example.nl. Een adreswijziging");
        // the lists came in every event; their findings are counted once, as in the whole answer
        String counts = (String) audit(r).get("OUTPUT_ENTITY_COUNTS");
        assertThat(counts).doesNotContain("UNSCANNED_FIELD").contains("\"BSN\":2").contains("\"EMAIL\":3");
    }

    @Test
    void underFlagTheyPassCountedWithThePromptsValueRestored() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-search.json");
        HttpResponse<String> r = send(request(false), FLAG);
        JsonNode answer = parse(r.body());
        assertThat(answer.at("/search_results/1/snippet").asText()).contains("123456782");
        assertThat(answer.at("/related_questions/0").asText()).isEqualTo("Hoe geef ik een adreswijziging door voor anna@example.nl?");
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).contains("\"BSN\":2").doesNotContain("UNSCANNED_FIELD");
    }

    /**
     * edges50: Perplexity's stream fields {@code type} and {@code status} (the SDK's {@code StreamChunk}: a kind and a
     * state from short lists, no text) were unknown — under {@code redact} dropped from every event and the answer counted
     * {@code UNSCANNED_FIELD}. Now known at the answer's level: they pass, and the stream completes as before.
     */
    @Test
    void underRedactTheStreamsTypeAndStatusPass() throws Exception {
        RecordedAnswers.answer(upstream, "perplexity", "chat-stream-typed.sse");
        HttpResponse<String> r = send(request(true), REDACT);
        assertThat(r.body()).doesNotContain("111222333").doesNotContain("dropped_fields");
        List<JsonNode> chunks = RecordedAnswers.chunks(r);
        assertThat(chunks).filteredOn(c -> c.has("status")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("status").asText()).isIn("PENDING", "COMPLETED"));
        assertThat(chunks).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("end_of_stream");
            assertThat(c.path("status").asText()).isEqualTo("COMPLETED");
        });
        var record = audit(r);
        assertThat((String) record.get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD").contains("BSN");
        assertThat(record.get("DECISION")).as("answered, not interrupted").isNotEqualTo("failed");
    }
}
