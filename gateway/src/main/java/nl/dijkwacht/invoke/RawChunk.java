package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One upstream {@code chat.completion.chunk} as the JSON bytes it came in, so that the common event — a piece of answer
 * text for choice 0 and nothing else — can reach the tool as those bytes, without a Jackson tree built and written
 * again for every event. {@link #plainContent} recognises that event with the stream's Jackson parser
 * ({@link PlainEvents}); every other event (the finishing one, usage, tool calls, annotations, citations, several
 * choices, an error) and every event whose text the rewrite changes goes through {@link #tree} as before; the stream's
 * first event is also read as a tree, for the frame of the chunks the gateway makes, but only after it was sent.
 *
 * <p>The bytes are the relay's buffer: valid only during the sink call that receives the chunk, never to be kept.
 */
public final class RawChunk {

    private final byte[] bytes;
    private final int length;
    private final ObjectMapper json;
    private final String plainContent;
    private ObjectNode tree;

    /** A chunk read on its own (one parser for it alone). */
    public RawChunk(byte[] bytes, int length, ObjectMapper json) {
        this.bytes = bytes;
        this.length = length;
        this.json = json;
        try (PlainEvents alone = new PlainEvents(json.getFactory())) {
            this.plainContent = alone.plainContent(bytes, length);
        }
    }

    /** One of a stream's chunks, read with the stream's parser while the bytes are valid. */
    RawChunk(byte[] bytes, int length, ObjectMapper json, PlainEvents stream) {
        this.bytes = bytes;
        this.length = length;
        this.json = json;
        this.plainContent = stream.plainContent(bytes, length);
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /**
     * The chunk as a tree (parsed once; a sink may change it).
     *
     * @throws UpstreamException {@code MALFORMED} when the bytes are not a JSON object
     */
    public ObjectNode tree() {
        if (tree == null) {
            try {
                JsonNode node = json.readTree(bytes, 0, length);
                if (node instanceof ObjectNode object) {
                    tree = object;
                    return tree;
                }
            } catch (IOException e) {
                throw new UpstreamException(UpstreamException.Kind.MALFORMED, null, "upstream chat.completion.chunk is not valid JSON", e);
            }
            throw new UpstreamException(UpstreamException.Kind.MALFORMED, "upstream chat.completion.chunk is not a JSON object");
        }
        return tree;
    }

    /**
     * The text of choice 0's delta ({@code ""} when it has none) when the chunk is a plain text event: one JSON object on
     * one line, one choice with index 0, no {@code finish_reason} or {@code logprobs} (other than {@code null}), no tool calls, legacy {@code function_call}, annotations, audio, refusal or reasoning text (other than {@code null})
     * in the delta, no citations, usage (other than {@code null}) or error; else null. Other fields (id, model, role, …) may be
     * anything: no step reads them, and they reach the tool as they came.
     */
    public String plainContent() {
        return plainContent;
    }
}
