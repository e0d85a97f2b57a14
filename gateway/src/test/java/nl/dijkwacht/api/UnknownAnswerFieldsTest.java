package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * answer48 (docs/adr/0014): under {@code pii.output: redact} only the answer fields the gateway knows pass. OpenRouter
 * sends a reasoning model's text twice — {@code reasoning} (scanned since review47) and {@code reasoning_details} — and
 * LiteLLM as {@code reasoning_content} and {@code thinking_blocks} (and once more in {@code provider_specific_fields}):
 * the second copies passed unscanned, so a BSN the model wrote in its reasoning reached the tool. Recordings in the
 * providers' wire formats: wire/openrouter/chat-reasoning-details*, wire/litellm/chat-thinking-blocks.json.
 */
class UnknownAnswerFieldsTest extends RecordedAnswerTest {

    private static final String BSN = "111222333";

    private HttpResponse<String> ask(String provider, String recording, String useCase) throws Exception {
        RecordedAnswers.answer(upstream, provider, recording);
        return send(request(recording.endsWith(".sse")), useCase);
    }

    /** The extension field: the whole answer's, or the stream chunk's that carries it. */
    private static JsonNode extension(HttpResponse<String> r, String recording) throws Exception {
        if (!recording.endsWith(".sse")) {
            return parse(r.body()).path("dijkwacht");
        }
        List<JsonNode> chunks = RecordedAnswers.chunks(r);
        return chunks.stream().filter(c -> c.has("dijkwacht")).findFirst().orElseThrow().path("dijkwacht");
    }

    /** The reasoning text as the tool reads it, whole or put together from the deltas. */
    private static String reasoning(HttpResponse<String> r, String recording) throws Exception {
        if (!recording.endsWith(".sse")) {
            return parse(r.body()).at("/choices/0/message/reasoning").asText();
        }
        StringBuilder text = new StringBuilder();
        RecordedAnswers.chunks(r).forEach(c -> text.append(c.at("/choices/0/delta/reasoning").asText("")));
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource({"chat-reasoning-details.json", "chat-reasoning-details-stream.sse"})
    void openRouterReasoningDetailsWithABsnDoNotReachTheToolUnderRedact(String recording) throws Exception {
        HttpResponse<String> r = ask("openrouter", recording, REDACT);
        assertThat(r.body()).doesNotContain(BSN).doesNotContain("222333").doesNotContain("\"reasoning_details\":")
                .doesNotContain("EMAIL_1");
        // the text copy is scanned and stays
        assertThat(reasoning(r, recording)).isEqualTo("De aanvrager is anna@example.nl. Volgens het dossier is het BSN [BSN].");
        JsonNode ext = extension(r, recording);
        assertThat(ext.path("fields_dropped").asInt()).isEqualTo(1);
        assertThat(ext.path("dropped_fields").toString()).isEqualTo("[\"message.reasoning_details\"]");
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).contains("\"UNSCANNED_FIELD\":1").contains("\"BSN\":1");
    }

    @Test
    void liteLlmThinkingBlocksDoNotReachTheToolUnderRedact() throws Exception {
        HttpResponse<String> r = ask("litellm", "chat-thinking-blocks.json", REDACT);
        assertThat(r.body()).doesNotContain(BSN).doesNotContain("\"thinking_blocks\":").doesNotContain("\"provider_specific_fields\":");
        JsonNode message = parse(r.body()).at("/choices/0/message");
        assertThat(message.path("reasoning_content").asText())
                .isEqualTo("De aanvrager is anna@example.nl. Volgens het dossier is het BSN [BSN].");
        assertThat(message.path("content").asText()).startsWith("Uw aanvraag is bevestigd, anna@example.nl.");
        assertThat(parse(r.body()).at("/dijkwacht/dropped_fields").toString())
                .isEqualTo("[\"message.thinking_blocks\",\"message.provider_specific_fields\"]");
    }

    /** Under flag the answer is not rewritten beyond the placeholders: an unknown field passes as the model wrote it. */
    @ParameterizedTest
    @CsvSource({"chat-reasoning-details.json", "chat-reasoning-details-stream.sse"})
    void underFlagAnUnknownFieldPassesAsItCameWithItsPlaceholders(String recording) throws Exception {
        HttpResponse<String> r = ask("openrouter", recording, FLAG);
        assertThat(r.body()).contains("reasoning_details").contains("[EMAIL_1]. ");
        assertThat(reasoning(r, recording)).isEqualTo("De aanvrager is anna@example.nl. Volgens het dossier is het BSN " + BSN + ".");
        assertThat(extension(r, recording).has("fields_dropped")).isFalse();
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");
    }

    /** An answer with only known fields (vLLM's nulls beside them) drops nothing and says nothing. */
    @ParameterizedTest
    @CsvSource({"chat-reasoning.json", "chat-reasoning-stream.sse"})
    void anAnswerOfKnownFieldsDropsNothing(String recording) throws Exception {
        HttpResponse<String> r = ask("vllm", recording, REDACT);
        assertThat(extension(r, recording).has("fields_dropped")).isFalse();
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).doesNotContain("UNSCANNED_FIELD");
    }

    /** The Responses API builds its own objects from the rewritten chat answer: the field is gone, the mark is recorded. */
    @ParameterizedTest
    @CsvSource({"chat-reasoning-details.json, false", "chat-reasoning-details-stream.sse, true"})
    void aResponsesCallerGetsNoUnknownFieldAndTheRecordIsMarked(String recording, boolean stream) throws Exception {
        RecordedAnswers.answer(upstream, "openrouter", recording);
        ObjectNode body = json.createObjectNode().put("model", "upstream").put("input", PROMPT).put("stream", stream);
        HttpResponse<String> r = postJson("/v1/responses", json.writeValueAsString(body), TestPack.TOOL_KEY,
                "X-Dijkwacht-Use-Case", REDACT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(BSN).doesNotContain("222333").contains("anna@example.nl");
        assertThat((String) audit(r).get("OUTPUT_ENTITY_COUNTS")).contains("\"UNSCANNED_FIELD\":1");
    }
}
