package nl.dijkwacht.pii.normalize;

import static nl.dijkwacht.pii.normalize.OcrCharacters.digit;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * Line breaks of a scan: a word hyphenated at a line end joined ({@code Wolt-\nhuis} → {@code Wolthuis},
 * {@code Oosterhuis-\nDijkstra} → {@code Oosterhuis-Dijkstra}), and a number broken over two lines bridged when the
 * two parts together have the length of an identifier (9–11 digits: {@code 06 4755\n5810}); lines of a table are
 * never bridged.
 */
final class LineBreakRepair {

    private LineBreakRepair() {
    }

    static List<Edit> edits(String s) {
        return edits(s, true);
    }

    /** @param bridgeNumbers whether numbers broken over two lines are bridged too (false: hyphenated words only) */
    static List<Edit> edits(String s, boolean bridgeNumbers) {
        List<Edit> edits = null;
        int n = s.length();
        for (int i = s.indexOf('\n', 1); i > 0 && i + 1 < n; i = s.indexOf('\n', i + 1)) {
            Edit e = null;
            char next = s.charAt(i + 1);
            if (i >= 3 && s.charAt(i - 1) == '-' && Letters.letter(s.charAt(i - 2))
                    && Letters.letter(s.charAt(i - 3)) && Letters.letter(next)) {
                e = Character.isLowerCase(next) ? new Edit(i - 1, i + 1, "") : new Edit(i, i + 1, "");
            } else if (bridgeNumbers && digit(s.charAt(i - 1)) && digit(next)) {
                e = bridge(s, i);
            }
            if (e != null) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.add(e);
            }
        }
        return edits == null ? List.of() : edits;
    }

    /**
     * "06 4755\n5810": the line break is bridged when both parts together have an identifier's 9–11 digits and
     * neither is one already: a space between groups of at most four digits ({@code 06 4755 5810}), else the parts
     * are joined ({@code 99996888\n9} → {@code 999968889}).
     */
    private static Edit bridge(String s, int newline) {
        int before = 0;
        int k = newline - 1;
        while (k >= 0) {
            char c = s.charAt(k);
            if (digit(c)) {
                before++;
                k--;
            } else if ((c == ' ' || c == '-' || c == '.') && k > 0 && digit(s.charAt(k - 1))) {
                k--;
            } else {
                break;
            }
        }
        int groupBefore = 0;
        for (int g = newline - 1; g >= 0 && digit(s.charAt(g)); g--) {
            groupBefore++;
        }
        int groupAfter = 0;
        for (int g = newline + 1; g < s.length() && digit(s.charAt(g)); g++) {
            groupAfter++;
        }
        int after = 0;
        int e = newline + 1;
        while (e < s.length()) {
            char c = s.charAt(e);
            if (digit(c)) {
                after++;
                e++;
            } else if ((c == ' ' || c == '-' || c == '.') && e + 1 < s.length() && digit(s.charAt(e + 1))) {
                e++;
            } else {
                break;
            }
        }
        int total = before + after;
        if (total < 9 || total > 11 || before >= 9 || after >= 9 || postcodeLetters(s, e) || tableLine(s, newline)
                || (k >= 0 && s.charAt(k) == ',') || (e < s.length() && s.charAt(e) == ',')) {
            return null;
        }
        return new Edit(newline, newline + 1, groupBefore <= 4 && groupAfter <= 4 ? " " : "");
    }

    /** " AB" after the digits: the second line starts with a postcode (an address block), not a continuation. */
    private static boolean postcodeLetters(String s, int e) {
        int n = s.length();
        return e + 2 < n && s.charAt(e) == ' ' && Letters.upper(s.charAt(e + 1))
                && Letters.upper(s.charAt(e + 2)) && (e + 3 >= n || !Letters.letter(s.charAt(e + 3)));
    }

    private static boolean tableLine(String s, int newline) {
        int start = s.lastIndexOf('\n', newline - 1) + 1;
        int end = s.indexOf('\n', newline + 1);
        if (end < 0) {
            end = s.length();
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '\t' || c == ';' || c == '|') {
                return true;
            }
        }
        return false;
    }
}
