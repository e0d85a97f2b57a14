package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.dijkwacht.invoke.ClientGoneException;
import nl.dijkwacht.response.ChunkOutput;

/**
 * Writes server-sent events to the tool. Each event is sent at once, or with the next one when the upstream delivered
 * them together ({@link #pending}, then {@link #flush} before the relay waits): never held while the upstream is quiet,
 * and never more than one upstream read's worth.
 */
final class SseWriter implements ChunkOutput {

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpServletResponse response;
    private final ObjectMapper json;
    /** Made at the first event: the handler makes a writer for every request, most of which answer as JSON. */
    private Frame frame;
    private ServletOutputStream out;
    private boolean unsent;

    SseWriter(HttpServletResponse response, ObjectMapper json) {
        this.response = response;
        this.json = json;
    }

    boolean started() {
        return out != null;
    }

    /**
     * Commits the response as an event stream. The head is sent like an event, with the next {@link #flush}: the relay
     * flushes before it first waits for the upstream, so the head never waits for the model, and leaves in one write
     * with the first events when they are already at hand; sources that cannot tell send their first chunk at once.
     */
    @Override
    public void start() {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            out = response.getOutputStream();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        unsent = true;
    }

    @Override
    public void chunk(ObjectNode chunk) {
        write(chunk);
        flush();
    }

    @Override
    public void pending(ObjectNode chunk) {
        write(chunk);
    }

    @Override
    public void flush() {
        if (!unsent) {
            return;
        }
        try {
            out.flush();
            unsent = false;
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    /** A typed event ({@code event:} line, then its data), as the Responses API streams. */
    void event(String type, ObjectNode data) {
        try {
            out.write(("event: " + type + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        write(data);
        flush();
    }

    /** An error inside an already started stream: one error event, and no [DONE]. */
    void error(ObjectNode errorBody) {
        write(errorBody);
        flush();
    }

    /** Ends the response with {@code [DONE]}: closing it sends the event and the end of the body in one write. */
    @Override
    public void done() {
        try {
            out.write(DONE);
            out.close();
            unsent = false;
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    /** An event whose JSON is already bytes (a chunk as the upstream sent it, on one line); sent like {@link #pending}. */
    void pending(byte[] jsonBytes, int length) {
        Frame frame = frame();
        frame.writeBytes(DATA);
        frame.write(jsonBytes, 0, length);
        frame.writeBytes(END);
        send();
    }

    private void write(ObjectNode event) {
        Frame frame = frame();
        frame.writeBytes(DATA);
        try {
            json.writeValue(frame, event);
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        frame.writeBytes(END);
        send();
    }

    /** The stream's frame buffer, emptied for the next event. */
    private Frame frame() {
        if (frame == null) {
            frame = new Frame();
        } else {
            frame.reset();
        }
        return frame;
    }

    /** The event framed in one buffer, handed to the response in one write (each write passes several wrappers). */
    private void send() {
        try {
            out.write(frame.bytes(), 0, frame.size());
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
        unsent = true;
    }

    /** A buffer kept for the stream's events, so that framing one allocates nothing. */
    private static final class Frame extends ByteArrayOutputStream {
        Frame() {
            super(512);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
