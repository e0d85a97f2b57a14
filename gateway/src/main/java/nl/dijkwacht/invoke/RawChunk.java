package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One upstream {@code chat.completion.chunk} as the JSON bytes it came in, so that the common event — a piece of answer
 * text for choice 0 and nothing else — can reach the tool as those bytes, without a Jackson tree built and written
 * again for every event. {@link #plainContent} recognises that event with Jackson's streaming parser; every other
 * event (the finishing one, usage, tool calls, annotations, citations, several choices, an error) and every event whose
 * text the rewrite changes goes through {@link #tree} as before; the stream's first event is also read as a tree, for
 * the frame of the chunks the gateway makes, but only after it was sent.
 *
 * <p>The bytes are the relay's buffer: valid only during the sink call that receives the chunk, never to be kept.
 */
public final class RawChunk {

    private final byte[] bytes;
    private final int length;
    private final ObjectMapper json;
    private ObjectNode tree;
    private boolean read;
    private String plainContent;

    public RawChunk(byte[] bytes, int length, ObjectMapper json) {
        this.bytes = bytes;
        this.length = length;
        this.json = json;
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
     * one line, one choice with index 0, no {@code finish_reason}, no tool calls or annotations in the delta, no
     * citations, usage (other than {@code null}) or error; else null. Other fields (id, model, role, logprobs, …) may be
     * anything: no step reads them, and they reach the tool as they came.
     */
    public String plainContent() {
        if (!read) {
            read = true;
            plainContent = readPlain();
        }
        return plainContent;
    }

    private String readPlain() {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return null; // written back on one data: line, it would be framed differently
            }
        }
        try (JsonParser p = json.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String content = null;
            boolean choices = false;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "choices" -> {
                        if (choices || value != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
                            return null;
                        }
                        choices = true;
                        content = readChoice(p);
                        if (content == null || p.nextToken() != JsonToken.END_ARRAY) {
                            return null;
                        }
                    }
                    case "usage" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case "error", "citations" -> {
                        return null;
                    }
                    default -> p.skipChildren();
                }
            }
            return choices && p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null ? content : null;
        } catch (IOException e) {
            return null; // the tree says what is wrong with it
        }
    }

    /** One choice, the parser on its START_OBJECT: its delta's text, or null when it is not plain. */
    private static String readChoice(JsonParser p) throws IOException {
        String content = "";
        boolean index = false;
        boolean delta = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "index" -> {
                    if (index || value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 0) {
                        return null;
                    }
                    index = true;
                }
                case "finish_reason" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                case "delta" -> {
                    if (delta || value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    delta = true;
                    content = readDelta(p);
                    if (content == null) {
                        return null;
                    }
                }
                default -> p.skipChildren();
            }
        }
        return index ? content : null;
    }

    private static String readDelta(JsonParser p) throws IOException {
        String content = "";
        boolean seen = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "content" -> {
                    if (seen || (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)) {
                        return null;
                    }
                    seen = true;
                    content = value == JsonToken.VALUE_STRING ? p.getText() : "";
                }
                case "tool_calls", "annotations" -> {
                    return null;
                }
                default -> p.skipChildren();
            }
        }
        return content;
    }
}
