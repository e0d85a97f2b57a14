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
    private int restored;
    private int unknown;

    public PlaceholderRestorer(PlaceholderVault vault) {
        this.vault = vault;
    }

    /**
     * Restores placeholders inside raw JSON text (for example tool-call {@code arguments}), escaping each value
     * for a JSON string so that a value with a quote or backslash cannot break or change the JSON.
     */
    public String restoreAllInJson(String json) {
        return restore(json, true);
    }

    public String restoreAll(String text) {
        return restore(text, false);
    }

    private String restore(String text, boolean jsonEscape) {
        if (text == null || text.indexOf('[') < 0) {
            return text;
        }
        Matcher m = MANGLED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            var value = vault.valueOf(m.group());
            if (value.isPresent() && PLACEHOLDER.matcher(m.group()).matches()) {
                restored++;
                String v = jsonEscape ? jsonEscape(value.get()) : value.get();
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            } else {
                unknown++;
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
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
        String ready = restoreAll(pending.substring(0, holdFrom));
        pending.delete(0, holdFrom);
        if (!ready.isEmpty()) {
            sink.accept(ready);
        }
    }

    @Override
    public void onComplete(Consumer<String> sink) {
        if (!pending.isEmpty()) {
            sink.accept(restoreAll(pending.toString()));
            pending.setLength(0);
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
