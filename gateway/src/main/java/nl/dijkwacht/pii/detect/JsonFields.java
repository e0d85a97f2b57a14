package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.TextStructure.Field;
import nl.dijkwacht.pii.detect.TextStructure.Kind;

/** The values of JSON objects in a pasted text, each under its key and the keys of the objects around it. */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * A lenient scan: every {@code "key": value} with the keys of the enclosing objects in front. A generic
     * {@code "value"} takes its key from a sibling {@code "name"} or {@code "label"} in the same object (tenth round:
     * {@code {"label": "Geboortedatum", "value": "06/11/1975"}}, in either order), since its own key says nothing.
     */
    static void read(String text, List<Field> out) {
        int n = text.length();
        List<String> path = new ArrayList<>();
        String pendingKey = null;
        int depth = 0;
        SiblingNames siblings = new SiblingNames();
        // keys per depth: the key that opened each container (or the array's key for its elements)
        List<String> containerKey = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == '{' || c == '[') && depth < 64) {
                containerKey.add(pendingKey);
                if (pendingKey != null) {
                    path.add(pendingKey);
                }
                pendingKey = null;
                depth++;
                siblings.open(depth);
                i++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
                String opened = containerKey.remove(containerKey.size() - 1);
                if (opened != null && !path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                pendingKey = null;
                i++;
            } else if (c == '"' && depth > 0) {
                int end = stringEnd(text, i);
                if (end < 0) {
                    return;
                }
                int k = end + 1;
                while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\n'
                        || text.charAt(k) == '\r')) {
                    k++;
                }
                if (k < n && text.charAt(k) == ':') {
                    pendingKey = FieldKeys.normalise(text.substring(i + 1, end));
                    i = k + 1;
                } else {
                    String key = pendingKey != null ? pendingKey : arrayKey(containerKey);
                    if (key != null && end > i + 1) {
                        siblings.add(out, depth, pendingKey, new Field(Kind.JSON, key, withPath(path, pendingKey, key),
                                i + 1, end), text);
                    }
                    pendingKey = null;
                    i = end + 1;
                }
            } else if (depth > 0 && pendingKey != null && (Character.isDigit(c) || c == '-' || c == '+')) {
                int e = i + 1;
                while (e < n && (Character.isDigit(text.charAt(e)) || text.charAt(e) == '.' || text.charAt(e) == 'e'
                        || text.charAt(e) == 'E' || text.charAt(e) == '-' || text.charAt(e) == '+')) {
                    e++;
                }
                siblings.add(out, depth, pendingKey, new Field(Kind.JSON, pendingKey,
                        withPath(path, pendingKey, pendingKey), i, e), text);
                pendingKey = null;
                i = e;
            } else {
                i++;
            }
        }
    }

    /**
     * Per open object: the normalised text of its {@code "name"}/{@code "label"} and the index in the output of its
     * {@code "value"} field, so that whichever comes second can give the value its key.
     */
    private static final class SiblingNames {

        // eleventh round: a form reader's key-value blocks name the field in "Text" ({"Text": "Geboortedatum",
        // "Value": …}), other tools in "title", "caption" or "prompt"
        private static final java.util.Set<String> NAME_KEYS = java.util.Set.of("name", "label", "naam", "field",
                "veld", "key", "question", "vraag", "text", "title", "caption", "prompt");
        private static final java.util.Set<String> VALUE_KEYS = java.util.Set.of("value", "waarde", "val", "answer",
                "antwoord");
        private static final int MAX_NAME = 60;

        private final String[] names = new String[66];
        private final int[] values = new int[66];

        void open(int depth) {
            names[depth] = null;
            values[depth] = -1;
        }

        void add(List<Field> out, int depth, String ownKey, Field field, String text) {
            if (ownKey != null && VALUE_KEYS.contains(ownKey)) {
                if (names[depth] != null) {
                    field = withKey(field, names[depth]);
                } else {
                    values[depth] = out.size();
                }
            } else if (ownKey != null && NAME_KEYS.contains(ownKey) && names[depth] == null
                    && field.end() - field.start() <= MAX_NAME && text.charAt(field.start() - 1) == '"') {
                String name = FieldKeys.normalise(text.substring(field.start(), field.end()));
                names[depth] = name;
                if (values[depth] >= 0) {
                    out.set(values[depth], withKey(out.get(values[depth]), name));
                    values[depth] = -1;
                }
            }
            out.add(field);
        }

        private static Field withKey(Field f, String key) {
            String path = f.path();
            int own = path.lastIndexOf(' ');
            String parents = own < 0 ? "" : path.substring(0, own + 1);
            return new Field(f.kind(), key, parents + key, f.start(), f.end());
        }
    }

    private static String arrayKey(List<String> containerKey) {
        return containerKey.isEmpty() ? null : containerKey.get(containerKey.size() - 1);
    }

    private static String withPath(List<String> path, String own, String key) {
        if (path.isEmpty()) {
            return key;
        }
        StringBuilder b = new StringBuilder();
        for (String p : path) {
            b.append(p).append(' ');
        }
        return own == null ? b.toString().strip() : b.append(key).toString();
    }

    /** Index of the closing quote of the string starting at {@code open}, or -1 (at most one line's worth). */
    private static int stringEnd(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }
}
