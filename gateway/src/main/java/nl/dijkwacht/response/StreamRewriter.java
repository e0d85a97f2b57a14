package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Rewrites a streamed answer chunk by chunk on its way to the tool: restores placeholders per choice while
 * holding back only a possible unfinished placeholder, runs the output scan (with {@code pii.output: redact} it holds
 * back a bounded tail, {@link StreamingOutputScan}) — both in {@link StreamedText} — puts the disclaimer in a last
 * content chunk before the one that carries {@code finish_reason} (plain-text answers only) and the extension field
 * {@value ReplyRewriter#EXTENSION} on the chunk that finishes the last choice the tool asked for, and drops the usage
 * chunk the gateway asked for when the tool did not. A refusal's text is restored and scanned like content, in a row of
 * its own, and gets no disclaimer; so is a spoken answer's transcript ({@code delta.audio.transcript}), which gets the
 * disclaimer when the choice has no text content. A web-search citation's title is restored and scanned whole
 * ({@link WebCitations}). Tool-call arguments are held until the call is complete when placeholders must be
 * restored or personal data redacted in them ({@link HeldToolArguments}). A JSON-mode answer's text
 * ({@code response_format}, the Responses API's {@code text.format}) is scanned as JSON like them, as the whole answer is
 * (json27, {@link HeldJsonAnswer}).
 *
 * <p>The first answer text is sent at once ({@link StreamEvents#sentText}), whatever the relay has at hand behind it: it is
 * the moment the tool shows that an answer is coming. Later chunks wait for the relay's flush before a read that may
 * wait for the upstream, so that events that arrived together share one write.
 */
public final class StreamRewriter implements ChunkSink {

    /** Default of {@code dijkwacht.max-held-tool-arguments}: the default request body limit (1 MiB), in characters. */
    public static final int DEFAULT_MAX_HELD_ARGUMENTS = 1024 * 1024;

    private final Exchange exchange;
    private final StreamEvents events;
    private final ObjectMapper json;
    private final boolean restore;
    private final boolean toolWantsUsage;
    private final Disclaimer disclaimer;
    private final OutputScan.Bound outputScan;
    private final HeldToolArguments heldArguments;
    /** A JSON-mode answer ({@code response_format}, the Responses API's {@code text.format}): its content is JSON. */
    private final boolean structured;
    private final Map<Integer, StreamedChoice> choices = new HashMap<>();
    /** A search model's lists, which come again in every event (answer49). */
    private final SearchResults.Repeats searchResults = new SearchResults.Repeats();
    private boolean extensionSent;
    /** The choices the tool asked for ({@code n}) and how many have finished; whether any got the disclaimer in its text. */
    private final int expectedChoices;
    private int finishedChoices;
    private boolean noteInAnyContent;

    /** @param outputScan the output scan of this answer; null for the dry-run model, whose answer is the prompt */
    public StreamRewriter(Exchange exchange, ChunkOutput out, Disclaimer disclaimer, OutputScan.Bound outputScan, ObjectMapper json) {
        this(exchange, out, disclaimer, outputScan, json, DEFAULT_MAX_HELD_ARGUMENTS);
    }

    /** @param maxHeldArguments tool-call arguments held at most, in characters, before the stream is ended */
    public StreamRewriter(Exchange exchange, ChunkOutput out, Disclaimer disclaimer, OutputScan.Bound outputScan, ObjectMapper json,
                          int maxHeldArguments) {
        this(exchange, out, disclaimer, outputScan, json, maxHeldArguments, HeldArguments.unbounded());
    }

    /** @param replicaHeld the bound over all streams of the replica; what this stream takes of it is given back at {@link #close} */
    public StreamRewriter(Exchange exchange, ChunkOutput out, Disclaimer disclaimer, OutputScan.Bound outputScan, ObjectMapper json,
                          int maxHeldArguments, HeldArguments replicaHeld) {
        this.outputScan = outputScan;
        this.exchange = exchange;
        this.events = new StreamEvents(out, json);
        this.json = json;
        this.disclaimer = disclaimer;
        this.restore = ReplyRewriter.shouldRestore(exchange);
        this.toolWantsUsage = exchange.request().includeUsageInStream();
        this.heldArguments = new HeldToolArguments(exchange, restore, outputScan, json, maxHeldArguments, replicaHeld);
        this.expectedChoices = Math.max(1, exchange.request().body().path("n").asInt(1));
        this.structured = ReplyRewriter.structured(exchange);
    }

    @Override
    public void open() {
        events.start();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        pending(chunk);
        events.flush();
    }

    /** Rewrites the chunk; what it gives (the chunk, and a held tail with the disclaimer before it) waits for {@link #flush}. */
    @Override
    public void pending(ObjectNode chunk) {
        boolean redacts = outputScan != null && outputScan.redacts();
        if (redacts) {
            UnknownFieldsUnderRedact.drop(chunk, exchange, false); // only known fields pass under redact (answer48)
        }
        searchResults.rewrite(chunk, t -> StreamedText.whole(t, exchange, restore, outputScan), redacts, exchange);
        if (!events.framed()) {
            events.frame(chunk);
        }
        JsonNode usage = chunk.get("usage");
        if (usage != null && usage.isObject()) {
            exchange.usage(usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
            if (!toolWantsUsage) {
                chunk.remove("usage");
                if (chunk.path("choices").isEmpty()) {
                    return;
                }
            }
        }
        for (JsonNode node : chunk.path("choices")) {
            if (node instanceof ObjectNode choice) {
                Boolean flushed = rewriteChoice(choice);
                if (flushed != null) {
                    finishedChoices++;
                    noteInAnyContent |= flushed;
                }
                if (redacts && choice.hasNonNull("message")) {
                    // only a chunk that carries the text so far (Perplexity) pays for the copy of what was delivered:
                    // asked on every chunk, it copied the whole answer so far each time (perf50)
                    UnknownFieldsUnderRedact.textSoFar(choice, choices.get(choice.path("index").asInt()).content.delivered(), exchange);
                }
            }
        }
        // on the chunk that finishes the last choice the tool asked for: only then is it known whether any got the note
        if (!extensionSent && finishedChoices >= expectedChoices) {
            extension(chunk, noteInAnyContent);
        }
        events.pending(chunk);
        if (!events.textSent()) {
            for (JsonNode choice : chunk.path("choices")) {
                if (!choice.path("delta").path("content").asText("").isEmpty()) {
                    events.sentText();
                    break;
                }
            }
        }
    }

    /**
     * A plain text event is restored and scanned like any other; when that leaves its text as it was, the chunk goes on
     * as it came, else its tree with the new text. When it is the stream's first event, the frame is taken from it
     * only after it was handed on (and, with answer text, sent): the tool's first text does not wait for a tree.
     */
    @Override
    public void pending(RawChunk chunk) {
        String text = chunk.plainContent();
        // a reasoning row still held is finished where the answer begins, which the tree path sees (review47)
        if (text == null || choices.containsKey(0) && choices.get(0).reasoningHeld()) {
            pending(chunk.tree());
            return;
        }
        boolean first = !events.framed();
        if (!text.isEmpty()) {
            String ready = choice(0).content(text, restore);
            if (!ready.equals(text)) {
                ObjectNode tree = chunk.tree();
                if (first) {
                    events.frame(tree);
                }
                ((ObjectNode) tree.path("choices").path(0).path("delta")).put("content", ready);
                events.pending(tree);
                if (!ready.isEmpty()) {
                    events.sentText();
                }
                return;
            }
        } else {
            // no text: the content was "", null or absent, maybe beside a refusal; which decides the disclaimer (the tree says)
            JsonNode delta = chunk.tree().path("choices").path(0).path("delta");
            if (delta.path("refusal").isTextual() && !delta.path("refusal").asText().isEmpty()) {
                pending(chunk.tree()); // a refusal's text is restored and scanned like content
                return;
            }
            choice(0).saw(delta);
        }
        events.pending(chunk);
        if (!text.isEmpty()) {
            events.sentText();
        }
        if (first) {
            events.frame(chunk.tree());
        }
    }

    @Override
    public void flush() {
        events.flush();
    }

    private StreamedChoice choice(int index) {
        StreamedChoice choice = choices.get(index);
        if (choice == null) {
            // a choice's content is JSON in JSON mode; its refusal is always text
            choice = new StreamedChoice(text(structured, rewritesText()), () -> text(false, false));
            choices.put(index, choice);
        }
        return choice;
    }

    private StreamedText text(boolean jsonContent, boolean keepTexts) {
        HeldJsonAnswer jsonHold = jsonContent && outputScan != null ? new HeldJsonAnswer(outputScan.redacts(), this::scanJson) : null;
        return new StreamedText(new PlaceholderRestorer(exchange.vault(), jsonContent), outputScan == null ? null : outputScan.stream(),
                jsonHold, keepTexts);
    }

    /** Whether the answer's text can change on its way (placeholders restored, personal data redacted). */
    private boolean rewritesText() {
        return restore || outputScan != null && outputScan.redacts();
    }

    /** A whole JSON-mode answer, scanned as {@link ReplyRewriter} scans one: value by value, or as text if it is not JSON. */
    private String scanJson(String content) {
        return outputScan.applyToArguments(content, json);
    }

    /** @return when this chunk finished the choice: whether the disclaimer went into its content; else null */
    private Boolean rewriteChoice(ObjectNode node) {
        int index = node.path("index").asInt();
        StreamedChoice choice = choice(index);
        AnswerTokens.dropUnasked(node, exchange, outputScan);
        if (restore && (node.hasNonNull("logprobs") || choice.tokens != null)) {
            // the tokens spell the text the tool gets: a placeholder's pieces held until whole, then one token (answer48)
            if (choice.tokens == null) {
                choice.tokens = new RestoredTokens(exchange.vault());
            }
            choice.tokens.next(node, node.hasNonNull("finish_reason"));
        }
        if (node.get("delta") instanceof ObjectNode delta) {
            ContentChunks.flatten(delta);
            choice.saw(delta);
            JsonNode content = delta.get("content");
            if (content != null && content.isTextual() && !content.asText().isEmpty()) {
                delta.put("content", choice.content(content.asText(), restore));
            }
            JsonNode refusal = delta.get("refusal");
            boolean answerBegins = content != null && content.isTextual() && !content.asText().isEmpty()
                    || refusal != null && refusal.isTextual() && !refusal.asText().isEmpty()
                    || delta.path("tool_calls").isArray() && !delta.path("tool_calls").isEmpty();
            if (refusal != null && refusal.isTextual() && !refusal.asText().isEmpty()) {
                delta.put("refusal", choice.refusal(refusal.asText(), restore));
            }
            // reasoning beside the answer (vLLM, Ollama): a row per field, finished when the answer begins (review47)
            for (String field : ReasoningText.FIELDS) {
                if (ReasoningText.nonEmpty(delta, field)) {
                    delta.put(field, choice.reasoning(field, delta.get(field).asText(), restore));
                }
            }
            if (answerBegins && choice.reasoningHeld()) {
                choice.finishReasoning(delta, restore, exchange);
            }
            if (delta.get("audio") instanceof ObjectNode audio && outputScan != null && outputScan.redacts()) {
                SpeechUnderRedact.drop(audio);
            }
            if (delta.get("audio") instanceof ObjectNode audio && audio.path("transcript").isTextual()
                    && !audio.get("transcript").asText().isEmpty()) {
                audio.put("transcript", choice.transcript(audio.get("transcript").asText(), restore));
            }
            // each annotation arrives whole, in one delta
            WebCitations.rewriteTitles(delta, title -> StreamedText.whole(title, exchange, restore, outputScan));
            // their spans count in the model's whole text: held until the content is finished, then moved (answer47)
            if (rewritesText() && delta.get("annotations") instanceof ArrayNode annotations) {
                if (choice.annotations == null) {
                    choice.annotations = json.createArrayNode();
                }
                choice.annotations.addAll(annotations);
                delta.remove("annotations");
            }
            choice.sawToolCalls |= choice.toolCalls.collect(delta, heldArguments);
        }
        JsonNode finish = node.get("finish_reason");
        if (finish != null && !finish.isNull() && !choice.flushed) {
            // text in the finishing chunk itself goes out before the disclaimer, in the flushed chunk
            String carried = null;
            String carriedRefusal = null;
            String carriedTranscript = null;
            ObjectNode carriedReasoning = json.createObjectNode();
            if (node.get("delta") instanceof ObjectNode delta) {
                for (String field : ReasoningText.FIELDS) {
                    if (delta.path(field).isTextual()) {
                        carriedReasoning.set(field, delta.remove(field));
                    }
                }
                if (delta.path("content").isTextual()) {
                    carried = delta.get("content").asText();
                    delta.remove("content");
                }
                if (delta.path("refusal").isTextual()) {
                    carriedRefusal = delta.get("refusal").asText();
                    delta.remove("refusal");
                }
                if (delta.get("audio") instanceof ObjectNode audio && audio.path("transcript").isTextual()) {
                    carriedTranscript = audio.get("transcript").asText();
                    audio.remove("transcript");
                }
            }
            return flushChoice(index, choice, carried, carriedRefusal, carriedTranscript, carriedReasoning, false);
        }
        return null;
    }

    /**
     * Emits what the choice still holds: the restorer's and the scan's tails, the disclaimer, complete tool-call
     * arguments ({@code broken}: the upstream broke off, neither the disclaimer nor tool-call arguments).
     * @return whether the disclaimer went into the content (or a spoken answer's transcript)
     */
    private boolean flushChoice(int index, StreamedChoice choice, String carried, String carriedRefusal, String carriedTranscript,
                                ObjectNode carriedReasoning, boolean broken) {
        if (choice.flushed) {
            return false;
        }
        choice.flushed = true;
        // the reasoning came before the answer: what its rows held goes first
        choice.finishReasoning(carriedReasoning, restore, exchange);
        if (!carriedReasoning.isEmpty()) {
            events.choiceEvent(index, delta -> delta.setAll(carriedReasoning));
        }
        StringBuilder tail = new StringBuilder(carried == null ? "" : carried);
        choice.content.finish(restore, tail);
        // the disclaimer names the model on the exchange now: after a fallback, the one that answered
        String note = broken || ReplyRewriter.structured(exchange) ? "" : disclaimer.textFor(exchange);
        if (restore) {
            exchange.placeholders(choice.content.restorer.restoredCount(), choice.content.restorer.unknownCount());
        }
        boolean noteInContent = choice.sawContent && !choice.sawToolCalls && !choice.sawRefusal && !note.isEmpty();
        if (noteInContent) {
            tail.append(note);
        }
        if (!tail.isEmpty()) {
            events.choiceEvent(index, delta -> delta.put("content", tail.toString()));
        }
        if (choice.tokens != null) {
            // no finishing chunk took them (a stream ended by [DONE] or its end alone): they spell the tail just sent
            var heldTokens = choice.tokens.rest();
            if (!heldTokens.isEmpty()) {
                events.tokensEvent(index, heldTokens);
            }
        }
        if (choice.annotations != null) {
            exchange.citationsDropped(choice.content.moveCitations(choice.annotations));
            events.choiceEvent(index, delta -> delta.set("annotations", choice.annotations));
        }
        StringBuilder refusalTail = new StringBuilder(carriedRefusal == null ? "" : carriedRefusal);
        StreamedText refusal = choice.refusal();
        if (refusal != null) {
            refusal.finish(restore, refusalTail);
            if (restore) {
                exchange.placeholders(refusal.restorer.restoredCount(), refusal.restorer.unknownCount());
            }
        }
        if (!refusalTail.isEmpty()) {
            events.choiceEvent(index, delta -> delta.put("refusal", refusalTail.toString()));
        }
        // a spoken answer's transcript: its text when there is no text content, so the note goes there (redteam45)
        StringBuilder transcriptTail = new StringBuilder(carriedTranscript == null ? "" : carriedTranscript);
        StreamedText transcript = choice.transcript();
        if (transcript != null) {
            transcript.finish(restore, transcriptTail);
            if (restore) {
                exchange.placeholders(transcript.restorer.restoredCount(), transcript.restorer.unknownCount());
            }
        }
        boolean noteInTranscript = choice.sawTranscript && !choice.sawContent && !choice.sawToolCalls && !choice.sawRefusal
                && !note.isEmpty();
        if (noteInTranscript) {
            transcriptTail.append(note);
        }
        if (!transcriptTail.isEmpty()) {
            events.choiceEvent(index, delta -> delta.putObject("audio").put("transcript", transcriptTail.toString()));
        }
        if (!choice.toolCalls.isEmpty() && !broken) {
            if (heldArguments.holds()) {
                events.choiceEvent(index, delta -> choice.toolCalls.release(heldArguments, delta, json));
            } else {
                choice.toolCalls.count(heldArguments);
            }
        }
        return noteInContent || noteInTranscript;
    }

    private void extension(ObjectNode chunk, boolean inContent) {
        ReplyRewriter.putExtension(chunk, exchange, disclaimer, inContent);
        extensionSent = true;
    }

    /**
     * The upstream's stream broke off (answer49: what the choices held — a possible placeholder or identifier split across
     * chunks, the scan's tail, a reasoning row, the tokens — was dropped): it is finished, scanned and sent as at a
     * finishing chunk, so the tool has the words the model wrote until the break (redacted where they must be) and the
     * record, which keeps what was delivered, says the same. No disclaimer (the answer is not finished) and no held
     * tool-call arguments (a call cut off is no call).
     */
    @Override
    public void broken() {
        if (choices.isEmpty()) {
            return;
        }
        choices.forEach((index, choice) -> flushChoice(index, choice, null, null, null, json.createObjectNode(), true));
        events.flush();
    }

    @Override
    public void complete() {
        boolean[] inContent = {noteInAnyContent};
        choices.forEach((index, choice) -> inContent[0] |= flushChoice(index, choice, null, null, null, json.createObjectNode(), false));
        if (!extensionSent) {
            ObjectNode last = events.lastChunk();
            extension(last, inContent[0]);
            events.pending(last);
        }
        close(); // before [DONE]: the arguments have gone out
        events.done();
    }

    /** The stream is over, however it ended: what it held of the replica's bound is given back. Idempotent. */
    @Override
    public void close() {
        heldArguments.close();
    }
}
