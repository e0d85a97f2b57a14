package nl.dijkwacht.purpose;

import java.util.Set;
import nl.dijkwacht.pii.detect.KnownNames;
import nl.dijkwacht.words.WordList;

/**
 * A message written in capitals ({@code BEOORDEEL OF MEVROUW JANSEN BIJSTAND KRIJGT}) read in ordinary case, as the
 * guard's shape markers expect it (guard27): the guard folds capitals away for its words, but it takes a capitalised
 * word inside a sentence for part of a name, and in capitals every word is one. Lower case, then a capital for a
 * sentence's first word, for an initial, for a known first name (the PII engine's list, {@link KnownNames}) that is no
 * function word ("wil"), and for a known surname after a name, an initial, a form of address ({@code person-titles}) or
 * a name particle. Case is information a text in capitals
 * has lost: this is a reading, not the writer's case; a name the lists do not know, an acronym and a proper noun stay
 * lower case.
 *
 * <p>A message counts as written in capitals when it has at least {@link #MIN_LETTERS} cased letters and at most one
 * in {@link #LOWER_SHARE} of them is lower case: an ordinary text with a few acronyms ("GGD", "WMO") is read as it is.
 */
final class CapitalsRead {

    static final int MIN_LETTERS = 12;
    /** At most one cased letter in this many lower case. */
    static final int LOWER_SHARE = 20;

    private static final Set<String> TITLES = PurposeWords.set("person-titles");
    /** Words that are first names too ("Wil", "Mag"), read as words: the PII engine's {@code function-words.txt}. */
    private static final Set<String> FUNCTION_WORDS = WordList.set("/pii/names/function-words.txt");
    private static final Set<String> PARTICLES = Set.of("de", "van", "der", "den", "ter", "ten", "el", "al", "von", "le",
            "la", "du", "da");

    private CapitalsRead() {
    }

    /** Whether {@code s} is written in capitals (see the class). */
    static boolean inCapitals(String s) {
        int upper = 0;
        int lower = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if ((i & 63) == 0 && lower * LOWER_SHARE > n) {
                return false; // more lower case than the whole text could hold in capitals: an ordinary text
            }
            char c = s.charAt(i);
            if (c < 128) {
                upper += c >= 'A' && c <= 'Z' ? 1 : 0;
                lower += c >= 'a' && c <= 'z' ? 1 : 0;
            } else if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper + lower >= MIN_LETTERS && lower * LOWER_SHARE <= upper + lower;
    }

    /** Whether the word after {@code s[from]} and any spaces is a known first name or surname. */
    private static boolean knownName(KnownNames names, String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int end = i;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end > i + 1 && names.isName(s.substring(i, end).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether a sentence ends at {@code s[i]}: a line break (not after a hyphen: a word broken over the line), or a full
     * stop, question or exclamation mark before white space — a full stop not after a single letter ("i.v.m.", "J.").
     */
    private static boolean sentenceEnds(String s, int i, int lastWordLength) {
        char c = s.charAt(i);
        if (c == '\n') {
            return i == 0 || s.charAt(i - 1) != '-';
        }
        if (c != '.' && c != '?' && c != '!') {
            return false;
        }
        boolean white = i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1));
        return white && (c != '.' || lastWordLength > 1 && i > 0 && Character.isLetter(s.charAt(i - 1)));
    }

    /** {@code s} in ordinary case when it is written in capitals, else {@code s} itself. */
    static String of(String s) {
        if (!inCapitals(s)) {
            return s;
        }
        KnownNames names = KnownNames.shared();
        StringBuilder out = new StringBuilder(s.length());
        boolean sentenceStart = true;
        // what the word before was: 0 other, 1 a name (capitalised here), 2 a form of address, 3 a particle after 1 or 2
        int before = 0;
        int lastWordLength = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                if (sentenceEnds(s, i, lastWordLength)) {
                    sentenceStart = true;
                }
                if (c != ' ' && c != '.' && c != '-' && c != '\'') {
                    before = 0; // a comma, colon or bracket ends a run of names
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '\'' && end + 1 < n
                    && Character.isLetter(s.charAt(end + 1)))) {
                end++;
            }
            String word = s.substring(i, end).toLowerCase(java.util.Locale.ROOT);
            boolean capital;
            int now;
            if (TITLES.contains(word)) {
                capital = false;
                now = 2;
            } else if (PARTICLES.contains(word) && before != 0) {
                capital = false;
                now = 3;
            } else if (word.length() == 1 && end < n && s.charAt(end) == '.' && (before != 0 || knownName(names, s, end + 1))) {
                capital = true; // an initial after a form of address or a name, or before a known name ("MW. A. KOSTER",
                now = 1;        // "J. JANSEN"); not "I.V.M.
            } else if (names.firstNames().contains(word) && !FUNCTION_WORDS.contains(word)
                    || before != 0 && names.surnames().contains(word)) {
                capital = true;
                now = 1;
            } else {
                capital = false;
                now = 0;
            }
            if (capital || sentenceStart) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                out.append(word);
            }
            sentenceStart = false;
            before = now;
            lastWordLength = end - i;
            i = end;
        }
        return out.toString();
    }
}
