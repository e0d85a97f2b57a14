package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import nl.dijkwacht.invoke.AnswerTooLargeException;
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
 * in them (inside JSON strings); otherwise they pass at once and a copy is scanned at the end, to be counted. A JSON-mode
 * answer's text ({@code response_format}, the Responses API's {@code text.format}) is scanned as JSON like them, as the
 * whole answer is (json27): with {@code redact} held until its choice ends and then given as one delta, with {@code flag}
 * passed at once and a copy counted at the end; beyond {@value #MAX_HELD_JSON} characters it is scanned as text.
 *
 * <p>The first answer text is sent at once ({@link ChunkOutput#flush}), whatever the relay has at hand behind it: it is
 * the moment the tool shows that an answer is coming. Later chunks wait for the relay's flush before a read that may
 * wait for the upstream, so that events that arrived together share one write.
 */
public final class StreamRewriter implements ChunkSink {

    /** Tool-call arguments kept for the count-only scan; longer arguments are scanned up to here. */
    private static final int MAX_SCANNED_ARGUMENTS = 1_000_000;
    /**
     * A JSON-mode answer's text held (with {@code redact}) or copied (with {@code flag}, to be counted) per choice to be
     * scanned value by value at its end; beyond this many characters it is scanned as text instead (json27).
     */
    static final int MAX_HELD_JSON = 1_000_000;
    /** The key of a legacy {@code function_call}'s arguments among a choice's held tool-call arguments (tool indexes are ≥ 0). */
    private static final int LEGACY_CALL = -1;

    /** Default of {@code dijkwacht.max-held-tool-arguments}: the default request body limit (1 MiB), in characters. */
    public static final int DEFAULT_MAX_HELD_ARGUMENTS = 1024 * 1024;

    private final Exchange exchange;
    private final ChunkOutput out;
    /** Tool-call arguments held (all calls of all choices together) at most; beyond, the stream ends (json28). */
    private final int maxHeldArguments;
    private long heldArguments;
    /** The replica's bound over all streams' held arguments: {@link #heldArguments} of it are this stream's until it ends. */
    private final HeldArguments replicaHeld;
    private long takenFromReplica;
    private final ObjectMapper json;
    private final boolean restore;
    private final boolean toolWantsUsage;
    private final Disclaimer disclaimer;
    private final OutputScan.Bound outputScan;
    private final boolean holdArguments;
    /** A JSON-mode answer ({@code response_format}, the Responses API's {@code text.format}): its content is JSON. */
    private final boolean structured;
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
        this.maxHeldArguments = maxHeldArguments;
        this.replicaHeld = replicaHeld;
        this.outputScan = outputScan;
        this.exchange = exchange;
        this.out = out;
        this.json = json;
        this.disclaimer = disclaimer;
        this.restore = ReplyRewriter.shouldRestore(exchange);
        this.toolWantsUsage = exchange.request().includeUsageInStream();
        this.holdArguments = restore || (outputScan != null && outputScan.redacts());
        this.expectedChoices = Math.max(1, exchange.request().body().path("n").asInt(1));
        this.structured = ReplyRewriter.structured(exchange);
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

    /** A choice's state: its content is JSON in JSON mode; its refusal (made by {@code another}) is always text. */
    private ChoiceState newState() {
        return newState(structured);
    }

    private ChoiceState newState(boolean jsonContent) {
        JsonHold jsonHold = jsonContent && outputScan != null ? new JsonHold(outputScan.redacts(), this::scanJson) : null;
        return new ChoiceState(new PlaceholderRestorer(exchange.vault(), jsonContent), outputScan == null ? null : outputScan.stream(), jsonHold,
                () -> newState(false));
    }

    /** A whole JSON-mode answer, scanned as {@link ReplyRewriter} scans one: value by value, or as text if it is not JSON. */
    private String scanJson(String content) {
        return outputScan.applyToArguments(content, json);
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
            // the legacy answer to `functions`: its arguments held and scanned like a tool call's (redteam45)
            if (delta.get("function_call") instanceof ObjectNode legacy) {
                state.sawToolCalls = true;
                collectArguments(legacy, "arguments", LEGACY_CALL, state.toolArguments);
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
            // a function's JSON arguments and a custom tool's free-text input (redteam45), both when a piece has both: the
            // tool reads the one the call's type names (review45b: the input beside a function object passed as written)
            int index = call.path("index").asInt();
            if (call.get("function") instanceof ObjectNode function) {
                collectArguments(function, "arguments", index, state.toolArguments);
            }
            if (call.get("custom") instanceof ObjectNode custom) {
                collectArguments(custom, "input", index, state.customInputs);
            }
        }
    }

    /** One piece of a call's text ({@code field} of {@code body}): held to be restored and scanned at the end, or copied to be counted. */
    private void collectArguments(ObjectNode body, String field, int index, Map<Integer, StringBuilder> held) {
        if (!body.path(field).isTextual()) {
            return;
        }
        StringBuilder arguments = held.computeIfAbsent(index, i -> new StringBuilder());
        String part = body.get(field).asText();
        if (holdArguments) {
            heldArguments += part.length();
            if (heldArguments > maxHeldArguments) {
                // held until complete to restore and scan them: unbounded, a model could stream megabytes (json28)
                throw new AnswerTooLargeException(maxHeldArguments);
            }
            if (!replicaHeld.take(part.length())) {
                // and over all streams of the replica: many streams each within their own bound (leftover45)
                throw new AnswerTooLargeException(replicaHeld.limit(), true);
            }
            takenFromReplica += part.length();
            arguments.append(part);
            body.put(field, "");
        } else if (outputScan != null && arguments.length() + part.length() <= MAX_SCANNED_ARGUMENTS) {
            arguments.append(part);
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
        if (!state.toolArguments.isEmpty() || !state.customInputs.isEmpty()) {
            if (holdArguments) {
                ObjectNode extra = newChunk(index);
                ObjectNode delta = ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta");
                Map<Integer, ObjectNode> calls = new java.util.TreeMap<>();
                state.toolArguments.forEach((toolIndex, arguments) -> {
                    if (toolIndex == LEGACY_CALL) {
                        delta.putObject("function_call").put("arguments", rewriteArguments(arguments.toString()));
                    } else {
                        calls.computeIfAbsent(toolIndex, i -> json.createObjectNode().put("index", i))
                                .putObject("function").put("arguments", rewriteArguments(arguments.toString()));
                    }
                });
                state.customInputs.forEach((toolIndex, input) -> calls.computeIfAbsent(toolIndex, i -> json.createObjectNode().put("index", i))
                        .putObject("custom").put("input", rewriteCustomInput(input.toString())));
                if (!calls.isEmpty()) {
                    delta.putArray("tool_calls").addAll(calls.values());
                }
                out.pending(extra);
            } else if (outputScan != null) {
                state.toolArguments.values().forEach(arguments -> outputScan.applyToArguments(arguments.toString(), json));
                state.customInputs.values().forEach(input -> outputScan.apply(input.toString()));
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

    /** A custom tool's input is free text: restored and scanned as text. */
    private String rewriteCustomInput(String input) {
        String rewritten = input;
        if (restore) {
            PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
            rewritten = restorer.restoreAll(input);
            exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        }
        return outputScan == null ? rewritten : outputScan.apply(rewritten);
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
        close(); // before [DONE]: the arguments have gone out
        out.done();
    }

    /** The stream is over, however it ended: what it held of the replica's bound is given back. Idempotent. */
    @Override
    public void close() {
        if (takenFromReplica > 0) {
            replicaHeld.give(takenFromReplica);
            takenFromReplica = 0;
        }
    }

    /** One choice of the stream: its restorer and output scan in a row, and what it still holds. */
    private static final class ChoiceState {
        final PlaceholderRestorer restorer;
        final StreamTransformer scan;
        final Map<Integer, StringBuilder> toolArguments = new HashMap<>();
        /** A custom tool's call's input by tool index: free text, not JSON (a call may carry both, review45b). */
        final Map<Integer, StringBuilder> customInputs = new HashMap<>(2);
        boolean sawContent;
        boolean sawToolCalls;
        boolean sawRefusal;
        boolean flushed;
        /** The refusal's text, restored and scanned like content in a row of its own; made with the first refusal text. */
        ChoiceState refusal;
        /** What the restorer and the scan give for one chunk; kept for the choice's chunks, as is the scan's sink. */
        private final Pieces ready = new Pieces();
        private final java.util.function.Consumer<String> toScan = this::scanned;
        /** A JSON-mode answer's text, held or copied until the choice ends; null for text (and once it grew too long). */
        private JsonHold jsonHold;

        private final java.util.function.Supplier<ChoiceState> another;

        ChoiceState(PlaceholderRestorer restorer, StreamTransformer scan, JsonHold jsonHold, java.util.function.Supplier<ChoiceState> another) {
            this.restorer = restorer;
            this.scan = scan;
            this.jsonHold = jsonHold;
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
            if (jsonHold != null) {
                String scanned = jsonHold.end();
                if (jsonHold.redact) {
                    ready.accept(scanned);
                }
            } else if (scan != null) {
                scan.onComplete(ready);
            }
            out.append(ready.text());
        }

        private void scanned(String text) {
            if (scan == null) {
                ready.accept(text);
            } else if (jsonHold != null) {
                if (!jsonHold.redact) {
                    ready.accept(text); // flag: the text goes at once, a copy is counted at the end
                }
                if (!jsonHold.add(text)) {
                    // too long to hold: what was held is scanned as text, as is all that follows (with flag only counted)
                    String held = jsonHold.held();
                    boolean redact = jsonHold.redact;
                    jsonHold = null;
                    scan.onChunk(held, redact ? ready : text1 -> { });
                }
            } else {
                scan.onChunk(text, ready);
            }
        }
    }

    /**
     * A JSON-mode answer's text (json27): the whole answer is scanned value by value ({@link OutputScan.Bound#applyToArguments}),
     * so the stream holds the text until the choice ends and scans it the same way, as it does tool-call arguments. With
     * {@code redact} the tool gets it then, as one delta; with {@code flag} it went at once and a copy is counted. Bounded by
     * {@link #MAX_HELD_JSON}: a longer answer is scanned as text, in the windows of {@link StreamingOutputScan} (nothing
     * leaves unscanned, but a redaction may then differ from the whole answer's and need not keep the JSON valid).
     */
    private static final class JsonHold {
        final boolean redact;
        private final java.util.function.UnaryOperator<String> scanJson;
        private final StringBuilder text = new StringBuilder();

        JsonHold(boolean redact, java.util.function.UnaryOperator<String> scanJson) {
            this.redact = redact;
            this.scanJson = scanJson;
        }

        /** @return false when the text would grow beyond {@link #MAX_HELD_JSON} (it is added all the same) */
        boolean add(String part) {
            text.append(part);
            return text.length() <= MAX_HELD_JSON;
        }

        String held() {
            return text.toString();
        }

        /** The held text scanned as one JSON answer (counted; redacted with {@code redact}). */
        String end() {
            String scanned = scanJson.apply(text.toString());
            text.setLength(0);
            return scanned;
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
