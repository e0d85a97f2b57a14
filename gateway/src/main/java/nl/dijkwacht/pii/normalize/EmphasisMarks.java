package nl.dijkwacht.pii.normalize;

import java.util.List;
import java.util.Set;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Markdown and BBCode emphasis read away where it splits a number (redteam50): {@code 111**222333},
 * {@code **111**222333}, {@code 111~~222~~333}, {@code 1_1_1_2_2_2_3_3_3}, {@code [b]111[/b]222333}. A chat tool, a
 * forum post or a ticket pasted with its markup breaks the value; the model reads it whole.
 *
 * <p>Read away: a run of two or three {@code *}, {@code _} or {@code ~} with a digit on one side and a letter or digit
 * on the other; a single {@code _} between two digits where a group of one digit touches it ({@code 1_1_1}; a date's or
 * a number's groups, {@code 12_03_1985}, {@code 111_222_333}, stay separators for the digit-run pass); a BBCode tag of
 * inline formatting ({@code [b]}, {@code [/i]}, {@code [color=red]}, {@code [size=12]} …) anywhere, as HTML's
 * phrasing tags. Left: a single {@code *} or {@code ~} ({@code 2*3}, {@code ~100}: arithmetic and "about" in ordinary
 * text), emphasis around words, and underscores in names ({@code snake_case}, {@code file_2024_v2}).
 */
final class EmphasisMarks {

    private EmphasisMarks() {
    }

    /** BBCode's inline formatting tags (open and close); a link's {@code [url=…]} says something and stays. */
    private static final Set<String> BBCODE = Set.of("b", "i", "u", "s", "sup", "sub", "color", "colour", "size", "font",
            "highlight", "strike", "em", "strong");

    /** Replacements of every mark read away, sorted and not overlapping; one look at each character finds none. */
    static List<Edit> edits(String s) {
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (int i = 0; i + 1 < n; i++) {
            char c = s.charAt(i);
            if (c != '*' && c != '_' && c != '~' && c != '[') {
                continue;
            }
            int end = c == '[' ? bbcodeEnd(s, i) : markEnd(s, i, c);
            if (end > i) {
                // a number against a word stays apart: "111222333**volgt", "[b]111222333[/b]volgt" (review50)
                edits.add(s, i, end, "");
                i = end - 1;
            }
        }
        return edits.list();
    }

    /** End of the emphasis run of {@code c} starting at {@code i} when it is read away, else {@code i}. */
    private static int markEnd(String s, int i, char c) {
        if (i == 0 || s.charAt(i - 1) == c) {
            return i;
        }
        int end = i;
        while (end < s.length() && s.charAt(end) == c && end - i < 4) {
            end++;
        }
        int run = end - i;
        if (end >= s.length() || run > 3) {
            return i;
        }
        char before = s.charAt(i - 1);
        char after = s.charAt(end);
        if (run >= 2) {
            boolean splits = digit(before) && Character.isLetterOrDigit(after)
                    || Character.isLetterOrDigit(before) && digit(after);
            return splits ? end : i;
        }
        if (c == '_' && digit(before) && digit(after)
                && (i < 2 || !digit(s.charAt(i - 2)) || end + 1 >= s.length() || !digit(s.charAt(end + 1)))) {
            return end; // a one-digit group touches it: 1_1_1, not 12_03_1985
        }
        return i;
    }

    /** End of a BBCode formatting tag at {@code i}, else {@code i}. */
    private static int bbcodeEnd(String s, int i) {
        int n = s.length();
        int k = i + 1;
        if (k < n && s.charAt(k) == '/') {
            k++;
        }
        int nameStart = k;
        while (k < n && k - nameStart < 10 && asciiLetter(s.charAt(k))) {
            k++;
        }
        if (k == nameStart || k >= n) {
            return i;
        }
        String name = s.substring(nameStart, k).toLowerCase(java.util.Locale.ROOT);
        if (!BBCODE.contains(name)) {
            return i;
        }
        if (s.charAt(k) == '=' && s.charAt(nameStart - 1) != '/') {
            int v = k + 1;
            int digits = 0;
            while (v < n && v - k <= 24 && valueChar(s.charAt(v))) {
                digits = digit(s.charAt(v)) ? digits + 1 : 0;
                if (digits >= 5) {
                    return i; // a number in the value: left for the scan
                }
                v++;
            }
            k = v;
        }
        return k < n && s.charAt(k) == ']' ? k + 1 : i;
    }

    private static boolean valueChar(char c) {
        return asciiLetter(c) || digit(c) || c == '#' || c == '-' || c == '.' || c == ' ' || c == '"' || c == '\'';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
