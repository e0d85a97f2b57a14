package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import nl.dijkwacht.openai.AnswerFields;

/**
 * Tells which events of one upstream stream are plain text events ({@link RawChunk#plainContent}), with one Jackson
 * non-blocking parser for the stream's life: each event's bytes are fed to it as one more root-level value, so an
 * event costs no new parser, input context and symbol table as {@code createParser} made for each (≈ 0.8 KB of heap).
 * An event the check does not accept is read to its end; one that is not a whole JSON object or array closes the
 * parser, and the next event gets a new one. Not thread-safe: one stream's relay reads its events in turn.
 */
final class PlainEvents implements AutoCloseable {

    /**
     * Bytes above which an event's parser is not kept: its text buffer grows to the event's size and would stay that size
     * for the rest of the stream (a 300 KB event held ~129 KB per open stream, review41).
     */
    static final int LARGE_EVENT = 16 * 1024;

    private final JsonFactory factory;
    private JsonParser parser;

    /**
     * @param parsers from {@link #parsers}, made once: no buffer pool, as a parser keeps its buffers for its stream's whole
     *     life, and streams held the shared pool's sets empty
     */
    PlainEvents(JsonFactory parsers) {
        this.factory = parsers;
    }

    /** The mapper's factory settings (features, read constraints) with buffers not taken from its shared pool. */
    static JsonFactory parsers(ObjectMapper json) {
        return json.getFactory().rebuild().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();
    }

    /** The text of choice 0's delta when the event is plain ({@code ""} when it has none), else null. */
    String plainContent(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return null; // written back on one data: line, it would be framed differently
            }
        }
        String content = null;
        boolean reusable = false;
        try {
            if (parser == null) {
                parser = factory.createNonBlockingByteArrayParser();
            }
            // without the spaces and tabs at its end, the event is one object when its end is where the bytes end; a
            // parser that was fed them would still wait for more after a number or a string that follows it
            int end = length;
            while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
                end--;
            }
            // a UTF-8 byte-order mark: createParser's encoding detection skipped it at the start of each event
            int start = end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
            ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            feeder.feedInput(bytes, start, end);
            content = readEvent(parser, feeder);
            reusable = content != null || readToEnd(parser, feeder);
        } catch (IOException e) {
            content = null; // the tree says what is wrong with it
        } finally {
            if (!reusable || length > LARGE_EVENT) {
                close(); // inside a value, or failed, or buffers grown for one large event: the next gets a new parser
            }
        }
        return content;
    }

    /**
     * Reads what is left of an event the check did not accept (the finishing one, usage), so that the parser can take
     * the next event: true when the bytes held one whole object or array and nothing after it.
     */
    private static boolean readToEnd(JsonParser p, ByteArrayFeeder fed) throws IOException {
        JsonToken t = p.currentToken();
        while (!(p.getParsingContext().inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY))) {
            t = p.nextToken();
            if (t == JsonToken.NOT_AVAILABLE) {
                return false;
            }
        }
        return fed.needMoreInput();
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing to release but buffers
            }
            parser = null;
        }
    }

    /** One root value that must be all the fed bytes ({@code NOT_AVAILABLE}: the parser has read to their end). */
    private static String readEvent(JsonParser p, ByteArrayFeeder fed) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String content = null;
        boolean choices = false;
        JsonToken t; // the loop's last token, not currentToken(): see readDelta
        for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
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
                // a search model's lists carry text the rewrite scans (answer49): the tree path reads them
                case "error", "citations", "search_results", "images", "related_questions" -> {
                    return null;
                }
                default -> {
                    if (unknown(name, value, AnswerFields.ANSWER)) {
                        return null;
                    }
                    p.skipChildren();
                }
            }
        }
        return choices && t == JsonToken.END_OBJECT && fed.needMoreInput() ? content : null;
    }

    /** One choice, the parser on its START_OBJECT: its delta's text, or null when it is not plain. */
    private static String readChoice(JsonParser p) throws IOException {
        String content = "";
        boolean index = false;
        boolean delta = false;
        JsonToken t;
        for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "index" -> {
                    if (index || value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 0) {
                        return null;
                    }
                    index = true;
                }
                // the answer's tokens once more: dropped when the tool did not ask for them (answer47), so the tree path reads
                // them; a whole message beside the delta (Perplexity's text so far) is dropped under redact (review48)
                case "finish_reason", "logprobs", "message" -> {
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
                default -> {
                    if (unknown(name, value, AnswerFields.CHOICE)) {
                        return null;
                    }
                    p.skipChildren();
                }
            }
        }
        return index && t == JsonToken.END_OBJECT ? content : null;
    }

    private static String readDelta(JsonParser p) throws IOException {
        String content = "";
        boolean seen = false;
        // the object has ended when the loop ended on END_OBJECT; currentToken() would not say so: a non-blocking parser
        // out of input returns NOT_AVAILABLE and leaves it as it was, e.g. the END_OBJECT of a value skipChildren read
        JsonToken t;
        for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
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
                // a legacy function_call's arguments are restored and scanned as tool calls' are (redteam45), a spoken
                // answer's transcript as content is (answer46)
                case "tool_calls", "annotations", "function_call", "audio" -> {
                    return null;
                }
                // so is a reasoning model's text beside the answer, vLLM's and Ollama's (review47)
                case "refusal", "reasoning_content", "reasoning" -> {
                    // a refusal's text is restored and scanned as content is (rewrite27): the tree path reads it (review43)
                    if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                default -> {
                    if (unknown(name, value, AnswerFields.MESSAGE)) {
                        return null;
                    }
                    p.skipChildren();
                }
            }
        }
        return t == JsonToken.END_OBJECT ? content : null;
    }

    /**
     * A field the gateway does not know, with a value: under {@code pii.output: redact} the tree path drops it (answer48,
     * docs/adr/0014), so such an event is not plain. A {@code null} carries nothing and passes (vLLM's
     * {@code prompt_logprobs}, {@code kv_transfer_params}).
     */
    private static boolean unknown(String name, JsonToken value, java.util.Set<String> known) {
        return value != JsonToken.VALUE_NULL && !known.contains(name);
    }
}
