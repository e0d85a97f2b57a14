package nl.dijkwacht.invoke;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import nl.dijkwacht.openai.AnswerFields;

/**
 * The plain-text check as it was before {@link PlainEvents} (session 40's {@code RawChunk.readPlain}, unchanged but for
 * its signature): a new blocking parser for every event. The reference the new check is compared with. answer48: a
 * field the gateway does not know ({@link AnswerFields}) with a value makes an event not plain, at every level.
 */
final class PlainCheckBefore {

    private PlainCheckBefore() {
    }

    static String plainContent(ObjectMapper json, byte[] bytes, int length) {
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
                    default -> {
                        if (unknown(name, value, AnswerFields.ANSWER)) {
                            return null;
                        }
                        p.skipChildren();
                    }
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
                // review48: a whole message beside the delta (Perplexity's text so far) is dropped under redact
                case "finish_reason", "message" -> {
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
                default -> {
                        if (unknown(name, value, AnswerFields.MESSAGE)) {
                            return null;
                        }
                        p.skipChildren();
                    }
            }
        }
        return content;
    }

    private static boolean unknown(String name, JsonToken value, Set<String> known) {
        return value != JsonToken.VALUE_NULL && !known.contains(name);
    }
}
