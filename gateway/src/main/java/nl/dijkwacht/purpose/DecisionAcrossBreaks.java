package nl.dijkwacht.purpose;

import java.util.Set;

/**
 * {@link PurposeCues#DECISION_TAKEN} over the line breaks that join a conversation's messages, read per message. Of its
 * alternatives only "auxiliary, perhaps a word between, participle" ("is\nafgewezen", "heeft al\nbesloten") has
 * whitespace ({@code \s+}) that can run over a break; the others are written with spaces. That alternative matches
 * whole words separated by whitespace alone, so it spans a break exactly when one message's text, without its trailing
 * whitespace, ends in the auxiliary (or the auxiliary and the word between) and a later one, without its leading
 * whitespace, opens with the rest — with only whitespace-only messages in between, or a message that is the word
 * between alone ("is" + "al" + "afgewezen."). {@link #edges} reads what a message can add at its two ends (no text
 * kept: a few bits), {@link #after} and {@link #completes} put the messages together in order.
 */
final class DecisionAcrossBreaks {

    private static final Set<String> AUXILIARIES = Set.copyOf(PurposeCues.TAKEN_AUXILIARIES);
    private static final Set<String> BETWEEN = Set.copyOf(PurposeCues.TAKEN_BETWEEN);
    private static final Set<String> PARTICIPLES = Set.copyOf(PurposeCues.TAKEN_PARTICIPLES);

    /* edges: what the message holds at its ends */
    /** Only whitespace, or nothing: the break before it and the break after it are one run of whitespace. */
    static final int ONLY_SPACE = 1;
    static final int ENDS_AUXILIARY = 1 << 1;
    static final int ENDS_AUXILIARY_BETWEEN = 1 << 2;
    /** The word between, alone. */
    static final int ONLY_BETWEEN = 1 << 3;
    static final int OPENS_PARTICIPLE = 1 << 4;
    static final int OPENS_BETWEEN_PARTICIPLE = 1 << 5;

    /* state after the messages so far: what they leave open at the break */
    static final int NOTHING_OPEN = 0;
    /** An auxiliary and whitespace: a participle, or the word between and a participle, completes it. */
    static final int AFTER_AUXILIARY = 1;
    /** An auxiliary and the word between, and whitespace: a participle completes it. */
    static final int AFTER_BETWEEN = 2;

    private DecisionAcrossBreaks() {
    }

    /** @param folded one message, folded as {@link PurposeTokens#fold} */
    static int edges(String folded) {
        int from = 0;
        int to = folded.length();
        while (from < to && isSpace(folded.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(folded.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return ONLY_SPACE;
        }
        int edges = 0;
        int firstEnd = RegexWords.wordEnd(folded, from, to);
        if (firstEnd > from) {
            String first = folded.substring(from, firstEnd);
            if (PARTICIPLES.contains(first)) {
                edges |= OPENS_PARTICIPLE;
            }
            if (BETWEEN.contains(first)) {
                int second = spaceEnd(folded, firstEnd, to);
                if (firstEnd == to) {
                    edges |= ONLY_BETWEEN;
                } else if (second > firstEnd && PARTICIPLES.contains(folded.substring(second, RegexWords.wordEnd(folded, second, to)))) {
                    edges |= OPENS_BETWEEN_PARTICIPLE;
                }
            }
        }
        int lastStart = RegexWords.wordStart(folded, from, to);
        if (lastStart < to) {
            String last = folded.substring(lastStart, to);
            if (AUXILIARIES.contains(last)) {
                edges |= ENDS_AUXILIARY;
            }
            if (BETWEEN.contains(last)) {
                int space = spaceStart(folded, from, lastStart);
                if (space < lastStart && space > from && AUXILIARIES.contains(folded.substring(RegexWords.wordStart(folded, from, space), space))) {
                    edges |= ENDS_AUXILIARY_BETWEEN;
                }
            }
        }
        return edges;
    }

    /** Whether a message with these {@link #edges}, read after {@code open}, completes the alternative across a break. */
    static boolean completes(int open, int edges) {
        return open != NOTHING_OPEN && (edges & OPENS_PARTICIPLE) != 0
                || (open & AFTER_AUXILIARY) != 0 && (edges & OPENS_BETWEEN_PARTICIPLE) != 0;
    }

    /** What is open at the break after a message with these {@link #edges}, read after {@code open}. */
    static int after(int open, int edges) {
        if ((edges & ONLY_SPACE) != 0) {
            return open;
        }
        return ((edges & ENDS_AUXILIARY) != 0 ? AFTER_AUXILIARY : 0)
                | ((edges & ENDS_AUXILIARY_BETWEEN) != 0 || (edges & ONLY_BETWEEN) != 0 && (open & AFTER_AUXILIARY) != 0 ? AFTER_BETWEEN : 0);
    }

    private static int spaceEnd(String s, int from, int to) {
        int i = from;
        while (i < to && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int spaceStart(String s, int from, int to) {
        int i = to;
        while (i > from && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
