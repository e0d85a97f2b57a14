package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import nl.dijkwacht.invoke.RawChunk;
import nl.dijkwacht.pipeline.Refusal;

/**
 * A surface's stream in OpenAI's plain SSE framing ({@code data:} events, {@code [DONE]} at the end, an error event
 * after a failure): each rewritten chat chunk converted into the surface's own chunk, or skipped when the conversion
 * gives {@code null}.
 */
final class DataStream implements Surface.Stream {

    private final SseWriter sse;
    private final UnaryOperator<ObjectNode> convert;

    /** @param convert the surface's chunk from a chat chunk; null for chat completions themselves (chunks as they are) */
    DataStream(SseWriter sse, UnaryOperator<ObjectNode> convert) {
        this.sse = sse;
        this.convert = convert;
    }

    @Override
    public void start() {
        sse.start();
    }

    @Override
    public void chunk(ObjectNode chunk) {
        pending(chunk);
        sse.flush();
    }

    @Override
    public void pending(ObjectNode chunk) {
        ObjectNode out = convert == null ? chunk : convert.apply(chunk);
        if (out != null) {
            sse.pending(out);
        }
    }

    /** Chat completions take the chunk as it came; a surface that converts takes its tree. */
    @Override
    public void pending(RawChunk chunk) {
        if (convert == null) {
            sse.pending(chunk.bytes(), chunk.length());
        } else {
            pending(chunk.tree());
        }
    }

    @Override
    public void flush() {
        sse.flush();
    }

    @Override
    public void done() {
        sse.done();
    }

    @Override
    public void error(Refusal refusal, ObjectNode errorBody) {
        sse.error(errorBody);
    }
}
