package nl.dijkwacht.purpose;

/**
 * The third factor of a forbidden purpose (round 6): the <em>domain</em> a request is in — benefits and provisions
 * (uitkering, bijstand, toeslag, kwijtschelding, Wmo, jeugdhulp), applicants and selection, or fraud and enforcement.
 * Stems are looked for inside the folded text, so compounds count ("bijstandsaanvraag", "woonfraude",
 * "sollicitatiebrief"). Used by {@link LayeredPurposeGuard} together with {@link PurposeFactors}.
 */
final class PurposeDomain {

    private static final String[] BENEFITS = PurposeWords.list("domain-benefits").toArray(String[]::new);
    private static final String[] APPLICANTS = PurposeWords.list("domain-applicants").toArray(String[]::new);
    private static final String[] FRAUD = PurposeWords.list("domain-fraud").toArray(String[]::new);

    private PurposeDomain() {
    }

    /**
     * The forbidden purpose (classifier category) whose domain the text is in; {@code preferred} when that one is among
     * them, else the first in the order benefits, applicants, fraud; {@code null} when none.
     *
     * @param folded the text folded as {@link PurposeTokens#fold}
     */
    static String of(String folded, String preferred) {
        boolean benefits = any(folded, BENEFITS);
        boolean applicants = any(folded, APPLICANTS);
        boolean fraud = any(folded, FRAUD);
        if (benefits && PurposeClassifier.BENEFITS.equals(preferred) || applicants && PurposeClassifier.APPLICANTS.equals(preferred)
                || fraud && PurposeClassifier.FRAUD.equals(preferred)) {
            return preferred;
        }
        return benefits ? PurposeClassifier.BENEFITS : applicants ? PurposeClassifier.APPLICANTS : fraud ? PurposeClassifier.FRAUD : null;
    }

    private static boolean any(String folded, String[] stems) {
        for (String stem : stems) {
            if (folded.contains(stem)) {
                return true;
            }
        }
        return false;
    }
}
