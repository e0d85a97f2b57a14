package nl.dijkwacht.pii.detect.name;

import java.util.List;

/**
 * Rule family: names written in capitals of which only a part was found ("ALI [HASSAN] [MOHAMUD]", "(CHIDI [EMEKA
 * OKONKWO], geb …"): a found name in capitals takes in the words in capitals right before and after it on the same
 * line (one space apart, at most two each side) that can be a name part — known to a gazetteer, or four letters or
 * more — and are no common, function, title, street or organisation word ({@link ChatNameRules#surnameLike}).
 */
final class CapitalsNameRules {

    static final String RULE = "name in capitals widened";

    private static final int MAX_WORDS = 2;

    private CapitalsNameRules() {
    }

    /** Replaces each span in capitals by its widened form; other spans stay as they are. */
    static void widen(String text, List<TextToken> tokens, NameGazetteer gazetteer, List<NameSpan> spans) {
        for (int s = 0; s < spans.size(); s++) {
            NameSpan span = spans.get(s);
            if (!NameParser.isAllCaps(text.substring(span.start(), span.end()))) {
                continue;
            }
            int first = tokenAt(tokens, span.start());
            int last = tokenAt(tokens, span.end() - 1);
            if (first < 0 || last < 0) {
                continue;
            }
            int from = first;
            for (int k = first - 1; k >= 0 && first - k <= MAX_WORDS && namePart(text, tokens, gazetteer, k, k + 1); k--) {
                from = k;
            }
            int to = last;
            for (int k = last + 1; k < tokens.size() && k - last <= MAX_WORDS && namePart(text, tokens, gazetteer, k, k - 1);
                    k++) {
                to = k;
            }
            if (from != first || to != last) {
                spans.set(s, new NameSpan(tokens.get(from).start(), tokens.get(to).end(), to + 1, span.rule() + " + " + RULE));
            }
        }
    }

    /** Token {@code k}, one space from its neighbour {@code beside}, is a word in capitals that can be a name part. */
    private static boolean namePart(String text, List<TextToken> tokens, NameGazetteer gazetteer, int k, int beside) {
        TextToken t = tokens.get(k);
        TextToken b = tokens.get(beside);
        int gapFrom = Math.min(t.end(), b.end());
        int gapTo = Math.max(t.start(), b.start());
        if (!t.isWord() || t.length() < 2 || !t.allCaps() || gapTo - gapFrom != 1
                || text.charAt(gapFrom) != ' ') {
            return false;
        }
        String lower = t.lower();
        boolean known = gazetteer.isFirstName(lower) || gazetteer.isSurname(lower);
        return (known || lower.length() >= 4) && ChatNameRules.surnameLike(lower);
    }

    /** The index of the token holding offset {@code at}, or -1. */
    private static int tokenAt(List<TextToken> tokens, int at) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TextToken t = tokens.get(mid);
            if (t.end() <= at) {
                lo = mid + 1;
            } else if (t.start() > at) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
