package nl.dijkwacht.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * review47: a reasoning model served by vLLM ({@code reasoning_content}) or Ollama ({@code reasoning}) sends its reasoning
 * beside the answer, whole and streamed, and a tool shows it. It passed as the model wrote it: the prompt's
 * placeholders unrestored and personal data the model added unscanned — under {@code pii.output: redact} unredacted, and
 * in a stream through the plain-event fast path. It is now restored, counted and redacted like a refusal's text.
 * Upstream answers in the providers' wire formats: wire/vllm/chat-reasoning*, wire/ollama/chat-thinking*; the prompt's
 * address becomes {@code [EMAIL_1]}, the model adds {@code p.smit@example.nl} in its reasoning only.
 */
class ReasoningTextTest extends RecordedAnswerTest {


    private HttpResponse<String> ask(String provider, String recording, String useCase) throws Exception {
        RecordedAnswers.answer(upstream, provider, recording);
        boolean stream = recording.endsWith(".sse");
        ObjectNode body = request(stream);
        return send(body, useCase);
    }

    /**
     * A reasoning model of Mistral's (Magistral) answers with {@code content} as an array of chunks, thinking and text,
     * whole and streamed: the answer itself passed unrestored and unscanned. The tool gets OpenAI's string content and
     * the thinking as {@code reasoning_content}, both restored, counted and redacted.
     */
    @ParameterizedTest
    @CsvSource({"chat-thinking.json", "chat-thinking-stream.sse"})
    void contentAsChunksIsReadAsTextAndItsThinkingAsReasoning(String recording) throws Exception {
        HttpResponse<String> redacted = ask("mistral", recording, REDACT);
        assertThat(reasoning(redacted, recording, "reasoning_content"))
                .isEqualTo("De aanvrager is anna@example.nl. Een collega, [EMAIL], behandelt dit.");
        assertThat(reasoning(redacted, recording, "content")).startsWith("Uw aanvraag is bevestigd, anna@example.nl.\n\n---\nAI-tekst");
        assertThat(redacted.body()).doesNotContain("p.smit").doesNotContain("EMAIL_1");

        HttpResponse<String> flagged = ask("mistral", recording, FLAG);
        assertThat(reasoning(flagged, recording, "reasoning_content")).contains("p.smit@example.nl");
        assertThat(audit(flagged).get("OUTPUT_ENTITY_COUNTS"))
                .isEqualTo("{\"EMAIL\":1}");
    }

    /**
     * A server that sends {@code "tool_calls": []} in every delta: the answer has not begun, so the reasoning is still
     * scanned across its deltas (the address arrives in two).
     */
    @Test
    void anEmptyToolCallListBesideTheReasoningDoesNotCutItsScan() throws Exception {
        String sse = Files.readString(Path.of("src/test/resources/wire/vllm/chat-reasoning-stream.sse"))
                .replace("{\"reasoning_content\":", "{\"tool_calls\":[],\"reasoning_content\":");
        upstream.stubFor(post("/v1/chat/completions").willReturn(
                aResponse().withHeader("Content-Type", "text/event-stream").withBody(sse)));
        assertThat(reasoning(send(request(true), REDACT), ".sse", "reasoning_content"))
                .isEqualTo("De aanvrager is anna@example.nl. Een collega, [EMAIL], behandelt dit.");
    }

    /** The reasoning as the tool reads it: the message's field, or a stream's deltas of that field put together. */
    private static String reasoning(HttpResponse<String> r, String recording, String field) throws Exception {
        if (!recording.endsWith(".sse")) {
            return parse(r.body()).at("/choices/0/message/" + field).asText();
        }
        StringBuilder text = new StringBuilder();
        List<JsonNode> chunks = RecordedAnswers.chunks(r);
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/" + field).asText("")));
        return text.toString();
    }

    @ParameterizedTest
    @CsvSource({"vllm, chat-reasoning.json, reasoning_content", "vllm, chat-reasoning-stream.sse, reasoning_content",
            "ollama, chat-thinking.json, reasoning", "ollama, chat-thinking-stream.sse, reasoning"})
    void reasoningBesideTheAnswerIsRestoredCountedAndRedacted(String provider, String recording, String field) throws Exception {
        HttpResponse<String> redacted = ask(provider, recording, REDACT);
        assertThat(reasoning(redacted, recording, field))
                .isEqualTo("De aanvrager is anna@example.nl. Een collega, [EMAIL], behandelt dit.");
        assertThat(redacted.body()).doesNotContain("p.smit");
        if (recording.endsWith(".sse")) {
            // what the scan held of the reasoning goes before the answer's text, not after it
            List<JsonNode> chunks = RecordedAnswers.chunks(redacted);
            int lastReasoning = 0;
            int firstText = chunks.size();
            for (int i = 0; i < chunks.size(); i++) {
                lastReasoning = chunks.get(i).at("/choices/0/delta/" + field).asText("").isEmpty() ? lastReasoning : i;
                firstText = chunks.get(i).at("/choices/0/delta/content").asText("").isEmpty() ? firstText : Math.min(firstText, i);
            }
            assertThat(lastReasoning).isLessThanOrEqualTo(firstText);
        }

        HttpResponse<String> flagged = ask(provider, recording, FLAG);
        assertThat(reasoning(flagged, recording, field))
                .isEqualTo("De aanvrager is anna@example.nl. Een collega, p.smit@example.nl, behandelt dit.");
        assertThat(audit(flagged).get("OUTPUT_ENTITY_COUNTS"))
                .as("the address the model added in its reasoning").isEqualTo("{\"EMAIL\":1}");
    }
}
