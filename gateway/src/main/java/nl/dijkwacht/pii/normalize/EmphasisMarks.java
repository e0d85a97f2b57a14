package nl.dijkwacht.pii.normalize;

import java.util.List;
import java.util.Locale;
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
 * phrasing tags; a link's tag ({@code [url=…]}, {@code [email]}; redteam51) read away too, a target moved as written
 * to the text's end ({@link TextNormalizer.Edit#moved}), where it is scanned as before. Left: a single {@code *} or
 * {@code ~} ({@code 2*3}, {@code ~100}: arithmetic and "about" in ordinary text), emphasis around words, and
 * underscores in names ({@code snake_case}, {@code file_2024_v2}).
 */
final class EmphasisMarks {

    private EmphasisMarks() {
    }

    /** BBCode's inline formatting tags (open and close); a link's tags are {@link #LINKS}. */
    private static final Set<String> BBCODE = Set.of("b", "i", "u", "s", "sup", "sub", "color", "colour", "size", "font",
            "highlight", "strike", "em", "strong");

    /**
     * Replacements of every mark read away, sorted and not overlapping, then the copies {@link KeptApartEdits} adds; one
     * look at each character finds none.
     */
    static List<Edit> edits(String s) {
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (int i = 0; i + 1 < n; i++) {
            char c = s.charAt(i);
            if (c != '*' && c != '_' && c != '~' && c != '[') {
                continue;
            }
            int end = c == '[' ? bbcodeEnd(s, i) : markEnd(s, i, c);
            int link = c == '[' && end == i ? linkEnd(s, i) : i;
            if (link > i) {
                // a link's target is scanned where it cannot split the text it sits in (as HtmlMarkup's href)
                // (looked for inside the tag only: a search to the text's end for each tag grew with the text squared)
                edits.add(s, i, link, "", s.indexOf('=', i, link) >= 0);
                i = link - 1;
            } else if (end > i) {
                // a number against a word also read as written: "111222333**volgt", "[b]111222333[/b]volgt" (review50)
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

    /** BBCode's link tags (redteam51): read away as HTML's {@code <a>}, a target moved to the text's end. */
    private static final Set<String> LINKS = Set.of("url", "email", "link");
    /** A link's target is at most this long: a URL or an address, not a paragraph. */
    private static final int MAX_TARGET = 2048;

    /** End of a BBCode link tag ({@code [url]}, {@code [/url]}, {@code [url=…]}, {@code [email=…]}) at {@code i}, else {@code i}. */
    private static int linkEnd(String s, int i) {
        int n = s.length();
        int k = i + 1;
        boolean closing = k < n && s.charAt(k) == '/';
        if (closing) {
            k++;
        }
        int nameStart = k;
        while (k < n && k - nameStart < 5 && asciiLetter(s.charAt(k))) {
            k++;
        }
        if (k >= n || !LINKS.contains(s.substring(nameStart, k).toLowerCase(Locale.ROOT))) {
            return i;
        }
        if (s.charAt(k) == ']') {
            return k + 1;
        }
        if (closing || s.charAt(k) != '=') {
            return i;
        }
        for (int v = k + 1; v < n && v - k <= MAX_TARGET; v++) {
            char c = s.charAt(v);
            if (c == ']') {
                return v + 1;
            }
            if (c == '\n' || c == '[') {
                return i;
            }
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
        String name = s.substring(nameStart, k).toLowerCase(Locale.ROOT);
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
