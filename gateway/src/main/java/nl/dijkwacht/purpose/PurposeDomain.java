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

    /** {@link #in} bits. */
    static final int BENEFITS_DOMAIN = 1;
    static final int APPLICANTS_DOMAIN = 2;
    static final int FRAUD_DOMAIN = 4;

    /**
     * The forbidden purpose (classifier category) whose domain the text is in; {@code preferred} when that one is among
     * them, else the first in the order benefits, applicants, fraud; {@code null} when none.
     *
     * @param folded the text folded as {@link PurposeTokens#fold}
     */
    static String of(String folded, String preferred) {
        return of(in(folded), preferred);
    }

    /**
     * The domains the folded text is in, as {@link #BENEFITS_DOMAIN} | {@link #APPLICANTS_DOMAIN} | {@link #FRAUD_DOMAIN}.
     * A stem holds no line break, so a conversation's joined text is in a domain exactly when one of its messages is
     * ({@link MessageReadings}).
     */
    static int in(String folded) {
        return (any(folded, BENEFITS) ? BENEFITS_DOMAIN : 0) | (any(folded, APPLICANTS) ? APPLICANTS_DOMAIN : 0)
                | (any(folded, FRAUD) ? FRAUD_DOMAIN : 0);
    }

    /** {@link #of(String, String)} for the domains found by {@link #in}. */
    static String of(int domains, String preferred) {
        boolean benefits = (domains & BENEFITS_DOMAIN) != 0;
        boolean applicants = (domains & APPLICANTS_DOMAIN) != 0;
        boolean fraud = (domains & FRAUD_DOMAIN) != 0;
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
