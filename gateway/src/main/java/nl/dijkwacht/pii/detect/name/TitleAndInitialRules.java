package nl.dijkwacht.pii.detect.name;

import java.util.List;
import nl.dijkwacht.pii.detect.JobWords;
import nl.dijkwacht.words.WordSet;

/**
 * Rule family: titles and forms of address ({@code mevrouw}, {@code dhr.}, {@code Geachte heer dr.}, chained) and
 * initials ({@code J.P. de Vries}). After a title any capitalised word may be the name; after a strong title
 * ({@code mevrouw}, {@code meneer}, {@code dhr.}) a lower-case one too ({@code mevrouw jansen}).
 */
final class TitleAndInitialRules {

    static final String TITLE = "title";
    static final String INITIALS = "initials";
    static final String RELATION = "person word in brackets after it";
    static final String INTRODUCTION = "after a self-introduction";

    private final NameParser parser;

    TitleAndInitialRules(NameParser parser) {
        this.parser = parser;
    }

    /** A title at token {@code i}: the index to continue from (a name after it is added), or -1 if no title. */
    int title(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        int afterTitle = skipTitles(tokens, i);
        if (afterTitle <= i) {
            return -1;
        }
        boolean strong = hadStrongTitle(tokens, i, afterTitle);
        if (!strong && afterTitle < tokens.size() && lineBreakBetween(text, tokens.get(afterTitle - 1).end(),
                tokens.get(afterTitle).start())
                && JobWords.holdsJobWord(text, tokens.get(afterTitle - 1).start(), tokens.get(afterTitle - 1).end())) {
            return afterTitle; // pii47: "Opgesteld door: Backoffice medewerker\nCheck whether …": a function ends its line
        }
        NameSpan name = parser.parse(text, tokens, afterTitle, strong || knownLowerSurname(tokens, afterTitle), true,
                strong, TITLE);
        if (name == null && (strong || ageOrDateInBrackets(text, tokens, afterTitle + 1)) && afterTitle < tokens.size()
                && NameParser.lowerSurnameCandidate(text, tokens, afterTitle) && !tokens.get(afterTitle).capitalised()) {
            TextToken only = tokens.get(afterTitle);
            name = new NameSpan(only.start(), only.end(), afterTitle + 1, TITLE);
        }
        if (name != null) {
            out.add(name);
            return name.endToken();
        }
        return afterTitle;
    }

    private static boolean lineBreakBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static final List<List<String>> INTRODUCTIONS = List.of(List.of("ik", "ben"), List.of("ik", "heet"),
            List.of("mijn", "naam", "is"), List.of("my", "name", "is"), List.of("i", "am"), List.of("wij", "zijn"));
    private static final java.util.Set<String> INTRODUCTION_STARTS = WordSet.of(
            INTRODUCTIONS.stream().map(List::getFirst).toList()); // a WordSet: asked at every word

