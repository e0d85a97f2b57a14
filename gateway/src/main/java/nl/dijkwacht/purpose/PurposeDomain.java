package nl.dijkwacht.purpose;

/**
 * The third factor of a forbidden purpose (round 6): the <em>domain</em> a request is in — benefits and provisions
 * (uitkering, bijstand, toeslag, kwijtschelding, Wmo, jeugdhulp), applicants and selection, or fraud and enforcement.
 * Stems are looked for inside the folded text, so compounds count ("bijstandsaanvraag", "woonfraude",
 * "sollicitatiebrief"). Used by {@link LayeredPurposeGuard} together with {@link PurposeFactors}.
 */
final class PurposeDomain {

    private static final String[] BENEFITS = {"uitkering", "bijstand", "toeslag", "kwijtschel", "wmo", "jeugdhulp", "jeugdzorg",
            "voorziening", "pgb", "persoonsgebonden budget", "participatiewet", "minimaregeling", "schuldhulp", "huishoudelijke hulp",
            "leerlingenvervoer", "woningaanpassing", "scootmobiel", "welfare", "benefit", "allowance", "budgethouder",
            // eighth round: the benefit acts staff abbreviate
            "bbz", "ioaw", "ioaz", "tozo", "bijz bijst", "eligib"};
    private static final String[] APPLICANTS = {"sollicit", "vacature", "kandida", "werving", "functieprofiel", "applicant",
            "candidate", "hire", "hiring", "recruit", "uitzendkracht", "invalkracht",
            // eighth round: interns and trainees are selected too
            "stagiair", "stageplek", "trainee", "finalist"};
    private static final String[] FRAUD = {"fraud", "handhav", "misbruik", "oneigenlijk", "huisbezoek", "sociale recherche",
            "onrechtmatig", "terugvorder", "verzwijg", "verzweg",
            // sixth round: what fraud checks look for (undeclared cohabitation, subletting) and suspicion itself
            "samenwon", "gezamenlijke huishouding", "onderverhuur", "verdenking", "verdacht",
            // eighth round: risk points or a risk estimate per case, and the checks planned on it
            "risicopunt", "risico-inschatting", "risicoprofiel", "controles"};

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
