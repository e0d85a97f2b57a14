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
        if (!t.capitalised() || !gazetteer.isFirstName(t.lower()) || NameWords.NOT_NAMES.contains(t.lower())) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, false, false, KNOWN_GIVEN_NAME);
        if (name == null || (name.endToken() - i < 2 && NameWords.AMBIGUOUS.contains(t.lower()))) {
            return -1;
        }
        if (!(name.endToken() - i == 1 && t.sentenceStart() && NameWords.SENTENCE_START_WORDS.contains(t.lower()))) {
            out.add(name);
        }
        return name.endToken();
    }

    /** "jan de vries", "fatima" in a chat prompt: the index to continue from, or -1. */
    int lowerCase(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        TextToken t = tokens.get(i);
        if (t.capitalised() || !t.isWord() || !gazetteer.isFirstName(t.lower()) || precededByNumber(tokens, i)
                || NameWords.NOT_NAMES.contains(t.lower())) {
            return -1;
        }
        NameSpan name = parser.parse(text, tokens, i, true, false, LOWER_CASE);
        boolean ambiguousStart = NameWords.LOWERCASE_WORDS.contains(t.lower());
        if (name != null && (!ambiguousStart || endsOnKnownSurnameAfter(tokens, i, name.endToken()))) {
            out.add(name);
            return name.endToken();
        }
        return -1;
    }

    private boolean endsOnKnownSurnameAfter(List<TextToken> tokens, int first, int endToken) {
        return endToken - first >= 2 && gazetteer.isSurname(tokens.get(endToken - 1).lower());
    }

    private static boolean precededByNumber(List<TextToken> tokens, int i) {
        return i > 0 && tokens.get(i - 1).kind() == TextToken.Kind.NUMBER;
    }
}
