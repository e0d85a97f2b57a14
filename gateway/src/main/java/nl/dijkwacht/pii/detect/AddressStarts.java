package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cheap tests of where {@link AddressRecognizer} can find an address at all, so that its pattern is tried only at
 * offsets where it can match (regex20) and a caller can skip a span without one. Kept apart from the recognizer because
 * they restate its pattern by hand: change both together.
 */
public final class AddressStarts {

    private AddressStarts() {
    }

    /**
     * False when {@link AddressRecognizer#find} finds nothing in {@code text[from, to)}: every address it reports ends in a house number
     * whose first digit (1–9) follows a space — both patterns' {@code " [1-9]"}, and the walk that runs them and
     * its street-by-place rule starts only at such a digit.
     */
    public static boolean mayFindIn(String text, int from, int to) {
        for (int p = from + 1; p < to; p++) {
            char c = text.charAt(p);
            if (c >= '1' && c <= '9' && text.charAt(p - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link AddressRecognizer}'s pattern can match from offset {@code q}: each of its alternatives starts with an ASCII letter,
     * and its look-behind fails after an ASCII letter or digit; from a lower-case letter only a lower-case street can
     * start ({@link #lowerCaseStreetMayStart}). Trying it only there finds the same matches as {@code find()}, which
     * tries every offset.
     */
    static boolean mayStart(String text, int q) {
        char c = text.charAt(q);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            return false;
        }
        if (q > 0) {
            char b = text.charAt(q - 1);
            if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
                return false;
            }
        }
        return c <= 'Z' ? capitalStreetMayStart(text, q) : lowerCaseStreetMayStart(text, q);
    }

    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te",
            "op", "aan", "in", "la", "le", "du", "di", "da");

    /**
     * Whether {@link AddressRecognizer}'s pattern can match from a capital at {@code q}. A match is words parted by single spaces — at most
     * four before the street (the first a capitalised word, the others capitalised words or particles), the street in
     * one to three words ("Grote Markt", "van de kerkstraat") — and then a space and the house number's first digit.
     * No word before the house number is followed by a space and a digit, so the first word that is ends the street,
     * and every word three or more before it must be one the pattern allows before a street. "Jansen en ik woon aan
     * de Dorpsstraat 12" fails at "en" (regex20: the pattern took ~2 µs to find that out).
     */
    private static boolean capitalStreetMayStart(String text, int q) {
        int n = text.length();
        int wordStart = q;
        List<Integer> starts = null;
        for (int word = 0; word <= 6; word++) {
            int space = text.indexOf(' ', wordStart);
            if (space < 0 || space + 1 >= n || space == wordStart) {
                return false; // no house number follows, or two spaces in a row
            }
            char next = text.charAt(space + 1);
            if (next >= '1' && next <= '9') {
                // words 0 … word: the last one to three are the street, the ones before must be words a prefix allows
                for (int k = 1; k <= word - 3; k++) {
                    int s = starts.get(k - 1);
                    int e = text.indexOf(' ', s);
                    char first = text.charAt(s);
                    if (!(first >= 'A' && first <= 'Z') && !PARTICLES.contains(text.substring(s, e))) {
                        return false;
                    }
                }
                return true;
            }
            if (starts == null) {
                starts = new ArrayList<>(6);
            }
            wordStart = space + 1;
            starts.add(wordStart);
        }
        return false;
    }

    /** The words that may open a street in lower case: {@link AddressRecognizer}'s pattern's {@code (?:van|der|…|van den) } before it. */
    private static final Set<String> LOWER_CASE_OPENERS = Set.of("van", "der", "den", "oude", "nieuwe", "korte", "lange",
            "grote", "kleine", "hoge", "lage");
    private static final List<String> LOWER_CASE_ENDINGS = List.of("straat", "laan", "weg", "plein", "gracht", "kade",
            "singel", "dijk", "hof", "dreef", "steeg", "plantsoen");

    /**
     * Whether {@link AddressRecognizer}'s pattern can match from a lower-case letter at {@code q} (regex20: five of the six words the
     * pattern was tried at before "de Dorpsstraat 12" were ordinary lower-case words, ~0.45 µs each). From a lower-case
     * letter only its last alternative can: an opener word and a space, or {@code [a-z]{2,}} ending in a street word and
     * then a space and the house number's first digit. The run of {@code [a-z]} from {@code q} is that word whole (a
     * space must follow it), so a run that is neither cannot start a match; anything else is left to the pattern.
     */
    private static boolean lowerCaseStreetMayStart(String text, int q) {
        int n = text.length();
        int e = q;
        while (e < n && text.charAt(e) >= 'a' && text.charAt(e) <= 'z') {
            e++;
        }
        if (e >= n || text.charAt(e) != ' ') {
            return false;
        }
        if (e - q <= 6 && LOWER_CASE_OPENERS.contains(text.substring(q, e))) {
            return true;
        }
        if (e + 1 >= n || text.charAt(e + 1) < '1' || text.charAt(e + 1) > '9') {
            return false;
        }
        for (String ending : LOWER_CASE_ENDINGS) {
            if (e - q >= ending.length() + 2 && text.startsWith(ending, e - ending.length())) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> MONTHS = java.util.Set.of("januari", "februari", "maart", "april", "mei",
            "juni", "juli", "augustus", "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr",
            "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "january", "february", "march", "may", "june",
            "july", "august", "october");

    /**
     * pii48b: whether a month name follows the number that ends at {@code end} ("Piet de Vries 2 okt 1970"): the
     * number is a day, not a house number.
     */
    static boolean monthFollows(String text, int end) {
        if (end + 4 > text.length() || text.charAt(end) != ' ') {
            return false;
        }
        int a = end + 1;
        int b = a;
        while (b < text.length() && b - a <= 9 && Character.isLetter(text.charAt(b))) {
            b++;
        }
        return b - a >= 3 && MONTHS.contains(text.substring(a, b).toLowerCase(java.util.Locale.ROOT));
    }
}
