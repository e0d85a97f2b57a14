package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Set;
import nl.dijkwacht.words.WordSet;

/**
 * Rule family: lower-case names in a register's order, {@code surname, given name}, as staff type or paste lists
 * ({@code - de jong-van der heide, sietske}, {@code volgorde: latumahina, johannes, dela cruz, maria clara},
 * {@code brief naar ramlal, sunita (achternaam eerst)}). The given name must be a known one (not also a word), the
 * surname one or two words that are no common, function, street or organisation word (particles in front allowed),
 * no given name itself ({@code zeynep, anouk, thijs} and {@code gohar sargsyan, shirin rezaei} are lists of people),
 * the pair must open a list item (line start, bullet, colon, comma, {@code en}) or follow {@code naar}/{@code voor}/
 * {@code van}/{@code aan}/{@code met}, and punctuation, a line end, {@code en}, a number or an e-mail address must
 * close it. Read from the commas of the text only.
 */
final class LowerCaseCommaNameRules {

    static final String LOWER_COMMA = "lower-case surname, given name";

    private static final Set<String> OPENING_WORDS = WordSet.of(List.of("naar", "voor", "van", "aan", "met", "en"));

    private final NameGazetteer gazetteer;

    LowerCaseCommaNameRules(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    void find(String text, List<NameSpan> out) {
        int n = text.length();
        int from = 0;
        for (int c = text.indexOf(", "); c >= 0; c = text.indexOf(", ", c + 1)) {
            if (c == 0 || c < from) { // no surname before a comma that opens the text; later commas still count
                continue;
            }
            int givenStart = c + 2;
            int givenEnd = wordEnd(text, givenStart);
            if (givenEnd == givenStart || !Character.isLowerCase(text.charAt(givenStart))) {
                continue;
            }
            String given = text.substring(givenStart, givenEnd);
            if (!gazetteer.isFirstName(given) || NameWords.AMBIGUOUS.contains(given)
                    || NameWords.NOT_NAMES.contains(given) || !ChatNameRules.surnameLike(given)) {
                continue;
            }
            int end = givenEnd;
            if (!closes(text, end) && end + 1 < n && text.charAt(end) == ' ') { // "maria clara", "jose rizal."
                int secondEnd = wordEnd(text, end + 1);
                if (secondEnd > end + 1 && Character.isLowerCase(text.charAt(end + 1))
                        && ChatNameRules.surnameLike(text.substring(end + 1, secondEnd)) && closes(text, secondEnd)) {
                    end = secondEnd;
                }
            }
            if (!closes(text, end)) {
                continue;
            }
            int start = surnameStart(text, c, gazetteer);
            if (start < 0 || end > givenEnd && twoWords(text, start, c)) {
                continue; // "gohar sargsyan, shirin rezaei": two people, each given name first
            }
            out.add(new NameSpan(start, end, -1, LOWER_COMMA));
            from = end;
        }
    }

    /** The start of the surname ending at {@code comma}, with particles and at most one more word, or -1. */
    private static int surnameStart(String text, int comma, NameGazetteer gazetteer) {
        int start = wordStart(text, comma);
        if (start == comma || !Character.isLowerCase(text.charAt(start))
                || !ChatNameRules.surnameLike(text.substring(start, comma))
                || gazetteer.isFirstName(text.substring(start, comma))) {
            return -1; // "zeynep, anouk, thijs": a list of given names
        }
        boolean secondWord = false;
        int opening = opensList(text, start) ? start : -1;
        while (start >= 2 && text.charAt(start - 1) == ' ') {
            int before = wordStart(text, start - 1);
            if (before == start - 1 || !Character.isLowerCase(text.charAt(before))) {
                break;
            }
            String w = text.substring(before, start - 1);
            if (NameWords.PARTICLES.contains(w)) {
                start = before; // "dos santos", "de jong-van der heide"
            } else if (!secondWord && ChatNameRules.surnameLike(w) && !OPENING_WORDS.contains(w)
                    && !gazetteer.isFirstName(w)) { // "dela cruz", "hernández garcía"; not "gohar sargsyan, shirin …"
                start = before;
                secondWord = true;
            } else {
                break;
            }
            if (opensList(text, start)) {
                opening = start;
            }
        }
        return opening;
    }

    /** Whether a name starting at {@code at} opens a list item or follows a word that introduces a person. */
    private static boolean opensList(String text, int at) {
        int k = at - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        if (k < 0 || text.charAt(k) == '\n') {
            return true;
        }
        char c = text.charAt(k);
        if (c == ':' || c == ',' || c == ';') {
            return true;
        }
        if (c == '-' || c == '*' || c == '•') {
            return k == 0 || text.charAt(k - 1) == '\n' || text.charAt(k - 1) == ' ' && lineStartBefore(text, k - 1);
        }
        if (Character.isLetter(c) && k + 1 < at) {
            String w = text.substring(wordStart(text, k + 1), k + 1);
            return OPENING_WORDS.contains(w);
        }
        return false;
    }

    private static boolean lineStartBefore(String text, int k) {
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k < 0 || text.charAt(k) == '\n';
    }

    /** Punctuation, a line end, "en", a number or an e-mail address after the name. */
    private static boolean closes(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (c == '\n' || c == ',' || c == ';' || c == '.' || c == ')' || c == '(' || c == '?' || c == ':') {
            return true;
        }
        if (c != ' ' || end + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(end + 1);
        if (next == '(' || next == '+' || Character.isDigit(next)) {
            return true;
        }
        int nextEnd = text.indexOf(' ', end + 1);
        String word = text.substring(end + 1, nextEnd < 0 ? text.length() : nextEnd);
        return word.equals("en") || word.indexOf('@') > 0;
    }

    /** Whether [start, end) holds two words that are not particles ("dos santos" is one surname word). */
    private static boolean twoWords(String text, int start, int end) {
        int space = text.lastIndexOf(' ', end - 1);
        return space >= start && !NameWords.PARTICLES.contains(text.substring(start, text.indexOf(' ', start)));
    }

    private static int wordEnd(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '-'
                || text.charAt(j) == '\'' || text.charAt(j) == '’')) {
            j++;
        }
        return j;
    }

    private static int wordStart(String text, int end) {
        int j = end;
        while (j > 0 && (Character.isLetter(text.charAt(j - 1)) || text.charAt(j - 1) == '-'
                || text.charAt(j - 1) == '\'' || text.charAt(j - 1) == '’')) {
            j--;
        }
        return j;
    }
}
