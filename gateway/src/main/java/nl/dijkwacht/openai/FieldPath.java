package nl.dijkwacht.openai;

import java.util.regex.Pattern;

/**
 * Field paths as error messages and explanations show them ({@code messages[2].content[0].text}). A map key or field
 * name the tool chose is shown only when it looks like an API field name; anything else (it could be a BSN or an
 * e-mail address) becomes {@code …}, so no path ever repeats a value the tool sent.
 */
public final class FieldPath {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z_$]*(?:[0-9]{1,3}[A-Za-z_$]*)*");
    private static final int MAX_NAME = 40;
    static final String HIDDEN = "…";

    private FieldPath() {
    }

    public static String field(String parent, String name) {
        String shown = safe(name) ? name : HIDDEN;
        return parent == null || parent.isEmpty() ? shown : parent + "." + shown;
    }

    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Whether a tool-chosen name can be shown: letters, underscores and short digit runs only, at most 40 characters. */
    public static boolean safe(String name) {
        return name != null && name.length() <= MAX_NAME && SAFE_NAME.matcher(name).matches();
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
