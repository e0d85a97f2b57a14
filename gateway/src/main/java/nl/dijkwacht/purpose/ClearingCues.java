package nl.dijkwacht.purpose;

/**
 * Whether a text holds one of the cues that lower the purpose guard's verdict (guard49): not about cases
 * ({@link PurposeFactors#notAboutCases}: policy, rules, an example, fiction, figures over a group) or a decision said to
 * be taken (the classifier's {@link PurposeTokens#DECISION_TAKEN} marker, {@link PurposeCues#decisionStated},
 * {@link PurposeCues#decisionTakenLate}). Asked of a conversation's joined messages to decide whether each message must
 * also be judged on its own ({@link LayeredPurposeGuard}); meant to over-detect (a name is not looked for, so figures
 * over a group count as not about cases even beside a name): a cue found costs only those judgements.
 */
final class ClearingCues {

    private static final String[] NO_MARKERS = {};

    private ClearingCues() {
    }

    /**
     * @param folded  {@link PurposeTokens#fold fold(text)}
     * @param markers the classifier's marker tokens of the text, or null when not at hand (the cue words are read)
     */
    static boolean in(String text, String folded, String[] markers) {
        boolean decision = markers != null ? PurposeFactors.has(markers, PurposeTokens.DECISION_TAKEN) : PurposeCues.of(folded).decisionTaken;
        return decision || PurposeCues.decisionStated(folded) || PurposeCues.decisionTakenLate(folded)
                || PurposeFactors.of(text, folded, markers == null ? NO_MARKERS : markers).notAboutCases;
    }
}
