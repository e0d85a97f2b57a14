package nl.dijkwacht.pii.detect;

import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.words.WordList;

/**
 * Filter (pii48): a person's name that is part of the name of a thing written as separate words, which
 * {@code NamedThings} (one word: {@code Anton de Komstraat}) and the organisation filters (a name that opens the
 * thing: {@code Jeroen Bosch Ziekenhuis}) leave:
 * <ul>
 *   <li>a regnal number after a given name: {@code Raadzaal Willem I}, {@code Poppodium Willem II};</li>
 *   <li>a given name that opens a street or venue of several words: {@code Jan Pieter Heijestraat},
 *       {@code Jonas Daniël Meijerplein} — up to three capitalised words (not in capitals; particles between) on the
 *       same line, the last a street or venue word;</li>
 *   <li>a name right after a word that opens an organisation's or a building's name, an abbreviated title between
 *       skipped (a written-out one, {@code Secretariaat wethouder Özcan}, is a person's):
 *       {@code Bibliotheek Anne Frank}, {@code Wijkgebouw Dr. Albert Schweitzer} ({@code organisation-prefixes.txt},
 *       {@code organisation-endings.txt}).</li>
 * </ul>
 * Checked on the name rules' and the model's spans and on the names the finding links echo ({@code FindingLinks}).
 */
public final class NamedAfterPersonFilter {

    private static final Set<String> TITLES = WordList.set("/pii/names/titles.txt");
    private static final java.util.Set<String> STREET_PARTICLES = java.util.Set.of("van", "de", "der", "den", "ter",
            "ten", "te", "'t");

    private NamedAfterPersonFilter() {
    }

    /** Whether the person span [start, end) of {@code text} names a thing. */
    public static boolean namesAThing(String text, int start, int end) {
        return regnalNumberAfter(text, start, end) || streetOrVenueAfter(text, end) || organisationWordBefore(text, start);
    }

    /** A regnal number follows one given name alone ("Willem II"; not "Jordi Puigdomènech i Vila" in capitals). */
    private static boolean regnalNumberAfter(String text, int start, int end) {
        int space = text.indexOf(' ', start);
        if (end + 2 > text.length() || text.charAt(end) != ' ' || space >= 0 && space < end) {
            return false;
        }
        int i = end + 1;
        while (i < text.length() && i - end <= 5 && "IVX".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i == end + 1 || i - end > 5) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
            return false;
        }
        // "Jan I. de Vries": an I with a full stop inside a name is an initial; so is one the sentence goes on after
        // (names49: "mevrouw Anna V. over de aanvraag", "Daan X. en Lotte V. komen"): a full stop that ends a sentence
        // is not followed by a lower-case word or a comma
        return c != '.' || i - end > 2 || i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))
                && !(i + 2 < text.length() && (Character.isUpperCase(text.charAt(i + 2))
                        || Character.isLowerCase(text.charAt(i + 2)) && text.charAt(i + 1) == ' '))
                && !(i - end == 2 && ",;)".indexOf(text.charAt(i + 1)) >= 0);
    }

    private static boolean streetOrVenueAfter(String text, int end) {
        int i = end;
        for (int words = 0; words < 4; words++) {
            if (i >= text.length() || text.charAt(i) != ' ') {
                return false;
            }
            int from = i + 1;
            int to = from;
            while (to < text.length() && (Character.isLetter(text.charAt(to)) || text.charAt(to) == '-')) {
                to++;
            }
            if (to == from) {
                return false;
            }
            String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
            boolean particle = words > 0 && STREET_PARTICLES.contains(lower); // "Jan van Galenstraat", not "in"
            if (!particle && !(Character.isUpperCase(text.charAt(from)) && to - from >= 2
                    && Character.isLowerCase(text.charAt(from + 1)))) { // capitalised: in capitals every word looks so
                return false;
            }
            if (!particle && words > 0 && NamedThings.streetOrVenueWord(lower)) {
                return true;
            }
            i = to;
        }
        return false;
    }

    private static boolean organisationWordBefore(String text, int start) {
        int to = start - 1;
        if (to < 1 || text.charAt(to) != ' ') {
            return false;
        }
        int from = wordStart(text, to);
        String word = text.substring(from, to).toLowerCase(Locale.ROOT);
        if (word.endsWith(".")) { // "Wijkgebouw Dr. Albert Schweitzer"; not "Secretariaat wethouder Özcan"
            if (!TITLES.contains(word.substring(0, word.length() - 1)) || from < 2
                    || text.charAt(from - 1) != ' ') {
                return false;
            }
            to = from - 1;
            from = wordStart(text, to);
            word = text.substring(from, to).toLowerCase(Locale.ROOT);
        }
        return to > from && Character.isUpperCase(text.charAt(from))
                && OrganisationOpeners.opens(word);
    }

    private static int wordStart(String text, int to) {
        int i = to;
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.' && i == to)) {
            i--;
        }
        return i;
    }
}
