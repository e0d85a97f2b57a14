package nl.dijkwacht.purpose;

import java.util.List;
import java.util.Set;

/**
 * Who decides (eleventh round, split from {@link PurposeFactors} in the thirteenth): the model's answer taken over as
 * the decision, the model cast as the one who decides, or a script applying its answer with nobody in between.
 */
final class ModelDecides {

    private ModelDecides() {
    }

    /*
     * The regular expressions below run only when the words they need occur (the factors are taken several times per
     * request): "neem … over", a role verb with a decider's noun, and the words that open the other forms.
     */
    private static final Set<String> TAKE = Set.of("neem", "neemt", "nemen");
    private static final Set<String> ROLE_VERBS = Set.of("bent", "are", "act", "speel", "play");
    private static final List<String> DECIDER_ENDINGS = List.of("commissie", "beslisser", "consulent", "officer", "analist", "analyst",
            "recruiter", "manager", "beoordelaar", "assessor", "committee", "jury", "toegangsmedewerker", "caseworker", "decision", "maker");
    private static final Set<String> DECIDES_TRIGGERS = Set.of("wordt", "worden", "zegt", "zeggen", "kiest", "adviseert", "automatisch",
            "automatically", "go", "going", "whatever", "final", "binding", "decision", "namens", "bepaalt", "beslist");
    private static final Set<String> DECISION_NOUNS = Set.of("keuze", "beslissing", "besluit");
    /**
     * The model's answer taken over ("ik neem jouw oordeel over in het rapport", "die neem ik 1 op 1 over"), not "neem een
     * besluit over de aanvraag" (a preposition before its object); or the model cast as the one who decides ("jij bent de
     * selectiecommissie", "je bent een ervaren fraudeanalist", "act as the benefits officer"). A text can be taken over
     * and a role can be played in a training too, so these count only next to a verdict asked.
     */
    private static final java.util.regex.Pattern TAKEN_OVER = java.util.regex.Pattern.compile(
            "\\b(neem|neemt|nemen)\\b[^.;!?\\n]{0,50}?\\bover\\b(?!\\s+(de|het|een|die|dat|deze|dit|hoe|wat|wie|welke|of|beide|alle|zijn|haar"
            + "|hun|mijn|onze|jouw|je|uw|van|uit|[0-9]+)\\b)"
            + "|\\b(jij\\s+bent|je\\s+bent|you\\s+are|act\\s+as|speel|play)\\b(\\s+[\\w'-]+){0,4}?\\s+[\\w-]*(commissie|beslisser|consulent|officer"
            + "|analist|analyst|recruiter|manager|beoordelaar|assessor|committee|jury|toegangsmedewerker|klantmanager|caseworker"
            + "|decision[- ]maker)\\b");
    /** The answer becomes the decision, or a script applies a decision: a verdict asked of the model by itself. */
    private static final java.util.regex.Pattern MODEL_DECIDES = java.util.regex.Pattern.compile(
            "\\b(maak|neem)\\s+(jij\\s+|jullie\\s+)?(de|een|die)\\s+(keuze|beslissing|besluit)\\s+(voor\\s+(ons|mij)|namens)\\b"
            // seventeenth round: "neem hier namens het team het besluit", "kun jij het besluit nemen" — the decision taken by
            // the model (not "kun je het besluit maken", the letter, nor "neem het besluit op in de brief")
            + "|\\b(maak|neem)\\s+((jij|jullie|hier|nu|even|dan)\\s+)*namens\\s+[\\w\\s-]{1,30}?\\s+(het|de|een)\\s+(keuze|beslissing|besluit)\\b"
            + "|\\b(kun|kan|wil|zou)\\s+(jij|je|u)\\s+((hier|nu|even|dan|vandaag|zelf)\\s+)*(het|de|een|dit|dat|die)\\s+(besluit|beslissing)\\s+nemen\\b"
            // "dat wordt het besluit", not "hoe wordt de selectie gedaan?"
            + "|\\b(dat|dit|die|jouw\\s+\\w+|je\\s+\\w+|uw\\s+\\w+|het\\s+antwoord)\\s+(wordt|worden)\\s+(dan\\s+|meteen\\s+|gewoon\\s+|direct\\s+)?"
            + "(het|ons|mijn|onze|de)\\s+(definitieve\\s+)?(besluit|beslissing|uitslag|selectie|indeling)\\b"
            // fourteenth round: the model said to decide by itself ("{BESLUIT: assistent bepaalt hier zelf of …}")
            + "|\\b(assistent|model|ai|jij|je|u)\\s+(bepaalt|beslist)\\s+(hier\\s+|dan\\s+|gewoon\\s+)?zelf\\b"
            + "|\\b(doe|doen)\\s+(ik\\s+|we\\s+)?(gewoon\\s+)?wat\\s+(je|jij|u)\\s+(zegt|zeggen|kiest|adviseert)\\b"
            + "|\\b(go|going)\\s+with\\s+(your|whatever|whichever|what\\s+you)\\b|\\bwhatever\\s+you\\s+(say|pick|choose|decide)\\b"
            + "|\\byour\\s+(call|pick|choice|decision|verdict|ranking)\\s+(is|will\\s+be)\\s+(final|binding|the\\s+decision)\\b"
            // applied by a script or formula with nobody in between, unless said not to be ("nergens automatisch")
            + "|(?<!\\b(niet|nooit|nergens|geen|not|never|no)\\s)\\b(automatisch|automatically)\\b[^.;!?\\n]{0,40}?"
            + "\\b(afwijs\\w*|afwijz\\w*|afgewezen|toeken\\w*|toegekend|stopzet\\w*|weiger\\w*|afkeur\\w*|goedkeur\\w*|uitnodig\\w*"
            + "|reject\\w*|approve\\w*|den(y|ied)|invite\\w*|pay\\s+out|uitbetaal\\w*|uitbetal\\w*)");

    /**
     * @param words         the folded text's words ({@link FactorWords#of})
     * @param verdictAsked  whether a verdict is asked at all (a text taken over or a role played count only then)
     */
    static boolean of(List<String> words, String folded, boolean verdictAsked) {
        boolean take = false;
        boolean over = false;
        boolean roleVerb = false;
        boolean decidesTrigger = false;
        boolean decisionNoun = false;
        boolean voor = false;
        for (String w : words) {
            take |= TAKE.contains(w);
            over |= "over".equals(w);
            roleVerb |= ROLE_VERBS.contains(w);
            decidesTrigger |= DECIDES_TRIGGERS.contains(w);
            decisionNoun |= DECISION_NOUNS.contains(w);
            voor |= "voor".equals(w);
        }
        boolean takenOver = verdictAsked && (take && over || roleVerb && anyEndsWith(words, DECIDER_ENDINGS))
                && TAKEN_OVER.matcher(folded).find();
        return takenOver || (decidesTrigger || decisionNoun && (voor || take)) && MODEL_DECIDES.matcher(folded).find();
    }

    private static boolean anyEndsWith(List<String> words, List<String> endings) {
        for (String w : words) {
            for (String e : endings) {
                if (w.endsWith(e)) {
                    return true;
                }
            }
        }
        return false;
    }
}
