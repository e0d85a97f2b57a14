package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a conversation that carry its request (guard49): the cues that lower a verdict — not about cases
 * ("alleen beleid", "fictief", figures over a group: {@link PurposeFactors#notAboutCases}) and a decision said to be
 * taken ({@link PurposeTokens#DECISION_TAKEN}, {@link PurposeCues#decisionStated}, {@link PurposeCues#decisionTakenLate})
 * — count for a conversation only where they hold in every message that carries the request; read over the joined
 * messages, a system prompt, an earlier answer or a tool result saying "dit gaat niet over echte gevallen" cleared a
 * verdict asked on a named case in the user's message. The messages that carry the request are those that ask a verdict
 * on their own ({@link PurposeFactors#verdictAsked}); where none does (the verdict is read over a line break, or none is
 * asked at all), the one the classifier finds most forbidden on its own.
 *
 * <p>Read only where a conversation of more than one message would be cleared by such a cue; one message is read as
 * before. Holds the texts for this request only.
 */
final class RequestMessages {

    private final List<String> texts;
    private final PurposeClassifier classifier;
    /** Per message, read on first use: folded text, tokens, factors. */
    private String[] folds;
    private String[][] tokens;
    private int[] carriers;
    /** Whether the carriers ask a verdict on their own (else: the one the classifier finds most forbidden). */
    private boolean verdictCarriers;

    private RequestMessages(List<String> texts, PurposeClassifier classifier) {
        this.texts = texts;
        this.classifier = classifier;
    }

    /** The request's messages; null for one message (the joined reading is the message's own). */
    static RequestMessages of(List<String> texts, PurposeClassifier classifier) {
        return texts.size() < 2 ? null : new RequestMessages(texts, classifier);
    }

    /** Whether every message that carries the request is about policy, rules or figures, not about cases. */
    boolean notAboutCases() {
        for (int c : carriers()) {
            if (!PurposeFactors.of(texts.get(c), folds[c], tokens[c]).notAboutCases) {
                return false;
            }
        }
        return true;
    }

    /** Whether every message that carries the request says a decision is taken (the token cue or the stated form). */
    boolean decisionStated() {
        for (int c : carriers()) {
            if (!PurposeFactors.has(tokens[c], PurposeTokens.DECISION_TAKEN) && !PurposeCues.decisionStated(folds[c])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every message that carries the request says a decision is taken (the token cue or the verb-final order). */
    boolean decisionTakenLate() {
        for (int c : carriers()) {
            if (!PurposeFactors.has(tokens[c], PurposeTokens.DECISION_TAKEN) && !PurposeCues.decisionTakenLate(folds[c])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the classifier's decision-taken marker of the joined messages comes from elsewhere than a message that asks
     * a verdict: some message asks one, and one of those lacks the marker. The classifier weighs the marker heavily
     * towards "allowed" (a decision already taken), so the joined score is then read without it.
     */
    boolean decisionMarkerBesideTheVerdict() {
        // no message asks a verdict on its own: the marker stays as the joined text has it
        if (carriers().length == 0 || !verdictCarriers) {
            return false;
        }
        for (int c : carriers) {
            if (!PurposeFactors.has(tokens[c], PurposeTokens.DECISION_TAKEN)) {
                return true;
            }
        }
        return false;
    }

    /** The joined messages' classifier tokens without the decision-taken marker (as the joined scan, the marker left out). */
    static String[] tokensWithoutDecision(String joined, String folded, boolean specialTerm) {
        List<String> out = new ArrayList<>(64);
        int scanned = PurposeTokens.scan(joined, folded, PurposeTokens.NO_WORD_BEFORE, out::add);
        PurposeCues cues = PurposeCues.of(folded);
        int shape = PurposeTokens.withCues(PurposeTokens.shape(scanned), cues.specialWord, false);
        java.util.Collections.addAll(out, PurposeTokens.markers(shape, specialTerm));
        return out.toArray(String[]::new);
    }

    private int[] carriers() {
        if (carriers != null) {
            return carriers;
        }
        int n = texts.size();
        folds = new String[n];
        tokens = new String[n][];
        List<Integer> asking = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            folds[i] = PurposeTokens.fold(texts.get(i));
            tokens[i] = PurposeTokens.of(texts.get(i), folds[i], false);
            if (PurposeFactors.of(texts.get(i), folds[i], tokens[i]).verdictAsked) {
                asking.add(i);
            }
        }
        verdictCarriers = !asking.isEmpty();
        if (asking.isEmpty()) {
            int most = 0;
            double best = -1;
            for (int i = 0; i < n; i++) {
                double f = classifier.classify(tokens[i]).forbidden();
                if (f > best) {
                    best = f;
                    most = i;
                }
            }
            asking.add(most);
        }
        carriers = asking.stream().mapToInt(Integer::intValue).toArray();
        return carriers;
    }
}
