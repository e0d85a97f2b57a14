package nl.dijkwacht.pii.detect.name;

import java.util.List;

/**
 * Rule family: titles and forms of address ({@code mevrouw}, {@code dhr.}, {@code Geachte heer dr.}, chained) and
 * initials ({@code J.P. de Vries}). After a title any capitalised word may be the name; after a strong title
 * ({@code mevrouw}, {@code meneer}, {@code dhr.}) a lower-case one too ({@code mevrouw jansen}).
 */
final class TitleAndInitialRules {

    static final String TITLE = "title";
    static final String INITIALS = "initials";

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
        NameSpan name = parser.parse(text, tokens, afterTitle, strong, true, strong, TITLE);
        if (name == null && strong && afterTitle < tokens.size()
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

    /** Initials at token {@code i} ("J.P. de Vries"): the index to continue from, or -1 if not initials. */
    int initials(String text, List<TextToken> tokens, int i, List<NameSpan> out) {
        if (tokens.get(i).kind() != TextToken.Kind.INITIALS) {
            return -1;
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
            if (t.isWord() && NameWords.TITLES.contains(t.lower())) {
                j++;
                if (j < tokens.size() && (tokens.get(j).text().equals(".") || tokens.get(j).text().equals(":"))) {
                    j++;
                }
                continue;
            }
            // "de heer", also inside a chain ("geachte de heer")
            if (t.isWord() && t.lower().equals("de") && j + 1 < tokens.size()
                    && tokens.get(j + 1).lower().equals("heer")) {
                j++;
                continue;
            }
            break;
        }
        if (j > i && !tokens.get(j - 1).isWord() && !tokens.get(j - 1).text().equals(".")
                && !tokens.get(j - 1).text().equals(":")) {
            return i;
        }
        // "de" alone is not a title
        if (j == i + 1 && tokens.get(i).lower().equals("de")) {
            return i;
        }
        return j;
    }

    private static boolean hadStrongTitle(List<TextToken> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (NameWords.STRONG_TITLES.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }
}
