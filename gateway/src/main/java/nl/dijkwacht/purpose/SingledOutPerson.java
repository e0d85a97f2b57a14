package nl.dijkwacht.purpose;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.pii.detect.KnownNames;
import nl.dijkwacht.words.WordList;

/**
 * Seventeenth round (guard51): one specific person, from the shape of the reference rather than from a list of traces —
 * every new writer points at one person in new ways (an allotment plot, a market stall, a licence plate, a grave, a
 * shift), so {@link PersonPointedAt}'s list did not carry over. Three shapes, each of which singles out one person:
 * <ul>
 * <li>a definite or possessive determiner, at most two words, a singular person noun and a word that restricts it —
 * a relative pronoun or a preposition ("de huurder van garagebox 7", "the lady who runs …", "onze collega met …");</li>
 * <li>a singular person noun with an identifier within three words after it ("applicant A-21", "de beller van 09:42",
 * "the resident with licence plate GX-214-T"): a token with a digit that is no year;</li>
 * <li>a known given name ({@link KnownNames}) written with a capital and not as the text's first word ("Priscilla
 * (06-…)", "Karel en Ria", ", Nadia,").</li>
 * </ul>
 * Counts as a named person in the special-category step of {@link LayeredPurposeGuard}, asked last, only where a
 * special-category word and a personal score already hold — a generic singular ("de inwoner die diabetes heeft") would be
 * read as one person too, and is kept out by that score.
 */
final class SingledOutPerson {

    private SingledOutPerson() {
    }

    private static final Set<String> NOUNS = nouns();
    private static final int LONGEST_NOUN = NOUNS.stream().mapToInt(String::length).max().orElse(0);
    private static final int MIN_HEAD = 5;
    private static final int MIN_PREFIX = 3;
    private static final Set<String> DETERMINERS = Set.of("de", "die", "deze", "onze", "mijn", "the", "that", "this", "our", "my");
    private static final Set<String> RESTRICTING = Set.of("die", "dat", "wie", "wiens", "wier", "van", "met", "op", "uit", "aan",
            "bij", "who", "whose", "that", "with", "of", "on", "from", "at");
    private static final Set<String> DEMONYMS = PurposeWords.set("demonyms");
    private static final Set<String> AMBIGUOUS = WordList.set("/pii/names/ambiguous.txt");
    private static final Set<String> ARTICLES = Set.of("de", "het", "een", "the", "a", "an");
    private static final int LONGEST_ARTICLE = ARTICLES.stream().mapToInt(String::length).max().orElse(0);
    /** Words after which a number is a time, a count or a date, not what one person has ("in 5 bullets", "om 11 uur"). */
    private static final Set<String> COUNT_BEFORE = Set.of("in", "op", "om", "voor", "na", "binnen", "over", "tot", "per", "at",
            "for", "after", "within", "by", "to", "until");

    private static Set<String> nouns() {
        Set<String> out = new HashSet<>(PurposeWords.list("singular-person-nouns"));
        out.addAll(PurposeWords.list("person-roles"));
        out.addAll(List.of("mevrouw", "meneer", "mevr", "mw", "dhr"));
        return Set.copyOf(out);
    }

    /**
     * @param text   the messages as read ({@link PurposeText}), joined: with their capitals
     * @param folded the same, folded ({@link PurposeTokens#fold})
     */
    static boolean in(String text, String folded) {
        return byDescription(FactorWords.of(folded)) || byGivenName(text);
    }

    static boolean byDescription(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!isNoun(words.get(i))) {
                continue;
            }
            if (i + 1 < words.size() && RESTRICTING.contains(words.get(i + 1)) && determinedWithin(words, i)) {
                return true;
            }
            for (int j = i + 1; j < words.size() && j <= i + 3; j++) {
                if (isIdentifier(words.get(j)) && !COUNT_BEFORE.contains(words.get(j - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A determiner one to three words before the noun at {@code i}. */
    private static boolean determinedWithin(List<String> words, int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (DETERMINERS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A singular person noun, also as the head of a hyphenated compound ("oud-wethouder") or of a closed one
     * ("pashouder": a head of at least {@value #MIN_HEAD} letters after at least {@value #MIN_PREFIX}).
     */
    static boolean isNoun(String w) {
        if (NOUNS.contains(w)) {
            return true;
        }
        int hyphen = w.lastIndexOf('-');
        if (hyphen > 0 && NOUNS.contains(w.substring(hyphen + 1))) {
            return true;
        }
        // only the tails a noun can be: a long compound is not cut into every tail
        for (int k = Math.max(MIN_PREFIX, w.length() - LONGEST_NOUN); k <= w.length() - MIN_HEAD; k++) {
            if (NOUNS.contains(w.substring(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A token with a digit that is no year: "7", "a-21", "09", "c-208", "gx-214-t" — not "2026", "1998" (a count is told
     * apart by the word before it, {@link #COUNT_BEFORE}).
     */
    static boolean isIdentifier(String w) {
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        if (!digit) {
            return false;
        }
        boolean year = !other && w.length() == 4 && (w.startsWith("19") || w.startsWith("20"));
        return !year;
    }

    /**
     * A capitalised known given name, alone: not the text's first word, not a demonym, not a name that is also an ordinary
     * word (the PII engine's {@code ambiguous.txt}: "Can", "Roos"; a text in capitals gets them back capitalised), not
     * after an article ("the Emma Kinderziekenhuis") or a hyphen, and not followed by another capitalised word (a run is
     * the two-word name marker's).
     */
    static boolean byGivenName(String text) {
        Set<String> firstNames = KnownNames.shared().firstNames();
        int n = text.length();
        int i = 0;
        boolean firstWord = true;
        boolean afterArticle = false;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            // the shape first: only a capitalised word is lowered and looked up (the step reads a whole conversation)
            if (!firstWord && !afterArticle && Character.isUpperCase(c) && i - s >= 3 && !Character.isUpperCase(text.charAt(s + 1))
                    && text.charAt(s - 1) != '-' && !capitalisedNext(text, i)) {
                String lower = lower(text, s, i);
                if (firstNames.contains(lower) && !DEMONYMS.contains(lower) && !AMBIGUOUS.contains(lower)) {
                    return true;
                }
            }
            firstWord = false;
            afterArticle = i - s <= LONGEST_ARTICLE && ARTICLES.contains(lower(text, s, i));
        }
        return false;
    }

    private static String lower(String text, int from, int to) {
        return text.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** The next word, after one space, starts with a capital. */
    private static boolean capitalisedNext(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1));
    }
}
