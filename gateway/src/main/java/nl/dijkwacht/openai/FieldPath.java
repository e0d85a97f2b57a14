package nl.dijkwacht.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field paths as error messages and explanations show them ({@code messages[2].content[0].text}). A map key or field
 * name is shown only when it is a field name of the OpenAI API (a property name anywhere in the official request
 * schemas, {@code openai/openai-requests.schema.json}); any other name the tool chose becomes {@code …} — a key can
 * hold a BSN, an e-mail address or a surname as well as a value can — so no path ever repeats what the tool sent.
 */
public final class FieldPath {

    private static final Pattern NAME_SHAPE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,39}");
    static final String HIDDEN = "…";
    private static final Set<String> API_NAMES = apiNames();

    private FieldPath() {
    }

    public static String field(String parent, String name) {
        String shown = safe(name) ? name : HIDDEN;
        return parent == null || parent.isEmpty() ? shown : parent + "." + shown;
    }

    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Whether a name from the request can be shown: only when it is a field name of the OpenAI API. */
    public static boolean safe(String name) {
        return name != null && API_NAMES.contains(name);
    }

    /** The name itself when {@link #safe}, else {@code …}. */
    public static String shown(String name) {
        return safe(name) ? name : HIDDEN;
    }

    /** For an error message: why a path shows {@code …} instead of a name (empty when it shows every name). */
    public static String hiddenNote(String path) {
        return path != null && path.contains(HIDDEN)
                ? " (Een naam die geen OpenAI-veldnaam is, wordt niet herhaald: er kunnen persoonsgegevens in staan.)" : "";
    }

    /** Every property name in the OpenAI request schemas (a few hundred words, none of them chosen by a tool). */
    private static Set<String> apiNames() {
        try (InputStream in = FieldPath.class.getResourceAsStream(RequestSchema.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RequestSchema.RESOURCE + " missing from the classpath");
            }
            // tool parameters and response formats are JSON Schemas: their keywords are API words too
            Set<String> names = new HashSet<>(SchemaKeywords.ALL);
            collect(new ObjectMapper().readTree(in), names);
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(n -> {
                    if (NAME_SHAPE.matcher(n).matches()) {
                        names.add(n);
                    }
                });
            }
            node.forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    /** A JSON pointer ({@code /messages/0/content}) as a field path ({@code messages[0].content}), names made safe. */
    public static String fromPointer(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "";
        }
        String path = "";
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && segment.length() < 7 && !path.isEmpty()) {
                path = element(path, Integer.parseInt(segment));
            } else {
                path = field(path, segment);
            }
        }
        return path;
    }
}
