package nl.dijkwacht.pii.detect;

/**
 * A short remark in brackets beside a list item — "Daan (notulist)", "Roos (voorzitter), Bas" — that the rules reading
 * lists of names step over. Only on the same line and at most {@value #MAX_LENGTH} characters with its blank: a longer
 * bracket is a sentence of its own, not a remark on the item.
 */
public final class BracketRemarks {

    static final int MAX_LENGTH = 40;

    private BracketRemarks() {
    }

    /** At {@code i}, " (…)" on the same line: the index after its ")"; otherwise {@code i}. */
    public static int skipAfter(String text, int i) {
        if (i + 1 < text.length() && text.charAt(i) == ' ' && text.charAt(i + 1) == '(') {
            int close = text.indexOf(')', i + 2);
            int nl = text.indexOf('\n', i);
            if (close > 0 && close - i <= MAX_LENGTH && (nl < 0 || close < nl)) {
                return close + 1;
            }
        }
        return i;
    }

    /** Ending at {@code i}, " (…)" on the same line: the index of its blank; otherwise {@code i}. */
    public static int skipBefore(String text, int i) {
        if (i > 0 && text.charAt(i - 1) == ')') {
            int open = text.lastIndexOf('(', i - 1);
            if (open >= 1 && i - open <= MAX_LENGTH && text.charAt(open - 1) == ' ') {
                int nl = text.indexOf('\n', open);
                if (nl < 0 || nl >= i) { // no line break inside the remark (review51: not "none in the rest of the text")
                    return open - 1;
                }
            }
        }
        return i;
    }
}
