package nl.dijkwacht.pii.detect.name;

import java.util.List;
import nl.dijkwacht.words.WordList;

/**
 * The shared core of the name rules: from a token, parse [given names | initials]* [particles]* surname, and the
 * word tests behind it. Each rule family decides where a name may start; this class decides where it ends.
 */
final class NameParser {

    private static final int MAX_NAME_TOKENS = 7;

    private final NameGazetteer gazetteer;

    NameParser(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    NameGazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * Parses a name from token {@code i}. {@code lowerOk}: lower-case words count when they are known names.
     * {@code anyCapital}: unknown capitalised words count as names (after a title or initials). Null if none.
     */
    NameSpan parse(String text, List<TextToken> tokens, int i, boolean lowerOk, boolean anyCapital, String rule) {
        return parse(text, tokens, i, lowerOk, anyCapital, false, rule);
    }

    /**
     * As above; {@code strongLower}: after a strong title ("geachte heer eijkelkamp,") a lower-case unknown word
     * after particles counts as the surname when the name clearly ends there.
     */
    NameSpan parse(String text, List<TextToken> tokens, int i, boolean lowerOk, boolean anyCapital,
            boolean strongLower, String rule) {
        if (i >= tokens.size()) {
            return null;
        }
        int j = i;
        int lastNameToken = -1;
        int count = 0;
        boolean sawSurnameLike = false;
        while (j < tokens.size() && count < MAX_NAME_TOKENS) {
            TextToken t = tokens.get(j);
            if (j > i && !adjacent(text, tokens, j - 1, j)) {
                break;
            }
            if (t.kind() == TextToken.Kind.INITIALS) {
                if (j > i && lastNameToken == j - 1 && tokens.get(j - 1).kind() != TextToken.Kind.INITIALS) {
                    break;
                }
                count++;
                j++;
                continue;
            }
            if (!t.isWord()) {
                break;
            }
            String lower = t.lower();
            if (abbreviatedInitial(text, tokens, j)) { // "burgemeester Ch. Baljet", "Th. de Groot"
                count++;
                j += 2;
                continue;
            }
            if (j > i && tokens.get(j - 1).kind() == TextToken.Kind.INITIALS && t.length() >= 3
                    && t.allCaps() && !NameWords.NOT_NAMES.contains(lower)
                    && !StreetOrganisationFilter.isStreetOrOrganisation(lower)) {
                lastNameToken = j; // "W. BOSMAN" on a bank statement: capitals after initials
                count++;
                j++;
                break;
            }
            if (NameWords.PARTICLES.contains(lower)) {
                boolean afterKnownSurname = j > 0 && lastNameToken == j - 1
                        && gazetteer.isSurname(tokens.get(j - 1))
                        && !gazetteer.isFirstName(tokens.get(j - 1));
                if (!chineseSurinameseLink(text, tokens, j)
                        && ((count >= 2 && !onlyGivenNames(tokens, i, j)) || afterKnownSurname)) {
                    break; // "Liesbeth Kamphuis van Dimence": particles come before the surname, not after it
                }
                int k = skipParticles(text, tokens, j);
                if (!t.capitalised() && (capitalisedParticleIn(tokens, j + 1, k)
                        || (lowerOk && k < tokens.size() && tokens.get(k).capitalised()
                        && lowerCaseNameBefore(tokens, i, j)))) {
                    break; // "femke van Van Wijnen": "van" is a preposition, a (company) name starts after it
                }
                if (k < tokens.size() && adjacent(text, tokens, k - 1, k)
                        && !tokens.get(k).in(NameWords.PARTICLES)) {
                    TextToken after = tokens.get(k);
                    boolean knownSurname = (after.capitalised() || lowerOk) && gazetteer.isSurname(after);
                    if (knownSurname || isNameWord(after, lowerOk, true)
                            || (lowerOk && strongLower && lowerSurnameCandidate(text, tokens, k))) {
                        count += k - j + 1;
                        lastNameToken = k;
                        sawSurnameLike = true;
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            if (StreetOrganisationFilter.isStreetOrOrganisation(lower) && !hyphenatedSurname(lower)) {
                return null; // "Willem de Zwijgerlaan", "Jeroen Bosch Ziekenhuis"
            }
            if (j == i && StreetOrganisationFilter.isOrganisationPrefix(lower) && !gazetteer.isSurname(lower)
                    && !gazetteer.isFirstName(lower)) {
                return null; // "Notaris: Notariskantoor Van Lidth de Jeude": an organisation, not a name after a title
            }
            boolean ok = isNameWord(t, lowerOk, anyCapital || count > 0 || sawSurnameLike)
                    || (j == i + 1 && count == 1 && namePairInCapitals(tokens.get(i), t));
            if (!ok) {
                break;
            }
            sawSurnameLike = true;
            lastNameToken = j;
            count++;
            j++;
        }
        if (lastNameToken < 0) {
            return null;
        }
        if (StreetOrganisationFilter.legalFormAt(tokens, lastNameToken + 1)
                || StreetOrganisationFilter.streetOrOrganisationFollows(text, tokens, lastNameToken + 1)
                || StreetOrganisationFilter.firmWith(text, tokens, i, lastNameToken + 1)
                || StreetOrganisationFilter.afterOrganisationPrefix(text, tokens, i)
                || StreetOrganisationFilter.insideOrganisationName(text, tokens, i)) {
            return null;
        }
        return new NameSpan(tokens.get(i).start(), tokens.get(lastNameToken).end(), lastNameToken + 1, rule);
    }

    /**
     * After a strong title ("geachte heer eijkelkamp,") a lower-case unknown word is a surname when the name
     * clearly ends there: punctuation, a line break or the end of the text follows.
     */
    static boolean lowerSurnameCandidate(String text, List<TextToken> tokens, int k) {
        TextToken t = tokens.get(k);
        if (!t.isWord() || t.length() < 3 || t.in(NameWords.NOT_NAMES)
                || t.in(NameWords.TITLES) || StreetOrganisationFilter.isStreetOrOrganisation(t.lower())
                || t.in(NameWords.COMMON_LOWER)) {
            return false;
        }
        if (k + 1 >= tokens.size()) {
            return true;
        }
        TextToken next = tokens.get(k + 1);
        if (next.kind() == TextToken.Kind.PUNCT) {
            return ",.;:!?)(".indexOf(next.charAt(0)) >= 0;
        }
        if (text.substring(t.end(), next.start()).indexOf('\n') >= 0) {
            return true;
        }
        // "meneer kowalczyk belde": the word after the unknown one is a typical verb or function word
        return next.isWord() && next.in(NameWords.FOLLOWS_A_NAME) && !t.lower().endsWith("de")
                && !t.lower().endsWith("te") && !t.lower().endsWith("en");
    }

    /** "erik-jan van Leger des Heils": the name so far has a lower-case name word (not only particles). */
    private static boolean lowerCaseNameBefore(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.isWord() && !t.capitalised() && !t.in(NameWords.PARTICLES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalisedParticleIn(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).capitalised()) {
                return true;
            }
        }
        return false;
    }

    /** "Ch.", "Th.", "Chr.": an abbreviated given name written as an initial, followed by more of the name. */
    static boolean abbreviatedInitial(String text, List<TextToken> tokens, int j) {
        TextToken t = tokens.get(j);
        // the dot first: asked at every token, and most tokens are not followed by one (the word list after it, pii23)
        return j + 2 < tokens.size() && tokens.get(j + 1).is(".") && tokens.get(j + 1).start() == t.end()
                && t.in(INITIAL_ABBREVIATIONS)
                && (tokens.get(j + 2).capitalised() || tokens.get(j + 2).kind() == TextToken.Kind.INITIALS
                || tokens.get(j + 2).in(NameWords.PARTICLES))
                && TextToken.adjacent(text, tokens.get(j + 1), tokens.get(j + 2));
    }

    private static final java.util.Set<String> INITIAL_ABBREVIATIONS =
            WordList.set("/pii/names/initial-abbreviations.txt");

    /** "Tjon A Fat", "Kon A Sen": a capital A between two capitalised parts links one Surinamese-Chinese surname. */
    private static boolean chineseSurinameseLink(String text, List<TextToken> tokens, int j) {
        return tokens.get(j).is("A") && j + 1 < tokens.size() && tokens.get(j + 1).capitalised()
                && adjacent(text, tokens, j, j + 1);
    }

    /**
     * The index after the particles from {@code i} ("van der", "in 't"), at most {@value #MAX_PARTICLES} of them: no name
     * has more, and a text of nothing but particles would otherwise be walked again from every one of them (slow27).
     */
    int skipParticles(String text, List<TextToken> tokens, int i) {
        int j = i;
        while (j < tokens.size() && j - i < MAX_PARTICLES && tokens.get(j).isWord() && tokens.get(j).in(NameWords.PARTICLES)
                && (j == i || adjacent(text, tokens, j - 1, j))) {
            j++;
        }
        return j;
    }

    static final int MAX_PARTICLES = 8;

    static boolean adjacent(String text, List<TextToken> tokens, int a, int b) {
        return TextToken.adjacent(text, tokens.get(a), tokens.get(b));
    }

    /** "Zandbergen-Laan": a double surname whose last part is a known surname, not a street. */
    private boolean hyphenatedSurname(String lower) {
        int dash = lower.lastIndexOf('-');
        return dash > 0 && gazetteer.isSurname(lower.substring(dash + 1));
    }

    /**
     * Sixth round: "METIN ÖZDEMİR", "DIMITAR GEORGIEV" — a known given name in capitals (not one that is also a word)
     * followed by a second word in capitals that is no common, function, title, street or organisation word.
     */
    private boolean namePairInCapitals(TextToken first, TextToken second) {
        if (!(first.length() >= 3 && first.allCaps() && second.isWord() && second.length() >= 3 && second.allCaps())) {
            return false; // the strings only for two words in capitals
        }
        String f = first.lower();
        String s = second.lower();
        return gazetteer.isFirstName(f)
                && !NameWords.AMBIGUOUS.contains(f) && !NameWords.LOWERCASE_WORDS.contains(f)
                && !NameWords.NOT_NAMES.contains(s) && !NameWords.COMMON_LOWER.contains(s)
                && !NameWords.FOLLOWS_A_NAME.contains(s) && !NameWords.TITLES.contains(s)
                && !NameWords.PARTICLES.contains(s) && !FUNCTION_WORDS.contains(s)
                && !NameWords.LOWERCASE_WORDS.contains(s) && !StreetOrganisationFilter.isStreetOrOrganisation(s)
                && !StreetOrganisationFilter.hasNonNameEnding(s) && !StreetOrganisationFilter.isOrganisationPrefix(s);
    }

    private static final java.util.Set<String> FUNCTION_WORDS =
            WordList.set("/pii/names/function-words.txt");

    /** Whether tokens [from, to) are all initials or known given names ("Jan Peter", "J.P."). */
    private boolean onlyGivenNames(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            TextToken t = tokens.get(k);
            if (t.kind() != TextToken.Kind.INITIALS && !gazetteer.isFirstName(t)) {
                return false;
            }
        }
        return true;
    }

    private boolean isNameWord(TextToken t, boolean lowerOk, boolean anyCapital) {
        if (t.kind() == TextToken.Kind.INITIALS) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        String lower = t.lower();
        if (NameWords.NOT_NAMES.contains(lower) || StreetOrganisationFilter.isStreetOrOrganisation(lower)) {
            return false;
        }
        if (lower.indexOf('-') > 0) {
            for (String part : lower.split("-")) {
                if (!NameWords.PARTICLES.contains(part) && !gazetteer.isSurname(part)
                        && (NameWords.NOT_NAMES.contains(part) || NameWords.TITLES.contains(part)
                        || StreetOrganisationFilter.isStreetOrOrganisation(part))) {
                    return false;
                }
            }
        }
        if (t.capitalised() && !gazetteer.isSurname(lower) && !gazetteer.isFirstName(lower)
                && StreetOrganisationFilter.hasNonNameEnding(lower)) {
            return false;
        }
        if (t.capitalised()) {
            if (anyCapital) {
                return t.length() > 1 && !t.allCaps();
            }
            return gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        }
        if (lowerOk) {
            return gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        }
        return false;
    }

    static boolean isAllCaps(String s) {
        if (s.length() <= 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) { // a loop, not a stream: asked for most tokens of a text
            char c = s.charAt(i);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }
}
