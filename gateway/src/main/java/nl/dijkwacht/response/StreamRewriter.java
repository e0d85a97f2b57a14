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
import nl.dijkwacht.pii.anonymize.StreamTransformer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Rewrites a streamed answer chunk by chunk on its way to the tool: restores placeholders per choice while
 * holding back only a possible unfinished placeholder, runs the output scan (with {@code pii.output: redact} it holds
 * back a bounded tail, {@link StreamingOutputScan}), puts the disclaimer in a last content chunk before the one that
 * carries {@code finish_reason} (plain-text answers only) and the extension field {@value ReplyRewriter#EXTENSION} on
 * the chunk that finishes the last choice the tool asked for, and drops the usage chunk the gateway asked for when the
 * tool did not. A refusal's text is restored and scanned like content, in a row of its own, and gets no disclaimer.
 * Tool-call arguments are held until the call is complete when placeholders must be restored or personal data redacted
 * in them (inside JSON strings); otherwise they pass at once and a copy is scanned at the end, to be counted.
 *
 * <p>The first answer text is sent at once ({@link ChunkOutput#flush}), whatever the relay has at hand behind it: it is
 * the moment the tool shows that an answer is coming. Later chunks wait for the relay's flush before a read that may
 * wait for the upstream, so that events that arrived together share one write.
 */
public final class StreamRewriter implements ChunkSink {

    /** Tool-call arguments kept for the count-only scan; longer arguments are scanned up to here. */
    private static final int MAX_SCANNED_ARGUMENTS = 1_000_000;

    private final Exchange exchange;
    private final ChunkOutput out;
    private final ObjectMapper json;
    private final boolean restore;
    private final boolean toolWantsUsage;
    private final Disclaimer disclaimer;
    private final OutputScan.Bound outputScan;
    private final boolean holdArguments;
    private final Map<Integer, ChoiceState> choices = new HashMap<>();
    private ObjectNode template;
    private boolean extensionSent;
    /** The choices the tool asked for ({@code n}) and how many have finished; whether any got the disclaimer in its text. */
    private final int expectedChoices;
    private int finishedChoices;
    private boolean noteInAnyContent;
    private boolean textSent;

    /** @param outputScan the output scan of this answer; null for the dry-run model, whose answer is the prompt */
    public StreamRewriter(Exchange exchange, ChunkOutput out, Disclaimer disclaimer, OutputScan.Bound outputScan, ObjectMapper json) {
        this.outputScan = outputScan;
        this.exchange = exchange;
        this.out = out;
        this.json = json;
        this.disclaimer = disclaimer;
        this.restore = ReplyRewriter.shouldRestore(exchange);
        this.toolWantsUsage = exchange.request().includeUsageInStream();
        this.holdArguments = restore || (outputScan != null && outputScan.redacts());
        this.expectedChoices = Math.max(1, exchange.request().body().path("n").asInt(1));
    }

    @Override
    public void open() {
        out.start();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        pending(chunk);
        out.flush();
    }

    /** Rewrites the chunk; what it gives (the chunk, and a held tail with the disclaimer before it) waits for {@link #flush}. */
    @Override
    public void pending(ObjectNode chunk) {
        if (template == null) {
            template(chunk);
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
            }
        }
        // on the chunk that finishes the last choice the tool asked for: only then is it known whether any got the note
        if (!extensionSent && finishedChoices >= expectedChoices) {
            extension(chunk, noteInAnyContent);
        }
        out.pending(chunk);
        if (!textSent) {
            for (JsonNode choice : chunk.path("choices")) {
                if (!choice.path("delta").path("content").asText("").isEmpty()) {
                    sentText();
                    break;
                }
            }
        }
    }

    /**
     * A plain text event is restored and scanned like any other; when that leaves its text as it was, the chunk goes on
     * as it came, else its tree with the new text. When it is the stream's first event, the template is taken from it
     * only after it was handed on (and, with answer text, sent): the tool's first text does not wait for a tree.
     */
    @Override
    public void pending(RawChunk chunk) {
        String text = chunk.plainContent();
        if (text == null) {
            pending(chunk.tree());
            return;
        }
        boolean first = template == null;
        if (!text.isEmpty()) {
            String ready = state(0).content(text, restore);
            if (!ready.equals(text)) {
                ObjectNode tree = chunk.tree();
                if (first) {
                    template(tree);
                }
                ((ObjectNode) tree.path("choices").path(0).path("delta")).put("content", ready);
                out.pending(tree);
                if (!ready.isEmpty()) {
                    sentText();
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
            state(0).saw(delta);
        }
        out.pending(chunk);
        if (!text.isEmpty()) {
            sentText();
        }
        if (first) {
            template(chunk.tree());
        }
    }

    /** The stream's first chunk without its choices and usage: the frame of the chunks the gateway makes itself. */
    private void template(ObjectNode first) {
        template = first.deepCopy();
        template.remove("usage");
        template.remove("choices");
    }

    /** A chunk with answer text was handed on: the first one is sent at once. */
    private void sentText() {
        if (!textSent) {
            textSent = true;
            out.flush();
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    private ChoiceState state(int index) {
        ChoiceState state = choices.get(index);
        if (state == null) {
            state = newState();
            choices.put(index, state);
        }
        return state;
    }

    private ChoiceState newState() {
        return new ChoiceState(new PlaceholderRestorer(exchange.vault()), outputScan == null ? null : outputScan.stream(), this::newState);
    }

    /** @return when this chunk finished the choice: whether the disclaimer went into its content; else null */
    private Boolean rewriteChoice(ObjectNode choice) {
        int index = choice.path("index").asInt();
        ChoiceState state = state(index);
        if (choice.get("delta") instanceof ObjectNode delta) {
            state.saw(delta);
            JsonNode content = delta.get("content");
            if (content != null && content.isTextual() && !content.asText().isEmpty()) {
                delta.put("content", state.content(content.asText(), restore));
            }
            JsonNode refusal = delta.get("refusal");
            if (refusal != null && refusal.isTextual() && !refusal.asText().isEmpty()) {
                delta.put("refusal", state.refusal().content(refusal.asText(), restore));
            }
            if (delta.get("tool_calls") instanceof ArrayNode calls && !calls.isEmpty()) {
                state.sawToolCalls = true;
                collectToolArguments(calls, state);
            }
        }
        JsonNode finish = choice.get("finish_reason");
        if (finish != null && !finish.isNull() && !state.flushed) {
            // text in the finishing chunk itself goes out before the disclaimer, in the flushed chunk
            String carried = null;
            String carriedRefusal = null;
            if (choice.get("delta") instanceof ObjectNode delta) {
                if (delta.path("content").isTextual()) {
                    carried = delta.get("content").asText();
                    delta.remove("content");
                }
                if (delta.path("refusal").isTextual()) {
                    carriedRefusal = delta.get("refusal").asText();
                    delta.remove("refusal");
                }
            }
            return flushChoice(index, state, carried, carriedRefusal);
        }
        return null;
    }

    private void collectToolArguments(ArrayNode calls, ChoiceState state) {
        for (JsonNode call : calls) {
            if (call.get("function") instanceof ObjectNode function && function.path("arguments").isTextual()) {
                StringBuilder arguments = state.toolArguments.computeIfAbsent(call.path("index").asInt(), i -> new StringBuilder());
                String part = function.get("arguments").asText();
                if (holdArguments) {
                    arguments.append(part);
                    function.put("arguments", "");
                } else if (outputScan != null && arguments.length() + part.length() <= MAX_SCANNED_ARGUMENTS) {
                    arguments.append(part);
                }
            }
        }
    }

    /**
     * Emits what the choice still holds: the restorer's and the scan's tails, the disclaimer, complete tool-call
     * arguments. @return whether the disclaimer went into the content
     */
    private boolean flushChoice(int index, ChoiceState state, String carried, String carriedRefusal) {
        if (state.flushed) {
            return false;
        }
        state.flushed = true;
        StringBuilder tail = new StringBuilder(carried == null ? "" : carried);
        state.finish(restore, tail);
        // the disclaimer names the model on the exchange now: after a fallback, the one that answered
        String note = ReplyRewriter.structured(exchange) ? "" : disclaimer.textFor(exchange);
        if (restore) {
            exchange.placeholders(state.restorer.restoredCount(), state.restorer.unknownCount());
        }
        boolean noteInContent = state.sawContent && !state.sawToolCalls && !state.sawRefusal && !note.isEmpty();
        if (noteInContent) {
            tail.append(note);
        }
        if (!tail.isEmpty()) {
            ObjectNode extra = newChunk(index);
            ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta").put("content", tail.toString());
            out.pending(extra);
        }
        StringBuilder refusalTail = new StringBuilder(carriedRefusal == null ? "" : carriedRefusal);
        if (state.refusal != null) {
            state.refusal.finish(restore, refusalTail);
            if (restore) {
                exchange.placeholders(state.refusal.restorer.restoredCount(), state.refusal.restorer.unknownCount());
            }
        }
        if (!refusalTail.isEmpty()) {
            ObjectNode extra = newChunk(index);
            ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta").put("refusal", refusalTail.toString());
            out.pending(extra);
        }
        if (!state.toolArguments.isEmpty()) {
            if (holdArguments) {
                ObjectNode extra = newChunk(index);
                ArrayNode calls = ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta").putArray("tool_calls");
                state.toolArguments.forEach((toolIndex, arguments) -> calls.addObject()
                        .put("index", toolIndex)
                        .putObject("function").put("arguments", rewriteArguments(arguments.toString())));
                out.pending(extra);
            } else {
                state.toolArguments.values().forEach(arguments -> outputScan.applyToArguments(arguments.toString(), json));
            }
        }
        return noteInContent;
    }

    /** Tool-call arguments are JSON: values are restored JSON-escaped, so a quote in a value cannot break them. */
    private String rewriteArguments(String arguments) {
        String rewritten = arguments;
        if (restore) {
            PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
            rewritten = restorer.restoreAllInJson(arguments);
            exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        }
        return outputScan == null ? rewritten : outputScan.applyToArguments(rewritten, json);
    }

    private void extension(ObjectNode chunk, boolean inContent) {
        ReplyRewriter.putExtension(chunk, exchange, disclaimer, inContent);
        extensionSent = true;
    }

    private ObjectNode newChunk(int index) {
        ObjectNode chunk = template == null ? json.createObjectNode() : template.deepCopy();
        chunk.putArray("choices").addObject().put("index", index);
        return chunk;
    }

    @Override
    public void complete() {
        boolean[] inContent = {noteInAnyContent};
        choices.forEach((index, state) -> inContent[0] |= flushChoice(index, state, null, null));
        if (!extensionSent) {
            ObjectNode last = template == null ? json.createObjectNode() : template.deepCopy();
            last.putArray("choices");
            extension(last, inContent[0]);
            out.pending(last);
        }
        out.done();
    }

    /** One choice of the stream: its restorer and output scan in a row, and what it still holds. */
    private static final class ChoiceState {
        final PlaceholderRestorer restorer;
        final StreamTransformer scan;
        final Map<Integer, StringBuilder> toolArguments = new HashMap<>();
        boolean sawContent;
        boolean sawToolCalls;
        boolean sawRefusal;
        boolean flushed;
        /** The refusal's text, restored and scanned like content in a row of its own; made with the first refusal text. */
        ChoiceState refusal;
        /** What the restorer and the scan give for one chunk; kept for the choice's chunks, as is the scan's sink. */
        private final Pieces ready = new Pieces();
        private final java.util.function.Consumer<String> toScan = this::scanned;

        private final java.util.function.Supplier<ChoiceState> another;

        ChoiceState(PlaceholderRestorer restorer, StreamTransformer scan, java.util.function.Supplier<ChoiceState> another) {
            this.restorer = restorer;
            this.scan = scan;
            this.another = another;
        }

        ChoiceState refusal() {
            if (refusal == null) {
                refusal = another.get();
            }
            return refusal;
        }

        /**
         * What kind of answer a delta makes this choice: text, even an empty one (as a whole answer's {@code "content": ""}
         * is), gets the disclaimer; a refusal does not (its content is null, as in a whole answer).
         */
        void saw(JsonNode delta) {
            sawContent |= delta.path("content").isTextual();
            sawRefusal |= delta.path("refusal").isTextual() && !delta.path("refusal").asText().isEmpty();
        }

        /** Non-empty content text: restored, then scanned. @return what may go to the tool now */
        String content(String text, boolean restore) {
            sawContent = true;
            ready.clear();
            if (restore) {
                restorer.onChunk(text, toScan);
            } else {
                scanned(text);
            }
            return ready.text();
        }

        /** What the restorer and the scan still hold, appended to {@code out}. */
        void finish(boolean restore, StringBuilder out) {
            ready.clear();
            if (restore) {
                restorer.onComplete(toScan);
            }
            if (scan != null) {
                scan.onComplete(ready);
            }
            out.append(ready.text());
        }

        private void scanned(String text) {
            if (scan == null) {
                ready.accept(text);
            } else {
                scan.onChunk(text, ready);
            }
        }
    }

    /** The pieces of text one step gives, in order; a single piece (the usual) stays that string, more are joined. */
    private static final class Pieces implements java.util.function.Consumer<String> {
        private String first;
        private StringBuilder joined;

        void clear() {
            first = null;
            joined = null;
        }

        @Override
        public void accept(String piece) {
            if (first == null) {
                first = piece;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(first);
                }
                joined.append(piece);
            }
        }

        String text() {
            return joined != null ? joined.toString() : first == null ? "" : first;
        }
    }
}
