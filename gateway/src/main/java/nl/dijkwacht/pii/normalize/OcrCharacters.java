package nl.dijkwacht.pii.normalize;

import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.words.Letters;

/** Character tests the OCR repairs share. */
final class OcrCharacters {

    private static final Set<String> MONTHS = Set.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul",
            "aug", "sep", "sept", "okt", "nov", "dec");

    private OcrCharacters() {
    }

    /** Whether a month name follows the space (pii48b: or the line break, {@code ll\naugustus}) at {@code j}. */
    static boolean monthFollows(String s, int j) {
        if (j >= s.length() || s.charAt(j) != ' ' && s.charAt(j) != '\n') {
            return false;
        }
        int a = j + 1;
        int b = a;
        while (b < s.length() && Letters.letter(s.charAt(b))) {
            b++;
        }
        return b > a && MONTHS.contains(s.substring(a, b).toLowerCase(Locale.ROOT));
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