    /**
     * "Ik ben Winston Tjoe-A-On", "mijn naam is Oksana Melnyk": capitalised words after a self-introduction are the
     * writer's name, known or not. The index to continue from, or -1.
     */
    int introduction(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        if (!tokens.get(i).in(INTRODUCTION_STARTS)) {
            return -1; // runs at every word: most open no phrase
        }
        for (List<String> phrase : INTRODUCTIONS) {
            int n = phrase.size();
            if (i + n >= tokens.size() || !tokens.get(i).lowerIs(phrase.get(0))) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < n && match; k++) {
                match = tokens.get(i + k).lowerIs(phrase.get(k))
                        && TextToken.adjacent(text, tokens.get(i + k - 1), tokens.get(i + k));
            }
            TextToken first = tokens.get(i + n);
            if (!match || !first.capitalised() || !TextToken.adjacent(text, tokens.get(i + n - 1), first)
                    || first.in(NameWords.NOT_NAMES) || first.in(NameWords.TITLES)) {
                continue;
            }
            NameSpan name = parser.parse(text, tokens, i + n, false, true, INTRODUCTION);
            // one word only when it is a known name: "Ik ben Nederlander", "ik ben Blij" are not names
            if (name != null && (name.endToken() - (i + n) >= 2 || parser.gazetteer().isFirstName(first)
                    || parser.gazetteer().isSurname(first))) {
                out.add(name);
                return name.endToken();
            }
        }
        return -1;
    }

    /** "dochter linh (17)", "zoon daan (23-05-2011)": an age or a date in brackets right after the word. */
    static boolean ageOrDateInBrackets(String text, List<TextToken> tokens, int k) {
        return k + 2 < tokens.size() && tokens.get(k).is("(")
                && tokens.get(k + 1).kind() == TextToken.Kind.NUMBER && tokens.get(k + 2).is(")")
                && tokens.get(k).start() - tokens.get(k - 1).end() <= 1;
    }

    private static final java.util.Set<String> POSSESSIVES = WordSet.of(List.of("zijn", "haar", "hun", "mijn", "onze",
            "de", "his", "her", "their", "my"));

    /**
     * "Akosua (zijn dochter)", "Ifrah (de aanvrager)": a capitalised word followed by a person word in brackets is
     * that person's name. The index to continue from, or -1.
     */
    int relationInBrackets(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        int k = i + 1;
        if (!t.capitalised() || t.length() < 2 || t.allCaps() || k + 2 >= tokens.size()
                || !tokens.get(k).is("(") || tokens.get(k).start() - t.end() > 1
                || t.in(NameWords.NOT_NAMES) || t.in(NameWords.TITLES)
                || StreetOrganisationFilter.isStreetOrOrganisation(t.lower())) {
            return -1;
        }
        k++;
        if (tokens.get(k).in(POSSESSIVES)) {
            k++;
        }
        if (k + 1 >= tokens.size() || !tokens.get(k).in(NameWords.TITLES)
                || !tokens.get(k + 1).is(")") || tokens.get(k).in(NameWords.STRONG_TITLES)) {
            return -1;
        }
        out.add(new NameSpan(t.start(), t.end(), i + 1, RELATION));
        return i + 1;
    }

    /** "wethouder dekker": after any title a lower-case word counts when it is a known surname. */
    private boolean knownLowerSurname(List<TextToken> tokens, int k) {
        if (k >= tokens.size()) {
            return false;
        }
        TextToken t = tokens.get(k);
        return t.isWord() && !t.capitalised() && parser.gazetteer().isSurname(t)
                && !t.in(NameWords.LOWERCASE_WORDS) && !t.in(NameWords.COMMON_LOWER);
    }

    /** Initials at token {@code i} ("J.P. de Vries"): the index to continue from, or -1 if not initials. */
    int initials(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        if (tokens.get(i).kind() != TextToken.Kind.INITIALS && !NameParser.abbreviatedInitial(text, tokens, i)) {
            return -1;
        }
        int at = tokens.get(i).start();
        if (at > 0 && Character.isDigit(text.charAt(at - 1))) {
            return -1; // "€ 3O.OOO" in a scan: the O of a number, not an initial
        }
        NameSpan name = parser.parse(text, tokens, i, false, true, INITIALS);
        if (name != null && name.endToken() - i >= 2) {
            out.add(name);
            return name.endToken();
        }
        return i + 1;
    }

    /** The token after a run of titles starting at {@code i} ("geachte heer dr."), or {@code i} if none. */
    static int skipTitles(List<TextToken> tokens, int i) {
        int j = i;
        while (j < tokens.size()) {
            TextToken t = tokens.get(j);
            if (t.isWord() && t.in(NameWords.TITLES)) {
                j++;
                if (j < tokens.size() && (tokens.get(j).is(".") || tokens.get(j).is(":"))) {
                    j++;
                }
                continue;
            }
            // "de heer", also inside a chain ("geachte de heer")
            if (t.isWord() && t.lowerIs("de") && j + 1 < tokens.size()
                    && tokens.get(j + 1).lowerIs("heer")) {
                j++;
                continue;
            }
            break;
        }
        if (j > i && !tokens.get(j - 1).isWord() && !tokens.get(j - 1).is(".")
                && !tokens.get(j - 1).is(":")) {
            return i;
        }
        // "de" alone is not a title
        if (j == i + 1 && tokens.get(i).lowerIs("de")) {
            return i;
        }
        return j;
    }

    private static boolean hadStrongTitle(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).in(NameWords.STRONG_TITLES)) {
                return true;
            }
        }
        return false;
    }
}
