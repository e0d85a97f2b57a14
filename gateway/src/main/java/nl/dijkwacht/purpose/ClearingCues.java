package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the cues that lower a verdict (guard50, after guard49's reverted check): not about cases
 * ({@link PurposeFactors#notAboutCases}: the not-cases and process words and word pairs) and a decision said to be
 * taken (the classifier's decision-taken cue, {@link PurposeCues#decisionStated}, {@link PurposeCues#decisionTakenLate}:
 * those are asked exactly, and only of a message that holds one of their words).
 * Looked up in the same one lookup per word as {@link PurposeCues}' own lists, while the classifier's scan reads the
 * message anyway, so a message without such a word costs nothing more; only a conversation where one message holds
 * one has its other messages judged on their own ({@link LayeredPurposeGuard}). Over-detects by design: a cue word
 * found costs those judgements, a cue word missed reopens the walk-around (one message clearing another's request).
 *
 * <p>The factors read words as runs of letters, digits and hyphens ({@link FactorWords}); the cue scan reads runs of
 * [a-z0-9_] ({@link RegexWords}). So a compound in the text is read by its parts (a listed word as its head or modifier
 * is found), a listed hyphenated word is read as a pair of its last two parts, and an underscore inside a scanned word
 * separates words here, as it does for the factors.
 */
final class ClearingCues {

    private ClearingCues() {
    }

    private static final Pattern PART = Pattern.compile("[a-z0-9]+");

    /** A word whose presence alone may be a cue: a not-cases or process word (one without a hyphen). */
    static final Set<String> WORDS;
    /**
     * The first and second words of the not-cases and process pairs and of the listed hyphenated words ("ai-verordening"
     * is read as the words "ai" and "verordening" side by side: entering its parts alone made "ai" a cue word, and a
     * system prompt saying "AI-assistent" paid the per-message judgements; review50), and the pairs as {@code first_second}.
     */
    static final Set<String> PAIR_FIRST;
    static final Set<String> PAIR_SECOND;
    static final Set<String> PAIRS;
    /**
     * The words that open a decision said to be taken in the forms read outside the classifier's marker: "decision" and
     * "already" ({@link PurposeCues#decisionStated}), and the participles of {@link PurposeCues#decisionTakenLate}; the
     * text is then asked those expressions, so a participle alone ("de gekozen aanbieder") is no cue.
     */
    static final Set<String> STATED_WORDS = Set.of("decision", "already");
    static final Set<String> LATE_PARTICIPLES = PurposeWords.set("decision-participles");

    static {
        Set<String> words = new HashSet<>();
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (String list : List.of("not-cases-words", "process-words")) {
            for (String word : PurposeWords.list(list)) {
                List<String> parts = new ArrayList<>();
                Matcher m = PART.matcher(word);
                while (m.find()) {
                    parts.add(m.group());
                }
                if (parts.size() == 1) {
                    words.add(parts.get(0));
                } else if (parts.size() > 1) {
                    // the last two parts, side by side in the scan's words
                    String a = parts.get(parts.size() - 2);
                    String b = parts.get(parts.size() - 1);
                    first.add(a);
                    second.add(b);
                    pairs.add(a + "_" + b);
                }
            }
        }
        for (String list : List.of("not-cases-pairs", "process-pairs")) {
            for (String pair : PurposeWords.pairs(list)) {
                int cut = pair.indexOf('_');
                first.add(pair.substring(0, cut));
                second.add(pair.substring(cut + 1));
                pairs.add(pair);
            }
        }
        WORDS = Set.copyOf(words);
        PAIR_FIRST = Set.copyOf(first);
        PAIR_SECOND = Set.copyOf(second);
        PAIRS = Set.copyOf(pairs);
    }
}
