package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * The edits of a decoding pass ({@link BackslashEscapes}, {@link HtmlCharacterReferences}, {@link EmphasisMarks},
 * {@link QuotedPrintable}, {@link HtmlMarkup}, {@link RtfText}), each kept apart from its neighbours where it would put
 * a letter against a digit (review50). An edit right after another is read against the character the earlier one
 * decoded to, not the escape's last character.
 *
 * <p>Where an edit joins digits of the original to digits after it — {@code 111222333\x31}, {@code 111222333<b>1</b>},
 * {@code 111222333**1}, a soft line break — the number read whole is longer than the one written, and no recognizer's
 * edge holds (redteam51: {@code 1112223331}). The value before it (with the words around it, {@link #valueStart}) and
 * the edit's original text are then also put, as written, at the text's end ({@link Edit#copy}), where they are
 * scanned as before the decoding; a value split by the escape ({@code 111\x32\x32\x32333}) is still read whole in
 * place.
 */
final class KeptApartEdits {

    private List<Edit> edits;
    private List<Edit> copies;
    private int lastEnd = -1;
    private char lastChar = ' ';
    /** Start of the digits of the original before the last edits that decoded to nothing, or -1. */
    private int digitsBefore = -1;

    /** Replace [start, end) of {@code s} by {@code decoded}, with a space at an edge where {@link #keptApart} asks one. */
    void add(String s, int start, int end, String decoded) {
        add(s, start, end, decoded, false);
    }

    /**
     * As {@link #add(String, int, int, String)}; a {@code moved} edit also puts [start, end) as written at the text's
     * end ({@link Edit#moved}).
     */
    void add(String s, int start, int end, String decoded, boolean moved) {
        if (edits == null) {
            edits = new ArrayList<>();
        }
        boolean adjacent = start == lastEnd;
        char before = adjacent ? lastChar : start > 0 ? s.charAt(start - 1) : ' ';
        String inPlace = keptApart(before, decoded, end < s.length() ? s.charAt(end) : ' ');
        edits.add(new Edit(start, end, inPlace, moved));
        int digitsFrom = adjacent ? digitsBefore : start > 0 && digit(s.charAt(start - 1)) ? valueStart(s, start) : -1;
        boolean digitFollows = inPlace.isEmpty() ? end < s.length() && digit(s.charAt(end)) : digit(inPlace.charAt(0));
        if (digitsFrom >= 0 && digitsFrom < start && digitFollows) {
            if (copies == null) {
                copies = new ArrayList<>();
            }
            copies.add(Edit.copy(digitsFrom, end));
        }
        digitsBefore = inPlace.isEmpty() ? digitsFrom : -1;
        lastEnd = end;
        lastChar = decoded.isEmpty() ? before : decoded.charAt(decoded.length() - 1);
    }

    List<Edit> list() {
        if (edits == null) {
            return List.of();
        }
        if (copies != null) {
            edits.addAll(copies);
        }
        return edits;
    }

    /** Most a copy takes before the edit: a value and the words around it, not a paragraph. */
    static final int MAX_BEFORE = 64;

    /**
     * Where the value that ends at {@code end} starts: back over letters and digits and single separators between them
     * ({@code 12-03-1985}, {@code 06 12345678}, {@code NL91ABNA0417164300}), at most {@link #MAX_BEFORE} characters and
     * never inside a word or number (a copy cut inside one would show a number that is not there).
     */
    private static int valueStart(String s, int end) {
        int i = end;
        int limit = Math.max(0, end - MAX_BEFORE);
        while (i > limit) {
            char c = s.charAt(i - 1);
            if (Character.isLetterOrDigit(c)
                    || (c == '-' || c == '.' || c == '/' || c == ' ') && i - 1 > limit && Character.isLetterOrDigit(s.charAt(i - 2))) {
                i--;
            } else {
                break;
            }
        }
        if (i == limit && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            while (i < end && Character.isLetterOrDigit(s.charAt(i))) {
                i++; // cut inside a word: start after it
            }
        }
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
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
