package nl.dijkwacht.pii.normalize;

import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Backslash escapes read as the characters they stand for (redteam50): a value pasted from JSON, a log line or source
 * code ({@code \}{@code u0031\}{@code u0031…}, {@code \x31\x31…}) and a name that Python's {@code json.dumps} wrote with
 * its ASCII default ("Ren" + backslash-u {@code 00e9} + " de Vries"). The model reads them as the characters; the scan
 * read letters and digits of the escape. Read: a backslash, {@code u} and four hexadecimal digits (a surrogate pair as
 * the one character it encodes, a lone surrogate left), {@code U} and eight, {@code x} and two; the character then goes
 * through the code-point pass like any other ({@link TextNormalizer#characters}). One layer only: a doubled backslash
 * is not looked through, as a JSON reader does not.
 */
final class BackslashEscapes {

    private BackslashEscapes() {
    }

    /** Replacements of every escape in {@code s}, sorted and not overlapping; none when {@code s} has no backslash. */
    static List<Edit> edits(String s) {
        int slash = s.indexOf('\\');
        if (slash < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (; slash >= 0 && slash + 3 < n; slash = s.indexOf('\\', slash + 1)) {
            char kind = s.charAt(slash + 1);
            if (kind == '\\') {
                slash++; // an escaped backslash: what follows is text
                continue;
            }
            int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : kind == 'x' ? 2 : 0;
            int value = digits == 0 ? -1 : hex(s, slash + 2, digits);
            if (value < 0 || value > Character.MAX_CODE_POINT) {
                continue;
            }
            int end = slash + 2 + digits;
            if (Character.isHighSurrogate((char) value) && kind == 'u') {
                int low = end + 6 <= n && s.charAt(end) == '\\' && s.charAt(end + 1) == 'u' ? hex(s, end + 2, 4) : -1;
                if (low < 0 || !Character.isLowSurrogate((char) low)) {
                    continue;
                }
                value = Character.toCodePoint((char) value, (char) low);
                end += 6;
            } else if (value >= 0xD800 && value <= 0xDFFF) {
                continue;
            }
            edits.add(s, slash, end, TextNormalizer.characters(Character.toString(value)));
            slash = end - 1;
        }
        return edits.list();
    }

    /** The value of {@code count} hexadecimal digits from {@code from}, or -1 when there are fewer. */
    private static int hex(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) < 0x80 ? Character.digit(s.charAt(i), 16) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
