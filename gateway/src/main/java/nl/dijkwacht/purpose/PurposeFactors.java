package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The forbidden purposes taken apart (fifth round): a forbidden request asks for a <em>verdict</em> — decide, choose,
 * rank, score, yes or no, a chance — on <em>concrete cases</em> — named or numbered persons, rows of a pasted table
 * or list, "deze aanvraag", "de sollicitanten hieronder". A near miss usually lacks one of the two (a decision already
 * taken, policy, anonymous figures, an explanation) or says so ({@link #notAboutCases}). Word cues on the folded
 * text; used by {@link LayeredPurposeGuard} only inside the classifier's unsure band.
 */
final class PurposeFactors {

    /** Words that ask for a choice, a verdict, a ranking or a score. */
    private static final Set<String> VERDICT_WORDS = Set.of("beslis", "beslissen", "bepaal", "bepalen", "kies", "kiezen",
            "selecteer", "selecteren", "rangschik", "rangschikken", "ranking", "rangorde", "volgorde", "top", "afwijzen", "toekennen",
            "goedkeuren", "honoreren", "weigeren", "aannemen", "uitnodigen", "afvallen", "valt", "vallen", "terecht", "oordeel",
            "beoordeel", "beoordelen", "inschatting", "schat", "score", "scoor", "scoren", "scoort", "punten", "puntentelling",
            "cijfer", "percentage", "kans", "waarschijnlijk", "verdacht", "verdachte", "stoplicht", "label", "prioriteer",
            "prioriteren", "eerst", "decide", "choose", "rank", "hire", "reject", "approve", "shortlist", "likely",
            "verlengen", "verlagen", "beeindigen", "stopzetten", "intrekken", "controleren", "checken", "toekenning", "afwijzing");
    /** Two-word cues: "ja of nee", "wie krijgt", "welke moeten", "hoe zeker". */
    private static final Set<String> VERDICT_PAIRS = Set.of("ja_of", "of_nee", "yes_or", "or_no", "wie_krijgt", "wie_krijgen",
            "wie_moet", "wie_mag", "wie_valt", "wie_komt", "wie_neem", "wie_nemen", "wie_gaat", "wie_past", "welke_moet",
            "welke_moeten", "welke_mogen", "welke_krijgen", "welke_komen", "welke_vallen", "hoe_zeker", "hoe_groot", "recht_op",
            "who_to", "who_should", "which_one", "wat_zou", "zou_jij", "advies_over", "klopt_mijn", "door_naar");

    /** Words that point at concrete cases in the text. */
    private static final Set<String> CASE_WORDS = Set.of("hieronder", "onderstaande", "bijgevoegde", "deze", "dit", "dossier",
            "aanvrager", "aanvragers", "kandidaat", "kandidaten", "sollicitant", "sollicitanten", "klant", "klanten", "client",
            "clienten", "cliënt", "huishouden", "huishoudens", "adressen", "adres", "gezin", "below", "these", "candidates",
            "applicant", "applicants", "jaar");

    /**
     * The domain step's stricter case cue: several persons ("de sollicitanten", "adressen"), or a demonstrative pointing at
     * a case ("deze aanvraag", "dit dossier") — not at a text ("deze vacaturetekst", "dit besluit").
     */
    private static final Set<String> PERSONS_WORDS = Set.of("aanvragers", "kandidaten", "sollicitanten", "klanten", "clienten",
            "huishoudens", "adressen", "gezinnen", "inwoners", "bewoners", "personen", "candidates", "applicants");
    private static final Set<String> POINTERS = Set.of("deze", "dit", "die", "onderstaande", "bijgevoegde", "these", "this");
    private static final Set<String> CASE_NOUNS = Set.of("aanvraag", "aanvragen", "aanvrager", "kandidaat", "sollicitant", "klant",
            "client", "persoon", "mensen", "gezin", "huishouden", "adres", "dossier", "dossiers", "casus", "inwoner", "bewoner",
            "melding", "meldingen", "cv", "cvs", "applicant", "candidate", "people", "case", "cases");

    /** Cues that the text is about rules, policy or an example, not about cases to judge. */
    private static final Set<String> NOT_CASES_PAIRS = Set.of("geen_lijst", "zonder_namen", "juist_niet", "in_het", "niet_doen",
            "juridische_kaders", "wettelijke_kaders", "mag_een", "in_general", "no_names");
    private static final Set<String> NOT_CASES_WORDS = Set.of("beleid", "beleidsnotitie", "verordening", "ai-verordening", "dpia",
            "kaders", "wetgeving", "fictief", "fictieve", "verzonnen", "oefencasus", "training", "geanonimiseerd", "anoniem",
            "statistiek", "raadsvoorstel", "raadsinformatiebrief", "policy", "protocol");

    /**
     * Words before a verdict word that make it a noun — a decision already taken or a subject ("de toekenning",
     * "het beoordelen van sollicitanten") rather than a verdict asked of the model.
     */
    private static final Set<String> NOUN_MAKERS = Set.of("de", "het", "een", "der", "the", "a", "an");

    final boolean verdictAsked;
    /** A verdict asked other than as a noun after an article (see {@link #NOUN_MAKERS}): the domain step's stricter cue. */
    final boolean verdictAskedDirectly;
    final boolean aboutCases;
    /** Concrete persons or cases, not a text: the domain step's stricter cue ({@link #PERSONS_WORDS}, {@link #POINTERS}). */
    final boolean aboutPersons;
    final boolean notAboutCases;

    private PurposeFactors(boolean verdictAsked, boolean verdictAskedDirectly, boolean aboutCases, boolean aboutPersons,
                           boolean notAboutCases) {
        this.verdictAsked = verdictAsked;
        this.verdictAskedDirectly = verdictAskedDirectly;
        this.aboutCases = aboutCases;
        this.aboutPersons = aboutPersons;
        this.notAboutCases = notAboutCases;
    }

    /**
     * @param text   the request as written (table bars and list lines are cues too)
     * @param tokens its {@link PurposeTokens} (the name markers)
     */
    static PurposeFactors of(String text, String[] tokens) {
        List<String> words = words(PurposeTokens.fold(text));
        boolean verdict = false;
        boolean direct = false;
        boolean cases = false;
        boolean persons = false;
        boolean notCases = false;
        String previous = null;
        for (String w : words) {
            if (VERDICT_WORDS.contains(w)) {
                verdict = true;
                direct |= previous == null || !NOUN_MAKERS.contains(previous);
            }
            cases |= CASE_WORDS.contains(w);
            persons |= PERSONS_WORDS.contains(w);
            notCases |= NOT_CASES_WORDS.contains(w);
            if (previous != null) {
                String pair = previous + "_" + w;
                if (VERDICT_PAIRS.contains(pair)) {
                    verdict = true;
                    direct = true;
                }
                notCases |= NOT_CASES_PAIRS.contains(pair);
                persons |= POINTERS.contains(previous) && CASE_NOUNS.contains(w);
            }
            previous = w;
        }
        boolean shown = text.indexOf('|') >= 0 || named(tokens) || listLines(text) >= 2;
        return new PurposeFactors(verdict, direct, cases || shown, persons || shown, notCases);
    }

    /** A form of address with a name, or a two-word or initialled name ("dhr. Boersma", "A. Bakker"). */
    static boolean named(String[] tokens) {
        return has(tokens, PurposeTokens.TITLE_NAME) || has(tokens, PurposeTokens.NAME);
    }

    /** Whether the tokens hold the marker (markers come last, so the scan is from the end). */
    static boolean has(String[] tokens, String marker) {
        for (int i = tokens.length - 1; i >= 0 && tokens[i].startsWith("__"); i--) {
            if (tokens[i].equals(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Numbered or bulleted lines. */
    private static int listLines(String text) {
        int lines = 0;
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.length() > 1 && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '*' || s.charAt(0) == '•')) {
                lines++;
            }
        }
        return lines;
    }

    private static List<String> words(String folded) {
        List<String> out = new ArrayList<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && (Character.isLetterOrDigit(folded.charAt(i)) || folded.charAt(i) == '-')) {
                i++;
            }
            out.add(folded.substring(s, i));
        }
        return out;
    }
}
