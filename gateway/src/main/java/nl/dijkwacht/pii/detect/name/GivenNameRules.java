package nl.dijkwacht.pii.detect.name;

import java.util.List;

/**
 * Rule family: known given names — capitalised ({@code Fatima el Amrani}, {@code Sanne}) and in lower case in chat
 * prompts ({@code jan de vries}). Given names that are also ordinary words ({@code Roos}, {@code Mark},
 * {@code jan} in lower case) need a second name part.
 */
final class GivenNameRules {

    static final String KNOWN_GIVEN_NAME = "known given name";
    static final String LOWER_CASE = "lower-case known name";

    private final NameParser parser;
    private final NameGazetteer gazetteer;

    GivenNameRules(NameParser parser) {
        this.parser = parser;
        this.gazetteer = parser.gazetteer();
    }

    /** "Fatima el Amrani", "Sanne": the index to continue from, or -1 when the rule does not apply. */
    int capitalised(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (!t.capitalised() || !gazetteer.isFirstName(t) || t.in(NameWords.NOT_NAMES)
                || gluedToDigits(tokens, i)) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, false, false, KNOWN_GIVEN_NAME);
        boolean addressed = name != null && name.endToken() - i == 1 && addressedAtLineStart(text, tokens, i);
        if (name == null || (name.endToken() - i < 2 && t.in(NameWords.AMBIGUOUS) && !addressed)) {
            return -1;
        }
        if (name.endToken() - i == 1 && t.length() <= 4 && t.allCaps()
                && lineHasLowerCase(text, t.start())) {
            return -1; // "aanvraag OLO 7720418": a short word in capitals on a mixed-case line is an acronym
        }
        if (addressed || !(name.endToken() - i == 1 && t.sentenceStart()
                && t.in(NameWords.SENTENCE_START_WORDS))) {
            out.add(name);
        }
        return name.endToken();
    }

    /** "jan de vries", "fatima" in a chat prompt: the index to continue from, or -1. */
    int lowerCase(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (t.capitalised() || !t.isWord() || !gazetteer.isFirstName(t) || precededByNumber(tokens, i)
                || t.in(NameWords.NOT_NAMES)) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, true, false, LOWER_CASE);
        boolean ambiguousStart = t.in(NameWords.LOWERCASE_WORDS);
        if (name != null && (!ambiguousStart || endsOnKnownSurnameAfter(tokens, i, name.endToken()))) {
            name = EmailEchoNameRules.extend(text, tokens, name);
            out.add(name);
            return name.endToken();
        }
        return -1;
    }

    /**
     * "Bas, akkoord." / "&gt;&gt; Mark, kun je …": a known given name that is also a word, opening a line (or a quoted
     * line) and followed by a comma, addresses someone.
     */
    static boolean addressedAtLineStart(String text, List<TextToken> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).is(",")
                || tokens.get(i + 1).start() != tokens.get(i).end()) {
            return false;
        }
        for (int k = tokens.get(i).start() - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '>' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean lineHasLowerCase(String text, int at) {
        for (int k = at - 1; k >= 0 && text.charAt(k) != '\n'; k--) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        for (int k = at; k < text.length() && text.charAt(k) != '\n'; k++) {
            if (Character.isLowerCase(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private boolean endsOnKnownSurnameAfter(List<TextToken> tokens, int first, int endToken) {
        return endToken - first >= 2 && gazetteer.isSurname(tokens.get(endToken - 1));
    }

    /** "NL8123456789BO1": letters inside a code, not a name. */
    private static boolean gluedToDigits(List<TextToken> tokens, int i) {
        TextToken t = tokens.get(i);
        return i > 0 && tokens.get(i - 1).kind() == TextToken.Kind.NUMBER && tokens.get(i - 1).end() == t.start()
                || i + 1 < tokens.size() && tokens.get(i + 1).kind() == TextToken.Kind.NUMBER
                && tokens.get(i + 1).start() == t.end();
    }

    private static boolean precededByNumber(List<TextToken> tokens, int i) {
        return i > 0 && tokens.get(i - 1).kind() == TextToken.Kind.NUMBER;
    }
}
