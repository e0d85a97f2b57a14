package nl.dijkwacht.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.dijkwacht.invoke.ChunkSink;
import nl.dijkwacht.invoke.ForwardingChunkSink;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.pipeline.Exchange;

/**
 * What the model streamed so far, for a caller with a token budget: a stream that fails after it started is charged
 * the prompt and this output, as the provider bills them (ADR 0012). Sits on the upstream side of the answer's
 * rewriting, so it sees what the model generated (also text the gateway still held back), in every choice: content,
 * refusals, tool-call names and arguments.
 *
 * <p>The text is only kept, not counted, while the stream runs: a stream that completes is settled with the usage the
 * model reported (or the estimate) and never tokenised here. Beyond {@link #BLOCK} characters the kept text is counted
 * and dropped, so a long answer holds at most that much. Counted as the budget step counts the prompt: the model's
 * tokenizer ({@link TokenEstimator#encodingFor}).
 */
public final class StreamedOutput extends ForwardingChunkSink {

    /**
     * Characters kept before they are counted (a block boundary may split a token: at most one more per block). 16 K: the
     * builder's array then holds at most 18,430 characters, 36 KB once a character beyond Latin-1 (a curly quote, a dash)
     * makes it two bytes a character — 37 MB for 1,000 open streams; at 64 K it was 147 KB a stream, 147 MB (review44).
     * Only an answer longer than a block is tokenised on the normal path, a block at a time (about 4 K tokens).
     */
    static final int BLOCK = 16 * 1024;
    private static final TokenEstimator ENCODINGS = new TokenEstimator();

    private final Exchange exchange;
    private final StringBuilder text = new StringBuilder();
    private long countedTokens;
    private boolean opened;
    private boolean completed;

    private StreamedOutput(Exchange exchange, ChunkSink next) {
        super(next);
        this.exchange = exchange;
    }

    /** {@code next} itself when the caller has no token reservation (nothing to settle, nothing kept). */
    public static ChunkSink around(Exchange exchange, ChunkSink next) {
        return exchange.tokensReserved() > 0 ? new StreamedOutput(exchange, next) : next;
    }

    /**
     * When {@code sink} is one of these and its stream failed after it started without the model's usage: puts the
     * prompt's count and the output's count on the exchange as its usage, which the audit record carries and
     * {@link CallerLimits#settle} charges. Otherwise (not started: nothing was used; usage reported: that stands)
     * leaves the exchange alone.
     */
    public static void failed(ChunkSink sink, Exchange exchange) {
        if (!(sink instanceof StreamedOutput streamed) || !streamed.opened || streamed.completed
                || exchange.promptTokens() + exchange.completionTokens() > 0) {
            return;
        }
        long prompt = exchange.promptCounted() == null ? 0 : exchange.promptCounted().getAsLong();
        exchange.usage(clamp(prompt), clamp(streamed.outputTokens()));
    }

    /** The output tokens streamed so far. */
    long outputTokens() {
        countKept();
        return countedTokens;
    }

    @Override
    public void open() {
        opened = true;
        super.open();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        keep(chunk);
        super.chunk(chunk);
    }

    @Override
    public void pending(ObjectNode chunk) {
        keep(chunk);
        super.pending(chunk);
    }

    @Override
    public void pending(RawChunk chunk) {
        String plain = chunk.plainContent();
        if (plain == null) {
            keep(chunk.tree()); // parsed once: the tree is kept on the chunk for the sinks behind this one
        } else {
            keep(plain);
        }
        super.pending(chunk);
    }

    @Override
    public void complete() {
        completed = true;
        super.complete();
    }

    private void keep(ObjectNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            keep(delta.path("content"));
            keep(delta.path("refusal"));
            for (JsonNode call : delta.path("tool_calls")) {
                keep(call.path("function").path("name"));
                keep(call.path("function").path("arguments"));
            }
        }
    }

    private void keep(JsonNode value) {
        if (value.isTextual()) {
            keep(value.asText());
        }
    }

    private void keep(String part) {
        if (part.isEmpty()) {
            return;
        }
        text.append(part);
        if (text.length() >= BLOCK) {
            countKept();
        }
    }

    private void countKept() {
        if (!text.isEmpty()) {
            countedTokens += ENCODINGS.encodingFor(exchange.model()).countTokensOrdinary(text.toString());
            text.setLength(0);
        }
    }

    private static int clamp(long tokens) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, tokens));
    }
}
