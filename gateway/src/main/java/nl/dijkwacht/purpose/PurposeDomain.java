package nl.dijkwacht.purpose;

import java.util.List;
import nl.dijkwacht.words.LiteralsInText;

/**
 * The third factor of a forbidden purpose (round 6): the <em>domain</em> a request is in — benefits and provisions
 * (uitkering, bijstand, toeslag, kwijtschelding, Wmo, jeugdhulp), applicants and selection, or fraud and enforcement.
 * Stems are looked for inside the folded text, so compounds count ("bijstandsaanvraag", "woonfraude",
 * "sollicitatiebrief"), in one pass ({@link LiteralsInText}; with the policy's rules' literals when the text is
 * ASCII: {@link MessageReadings}). Used by {@link LayeredPurposeGuard} together with {@link PurposeFactors}.
 */
final class PurposeDomain {

    /**
     * The stems of the three domains: sets 0, 1, 2 of {@link #STEMS}, so bits {@link #BENEFITS_DOMAIN},
     * {@link #APPLICANTS_DOMAIN}, {@link #FRAUD_DOMAIN} of its answer.
     */
    static final List<List<String>> STEM_SETS = List.of(PurposeWords.list("domain-benefits"), PurposeWords.list("domain-applicants"),
            PurposeWords.list("domain-fraud"));
    private static final LiteralsInText STEMS = LiteralsInText.of(STEM_SETS);
    private static final int ALL_DOMAINS = 7;

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
        return of(STEMS.in(folded));
    }

    /** The domains in the answer of an automaton ({@link LiteralsInText#in}) whose first sets are {@link #STEM_SETS}. */
    static int of(long[] found) {
        return (int) found[0] & ALL_DOMAINS;
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
}
