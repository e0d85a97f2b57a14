package nl.dijkwacht.purpose;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the cues that lower a verdict (guard50, after guard49's reverted check): not about cases
 * ({@link PurposeFactors#notAboutCases}: the not-cases and process words and word pairs) and a decision said to be
 * taken (the decision words of {@link PurposeCues}, {@link PurposeCues#decisionStated}, {@link PurposeCues#decisionTakenLate}).
 * Looked up in the same one lookup per word as {@link PurposeCues}' own lists, while the classifier's scan reads the
 * message anyway, so a message without such a word costs nothing more; only a conversation where one message holds
 * one has its other messages judged on their own ({@link LayeredPurposeGuard}). Over-detects by design: a cue word
 * found costs those judgements, a cue word missed reopens the walk-around (one message clearing another's request).
 *
 * <p>The factors read words as runs of letters, digits and hyphens ({@link FactorWords}); the cue scan reads runs of
 * [a-z0-9_] ({@link RegexWords}). So a listed word is entered by each of its [a-z0-9] parts (a compound's head or
 * modifier is a cue too), and an underscore inside a scanned word separates words here, as it does for the factors.
 */
final class ClearingCues {

    private ClearingCues() {
    }

    private static final Pattern PART = Pattern.compile("[a-z0-9]+");

    /** A word whose presence alone may be a cue (a not-cases or process word, a decision word, or a part of one). */
    static final Set<String> WORDS = words();
    /** The first and second words of the not-cases and process pairs, and the pairs themselves as {@code first_second}. */
    static final Set<String> PAIR_FIRST;
    static final Set<String> PAIR_SECOND;
    static final Set<String> PAIRS;

    static {
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (String list : List.of("not-cases-pairs", "process-pairs")) {
            for (String pair : PurposeWords.pairs(list)) {
                int cut = pair.indexOf('_');
                first.add(pair.substring(0, cut));
                second.add(pair.substring(cut + 1));
                pairs.add(pair);
            }
        }
        PAIR_FIRST = Set.copyOf(first);
        PAIR_SECOND = Set.copyOf(second);
        PAIRS = Set.copyOf(pairs);
    }

    private static Set<String> words() {
        Set<String> out = new HashSet<>();
        for (String list : List.of("not-cases-words", "process-words", "decision-participles")) {
            for (String word : PurposeWords.list(list)) {
                Matcher m = PART.matcher(word);
                while (m.find()) {
                    out.add(m.group());
                }
            }
        }
        // PurposeCues.decisionStated's two openings (PurposeCues.DECISION_WORDS count too: PurposeCues adds them)
        out.add("decision");
        out.add("already");
        return Set.copyOf(out);
    }
}
