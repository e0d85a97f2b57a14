package nl.dijkwacht.purpose;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;

/**
 * Thirteenth round: a letter about a Wmo provision already decided ("de traplift voor dhr. Bosman wordt toegekend,
 * maak de beschikkingstekst", "Besluit is al genomen: scootmobiel toegekend voor dhr. Verbrugge") names the aid, not the
 * person's condition. The term list counts a stairlift as health data (care under the Wmo reveals a health situation),
 * and next to a named person the special-category step took such letters for that person's data — four writers' near
 * misses of the kind "brief-besluit". Here: every term the list finds is a provision ({@code provision-terms}), the text
 * says the decision has been taken, and it names no condition (no special-category word of the guard's own lists).
 */
final class ProvisionLetter {

    private static final Set<String> PROVISIONS = PurposeWords.set("provision-terms");

    private ProvisionLetter() {
    }

    /**
     * @param texts  the messages as the guard reads them ({@link PurposeText}), joined only when the cheap looks pass
     * @param folded {@link PurposeTokens#fold fold} of the joined messages
     * @param tokens their {@link PurposeTokens} or only their markers
     */
    static boolean of(SpecialCategoryRecognizer terms, List<String> texts, String folded, String[] tokens) {
        // the cheap looks first, without allocating: most texts with a listed term name no provision at all
        if (PurposeFactors.has(tokens, PurposeTokens.SPECIAL_WORD) || !namesProvision(folded) || !decided(folded, tokens)
                || PurposeCues.moreSpecial(folded)) {
            return false;
        }
        String text = String.join("\n", texts);
        List<Finding> found = terms.find(text);
        if (found.isEmpty()) {
            return false;
        }
        for (Finding f : found) {
            if (!PROVISIONS.contains(text.substring(f.start(), f.end()).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean namesProvision(String folded) {
        for (String provision : PROVISIONS) {
            if (folded.contains(provision)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A decision signed: the decision named and signed in one sentence ("De afwijzing van de traplift … is gisteren
     * getekend door de teamleider", the full stop of "mevr." inside), or someone who has signed ("Mijn teamleider heeft
     * getekend").
     */
    private static final Pattern SIGNED = Pattern.compile("\\b(afwijzing|toekenning|besluit|beschikking)\\b[^;!?\\n]{0,80}?"
            + "\\b(is|werd|zijn|werden)\\b[^.;!?\\n]{0,40}?\\b(ondertekend|getekend)\\b|\\b(heeft|hebben)\\s+(ondertekend|getekend)\\b");

    /** The decision said to be taken: the token cue, the verb-final order, the English forms, or signed. */
    private static boolean decided(String folded, String[] tokens) {
        return PurposeFactors.has(tokens, PurposeTokens.DECISION_TAKEN) || PurposeCues.decisionTakenLate(folded)
                || PurposeCues.decisionStated(folded) || folded.contains("getekend") && SIGNED.matcher(folded).find();
    }
}
