package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * The edits of a decoding pass ({@link BackslashEscapes}, {@link HtmlCharacterReferences}, {@link EmphasisMarks}), each
 * kept apart from its neighbours where it would put a letter against a digit (review50). An edit right after another
 * is read against the character the earlier one decoded to, not the escape's last character.
 */
final class KeptApartEdits {

    private List<Edit> edits;
    private int lastEnd = -1;
    private char lastChar = ' ';

    /** Replace [start, end) of {@code s} by {@code decoded}, with a space at an edge where {@link #keptApart} asks one. */
    void add(String s, int start, int end, String decoded) {
        if (edits == null) {
            edits = new ArrayList<>();
        }
        char before = start == lastEnd ? lastChar : start > 0 ? s.charAt(start - 1) : ' ';
        edits.add(new Edit(start, end, keptApart(before, decoded, end < s.length() ? s.charAt(end) : ' ')));
        lastEnd = end;
        lastChar = decoded.isEmpty() ? before : decoded.charAt(decoded.length() - 1);
    }

    List<Edit> list() {
        return edits == null ? List.of() : edits;
    }

    /**
     * A decoded escape or a joined line break as it goes into the text between {@code before} and {@code after}: with a
     * space at an edge where it would put a letter against a digit (review50). "111222333\\x41" is a BSN and an escape
     * to a model; read as "111222333A" no recognizer's right edge held, and the value went out as written. A value split
     * by the escape (digit against digit, letter against letter) is still closed up.
     */
    static String keptApart(char before, String text, char after) {
        if (text.isEmpty()) {
            return apart(before, after) ? " " : text;
        }
        String out = apart(before, text.charAt(0)) ? " " + text : text;
        return apart(text.charAt(text.length() - 1), after) ? out + " " : out;
    }

    private static boolean apart(char a, char b) {
        return Character.isLetter(a) && Character.isDigit(b) || Character.isDigit(a) && Character.isLetter(b);
    }
}
