package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * Rewrites a streamed answer chunk by chunk on its way to the tool: restores placeholders per choice while
 * holding back only a possible unfinished placeholder, puts the disclaimer in a last content chunk before the
 * one that carries {@code finish_reason}, and drops the usage chunk the gateway asked for when the tool did not.
 * Tool-call arguments are held until the call is complete only when placeholders must be restored in them,
 * because a value has to be restored inside a JSON string.
 */
public final class StreamRewriter implements ChunkSink {

    private final Exchange exchange;
    private final ChunkOutput out;
    private final ObjectMapper json;
    private final boolean restore;
    private final boolean toolWantsUsage;
    private final String note;
    private final OutputScan outputScan;
    private final Map<Integer, ChoiceState> choices = new HashMap<>();
    private ObjectNode template;

    /** @param outputScan counts personal data the answer adds (a stream cannot be redacted after the fact); may be null */
    public StreamRewriter(Exchange exchange, ChunkOutput out, Disclaimer disclaimer, OutputScan outputScan, ObjectMapper json) {
        this.outputScan = outputScan;
        this.exchange = exchange;
        this.out = out;
        this.json = json;
        this.restore = ReplyRewriter.shouldRestore(exchange);
        this.toolWantsUsage = exchange.request().includeUsageInStream();
        this.note = disclaimer.textFor(exchange);
    }

    @Override
    public void open() {
        out.start();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        if (template == null) {
            template = chunk.deepCopy();
            template.remove("usage");
            template.remove("choices");
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
                rewriteChoice(choice);
            }
        }
        out.chunk(chunk);
    }

    private void rewriteChoice(ObjectNode choice) {
        int index = choice.path("index").asInt();
        ChoiceState state = choices.computeIfAbsent(index, i -> new ChoiceState(new PlaceholderRestorer(exchange.vault())));
        if (choice.get("delta") instanceof ObjectNode delta) {
            JsonNode content = delta.get("content");
            if (content != null && content.isTextual() && !content.asText().isEmpty()) {
                state.sawContent = true;
                if (restore) {
                    StringBuilder ready = new StringBuilder();
                    state.restorer.onChunk(content.asText(), ready::append);
                    delta.put("content", ready.toString());
                    state.answer.append(ready);
                } else {
                    state.answer.append(content.asText());
                }
            }
            if (restore && delta.get("tool_calls") instanceof ArrayNode calls) {
                holdToolArguments(calls, state);
            }
        }
        JsonNode finish = choice.get("finish_reason");
        if (finish != null && !finish.isNull()) {
            flushChoice(index, state);
        }
    }

    private void holdToolArguments(ArrayNode calls, ChoiceState state) {
        for (JsonNode call : calls) {
            if (call.get("function") instanceof ObjectNode function && function.path("arguments").isTextual()) {
                state.toolArguments.computeIfAbsent(call.path("index").asInt(), i -> new StringBuilder())
                        .append(function.get("arguments").asText());
                function.put("arguments", "");
            }
        }
    }

    /** Emits what the choice still holds: the restorer's tail, complete tool-call arguments, the disclaimer. */
    private void flushChoice(int index, ChoiceState state) {
        if (state.flushed) {
            return;
        }
        state.flushed = true;
        StringBuilder tail = new StringBuilder();
        if (restore) {
            state.restorer.onComplete(tail::append);
            exchange.placeholders(state.restorer.restoredCount(), state.restorer.unknownCount());
        }
        if (outputScan != null) {
            outputScan.apply(exchange, state.answer.append(tail).toString(), false);
        }
        if (state.sawContent) {
            tail.append(note);
        }
        if (!tail.isEmpty()) {
            ObjectNode extra = newChunk(index);
            ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta").put("content", tail.toString());
            out.chunk(extra);
        }
        if (!state.toolArguments.isEmpty()) {
            ObjectNode extra = newChunk(index);
            ArrayNode calls = ((ObjectNode) extra.withArray("choices").get(0)).putObject("delta").putArray("tool_calls");
            state.toolArguments.forEach((toolIndex, arguments) -> calls.addObject()
                    .put("index", toolIndex)
                    .putObject("function").put("arguments", restoreArguments(arguments.toString())));
            out.chunk(extra);
        }
    }

    /** Tool-call arguments are JSON: values are restored JSON-escaped, so a quote in a value cannot break them. */
    private String restoreArguments(String arguments) {
        PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
        String restored = restorer.restoreAllInJson(arguments);
        exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        return restored;
    }

    private ObjectNode newChunk(int index) {
        ObjectNode chunk = template == null ? json.createObjectNode() : template.deepCopy();
        chunk.putArray("choices").addObject().put("index", index);
        return chunk;
    }

    @Override
    public void complete() {
        choices.forEach(this::flushChoice);
        out.done();
    }

    private static final class ChoiceState {
        final PlaceholderRestorer restorer;
        final Map<Integer, StringBuilder> toolArguments = new HashMap<>();
        /** The answer so far, kept in memory for the output scan at the end of the choice; never stored. */
        final StringBuilder answer = new StringBuilder();
        boolean sawContent;
        boolean flushed;

        ChoiceState(PlaceholderRestorer restorer) {
            this.restorer = restorer;
        }
    }
}
