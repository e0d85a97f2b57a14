package nl.dijkwacht.pii.normalize;

import static nl.dijkwacht.pii.normalize.OcrCharacters.digit;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import nl.dijkwacht.words.Letters;

/**
 * A scanned form's boxes read with bars between them closed up ({@code 2|9|O|4|1|9|3|6} → {@code 29O41936}), as
 * letter-spaced digits are.
 */
final class BoxRepair {

    private BoxRepair() {
    }

    /** Fewest boxes in a row: a date has eight, a BSN nine. */
    private static final int BOX_RUN = 8;

    /**
     * Single digits (or {@code O}/{@code o}/{@code l}/{@code I}) parted by {@code |} and nothing else, at least
     * {@link #BOX_RUN} of them, not inside a table row's bars ({@code |} just before or after the run): the bars go.
     */
    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        for (int bar = s.indexOf('|', 1); bar > 0 && bar + 1 < n; bar = s.indexOf('|', bar + 1)) {
            int a = bar - 1;
            if (!boxChar(s.charAt(a)) || (a > 0 && s.charAt(a - 1) != ' ' && s.charAt(a - 1) != ':'
                    && s.charAt(a - 1) != '\t' && s.charAt(a - 1) != '\n')) {
                continue;
            }
            int count = 1;
            int e = a + 1;
            while (e + 1 < n && s.charAt(e) == '|' && boxChar(s.charAt(e + 1))
                    && (e + 2 == n || !Letters.letterOrDigit(s.charAt(e + 2)))) {
                count++;
                e += 2;
            }
            boolean closed = e == n || s.charAt(e) != '|';
            if (count >= BOX_RUN && closed && (e == n || !Letters.letterOrDigit(s.charAt(e)))) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                for (int k = a + 1; k < e; k += 2) {
                    edits.add(new Edit(k, k + 1, ""));
                }
            }
            bar = Math.max(bar, e);
        }
        return edits == null ? List.of() : edits;
    }

    private static boolean boxChar(char c) {
        return digit(c) || c == 'O' || c == 'o' || c == 'l' || c == 'I';
    }
}
