package nl.dijkwacht.pii.anonymize;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.EntityType;

/**
 * Puts the original values back in place of placeholders, for a whole text or incrementally for a stream.
 * On a stream it holds back only a tail that could still grow into a placeholder ({@code [PERS…}),
 * so the answer is never buffered as a whole. Placeholders it does not know (mangled by the model)
 * are left as they are and counted.
 */
public final class PlaceholderRestorer implements StreamTransformer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z]{2,20})_(\\d{1,6})]");
    /** Placeholder-like text a model may have mangled: other case, a space or dash instead of the underscore. */
    private static final Pattern MANGLED = Pattern.compile("\\[(?i:" + java.util.Arrays.stream(EntityType.values())
            .map(EntityType::label).collect(java.util.stream.Collectors.joining("|")) + ")[ _-]?\\d{1,6}]");
    private static final int MAX_PLACEHOLDER_LENGTH = 1 + 20 + 1 + 6 + 1;

    private final PlaceholderVault vault;
    private final StringBuilder pending = new StringBuilder();
    /** For a stream of JSON text (a JSON-mode answer): where the text so far has left off; null for plain text. */
    private final JsonContext streamContext;
    private int restored;
    private int unknown;

    /** A restorer of plain text (a stream's text is restored as it comes). */
    public PlaceholderRestorer(PlaceholderVault vault) {
        this(vault, false);
    }

    /**
     * @param json whether the stream this restorer is given ({@link #onChunk}) is JSON text (a JSON-mode answer): its
     *             values are then restored as {@link #restoreAllInJson} restores them
     */
    public PlaceholderRestorer(PlaceholderVault vault, boolean json) {
        this.vault = vault;
        this.streamContext = json ? new JsonContext() : null;
    }

    /**
     * Restores placeholders inside JSON text (tool-call {@code arguments}, a JSON-mode answer) so that the JSON stays
     * valid and reads back the original value (json28): inside a JSON string the value is escaped for it ({@code "},
     * {@code \}, line breaks and other control characters), outside one (the model wrote {@code {"naam": [PERSOON_1]}})
     * it becomes a JSON string of its own. Text that is no JSON (prose despite {@code response_format}, or what follows
     * the JSON value) gets its values as they are (leftover45).
     */
    public String restoreAllInJson(String json) {
        return restore(json, new JsonContext());
    }

    public String restoreAll(String text) {
        return restore(text, null);
    }

    /** @param json where in JSON text {@code text} begins (advanced over it), or null for plain text */
    private String restore(String text, JsonContext json) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('[') < 0) {
            if (json != null) {
                json.advance(text, 0, text.length());
            }
            return text;
        }
        Matcher m = MANGLED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int read = 0;
        while (m.find()) {
            if (json != null) {
                json.advance(text, read, m.start());
            }
            var value = vault.valueOf(m.group());
            if (value.isPresent() && PLACEHOLDER.matcher(m.group()).matches()) {
                restored++;
                m.appendReplacement(out, Matcher.quoteReplacement(json == null ? value.get() : json.written(value.get())));
            } else {
                unknown++;
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
            if (json != null) {
                json.passPlaceholder();
            }
            read = m.end();
        }
        if (json != null) {
            json.advance(text, read, text.length());
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void onChunk(String text, Consumer<String> sink) {
        pending.append(text);
        int holdFrom = holdBackStart(pending);
        if (holdFrom == 0) {
            return;
        }
        String ready = restore(pending.substring(0, holdFrom), streamContext);
        pending.delete(0, holdFrom);
        if (!ready.isEmpty()) {
            sink.accept(ready);
        }
    }

    @Override
    public void onComplete(Consumer<String> sink) {
        if (!pending.isEmpty()) {
            sink.accept(restore(pending.toString(), streamContext));
            pending.setLength(0);
        }
    }

    /**
     * Where text that should be JSON has left off, so a placeholder's value is written for the place it actually sits in
     * (leftover45): the text is JSON when it starts with a brace or a bracket — a model may write prose despite
     * {@code response_format} — and stays JSON until that value closes; in it, the reader knows whether it is inside a
     * string (and just after a backslash in one) and the last character outside strings. A placeholder has no quote or
     * backslash, so where it starts decides: escaped inside a JSON string, a JSON string of its own where a value or key
     * stands (after a brace, bracket, colon or comma), and as it is in prose and anywhere else.
     */
    private static final class JsonContext {
        private enum Reading { START, JSON, PROSE }

        private Reading reading = Reading.START;
        private int depth;
        private boolean inString;
        private boolean escaped;
        /** The last character outside strings that is no white space, in JSON. */
        private char previous;

        void advance(String text, int from, int to) {
            for (int i = from; i < to && reading != Reading.PROSE; i++) {
                char c = text.charAt(i);
                if (reading == Reading.START) {
                    if (Character.isWhitespace(c)) {
                        continue;
                    }
                    if (c != '{' && c != '[') {
                        reading = Reading.PROSE;
                        return;
                    }
                    reading = Reading.JSON;
                }
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                        previous = c;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (!Character.isWhitespace(c)) {
                    if (c == '{' || c == '[') {
                        depth++;
                    } else if ((c == '}' || c == ']') && --depth <= 0) {
                        reading = Reading.PROSE; // the JSON value has closed: what follows is prose
                        return;
                    }
                    previous = c;
                }
            }
        }

        /** {@code value} written for the place the placeholder before which the text has been read sits in. */
        String written(String value) {
            if (reading != Reading.JSON) {
                return value;
            }
            if (inString) {
                return jsonEscape(value);
            }
            return previous == '{' || previous == '[' || previous == ':' || previous == ',' ? '"' + jsonEscape(value) + '"' : value;
        }

        /** Reads past a placeholder: one at the very start makes the text prose; in JSON outside a string it is a value. */
        void passPlaceholder() {
            if (reading == Reading.START) {
                reading = Reading.PROSE;
            } else if (reading == Reading.JSON && !inString) {
                previous = 'v';
            }
        }
    }

    private static String jsonEscape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    public int restoredCount() {
        return restored;
    }

    public int unknownCount() {
        return unknown;
    }

    /** Index from which the buffer could still be the start of an unfinished placeholder. */
    static int holdBackStart(CharSequence buffer) {
        int open = lastIndexOf(buffer, '[');
        if (open < 0 || buffer.length() - open > MAX_PLACEHOLDER_LENGTH) {
            return buffer.length();
        }
        for (int i = open + 1; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (c == ']') {
                return buffer.length();
            }
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_'
                    && c != ' ' && c != '-') {
                return buffer.length();
            }
        }
        return open;
    }

    private static int lastIndexOf(CharSequence s, char c) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
