package nl.dijkwacht.pii.normalize;

import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * An RTF document read as the text a word processor shows (redteam51): pasted from Word or WordPad as source, a value
 * is split by control words and groups ({@code 111{\b 222}333}) and its accents written as {@code \'e9} or
 * backslash-u {@code 233?}. Only from a {@code {\rtf} on: elsewhere {@code \b} or {@code \par} is a regular
 * expression or a path.
 *
 * <p>Read: braces as nothing, a control word ({@code \b}, {@code \fs24}, {@code \ansi}, with its one delimiting space)
 * as nothing — a parameter of more than eight digits ({@code \fs111222333}) stays as text, no parameter is that long
 * (review51) —, {@code \par}, {@code \line}, {@code \row}, {@code \sect} and {@code \page} as a line break,
 * {@code \tab} and {@code \cell} as a tab, backslash-u and a number N as its character (and its one fallback character
 * skipped), the control symbols {@code \~} (a no-break space) as a space, {@code \_} (a non-breaking hyphen) as a
 * hyphen, and {@code \-}, {@code \*} (optional hyphen, an ignorable destination) as nothing. {@code \'hh} and the
 * escaped {@code \\}, {@code \{}, {@code \}} are left for {@link BackslashEscapes}. A font table's names and a colour
 * table's semicolons stay as text: they are no personal data and cost nothing to scan.
 */
final class RtfText {

    private RtfText() {
    }

    /**
     * Replacements from the first {@code {\rtf} on, then the copies {@link KeptApartEdits} adds; none when {@code s}
     * has no such start.
     */
    static List<Edit> edits(String s) {
        int from = s.indexOf('\\') < 0 ? -1 : s.indexOf("{\\rtf");
        if (from < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '{' || c == '}') {
                edits.add(s, i, i + 1, "");
                i++;
            } else if (c == '\\' && i + 1 < n) {
                i = control(s, i, edits);
            } else {
                i++;
            }
        }
        return edits.list();
    }

    /** The control word or symbol at {@code slash}; returns where the text goes on. */
    private static int control(String s, int slash, KeptApartEdits edits) {
        int n = s.length();
        char next = s.charAt(slash + 1);
        if (next == '\\' || next == '{' || next == '}' || next == '\'') {
            return slash + 2; // an escaped character or a byte: BackslashEscapes reads them
        }
        if (next == '~') {
            edits.add(s, slash, slash + 2, " ");
            return slash + 2;
        }
        if (next == '-' || next == '*' || next == '_') {
            edits.add(s, slash, slash + 2, next == '_' ? "-" : "");
            return slash + 2;
        }
        int k = slash + 1;
        while (k < n && k - slash <= 32 && asciiLetter(s.charAt(k))) {
            k++;
        }
        if (k == slash + 1) {
            return slash + 1;
        }
        String word = s.substring(slash + 1, k);
        int numberStart = k;
        if (k < n && s.charAt(k) == '-') {
            k++;
        }
        int digitsStart = k;
        while (k < n && k - digitsStart < 10 && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        if (k == digitsStart) {
            k = numberStart; // a lone '-' is no parameter
        } else if (k - digitsStart > 8) {
            k = numberStart; // longer than any parameter Word writes (\rsid: 8 digits): a value, kept as text (review51)
        }
        int end = k < n && s.charAt(k) == ' ' ? k + 1 : k;
        String shown = switch (word) {
            case "par", "line", "row", "sect", "page" -> "\n";
            case "tab", "cell" -> "\t";
            case "u" -> k > digitsStart ? unicode(s.substring(numberStart, k)) : "";
            default -> "";
        };
        if (word.equals("u") && k > digitsStart) {
            end = fallbackEnd(s, end);
        }
        edits.add(s, slash, end, shown);
        return end;
    }

    /** The character of backslash-u N (a sign and at most eight digits): N is a signed 16-bit number. */
    private static String unicode(String number) {
        int value = Integer.parseInt(number);
        value = value < 0 ? value + 65536 : value;
        return value > 0xFFFF || Character.isSurrogate((char) value) ? ""
                : TextNormalizer.characters(String.valueOf((char) value));
    }

    /** Past the one fallback character after backslash-u N (a plain character or a {@code \'hh}). */
    private static int fallbackEnd(String s, int i) {
        int n = s.length();
        if (i + 3 < n && s.charAt(i) == '\\' && s.charAt(i + 1) == '\'') {
            return i + 4;
        }
        return i < n && s.charAt(i) != '\\' && s.charAt(i) != '{' && s.charAt(i) != '}' ? i + 1 : i;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
