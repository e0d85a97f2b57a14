package nl.dijkwacht.policy;

/**
 * A text read by an administrator's pattern with a work budget: every character the regex engine reads counts, and past
 * {@value #PER_CHAR} reads per character of the text (plus {@value #BASE}) the match stops with
 * {@link MatchBudgetExceeded}. A pattern such as {@code (.*a){20}$} tries every way to pick 20 of a text's a's before
 * it fails (3 s for 24 a's, years for 40) and would hold a request thread that long; the default pack's patterns read each character a few dozen
 * times at most (slow27). Not thread-safe: one per match.
 */
final class MatchBudget implements CharSequence {

    static final long PER_CHAR = 500;
    static final long BASE = 100_000;

    private final String text;
    private final String ruleId;
    private final long[] left; // shared with sub-sequences

    MatchBudget(String text, String ruleId) {
        this(text, ruleId, new long[] {BASE + PER_CHAR * text.length()});
    }

    private MatchBudget(String text, String ruleId, long[] left) {
        this.text = text;
        this.ruleId = ruleId;
        this.left = left;
    }

    @Override
    public char charAt(int index) {
        if (--left[0] < 0) {
            throw new MatchBudgetExceeded(ruleId);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new MatchBudget(text.substring(start, end), ruleId, left);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reads left (for tests). */
    long left() {
        return left[0];
    }
}
