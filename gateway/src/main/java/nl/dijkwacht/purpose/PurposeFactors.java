package nl.dijkwacht.purpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The forbidden purposes taken apart (fifth round): a forbidden request asks for a <em>verdict</em> — decide, choose,
 * rank, score, yes or no, a chance — on <em>concrete cases</em> — named or numbered persons, rows of a pasted table
 * or list, "deze aanvraag", "de sollicitanten hieronder". A near miss usually lacks one of the two (a decision already
 * taken, policy, anonymous figures, an explanation) or says so ({@link #notAboutCases}). Word cues on the folded
 * text; used by {@link LayeredPurposeGuard} only inside the classifier's unsure band. Who decides is {@link ModelDecides},
 * whether anything is asked {@link RequestAsked}, one person pointed at without a name {@link OnePerson}.
 */
final class PurposeFactors {

    /** Words that ask for a choice, a verdict, a ranking or a score. */
    private static final Set<String> VERDICT_WORDS = PurposeWords.set("verdict-words");
    /**
     * Sixth round: a risk label or a suspicion to be produced ("geef elk een risicokleur", "een verdenkingsscore"), and
     * every compound ending in "score". After an indefinite article still a verdict asked; after a definite one a thing
     * that exists ("de risicoscore van het model").
     */
    private static final Set<String> RISK_WORDS = PurposeWords.set("risk-words");
    private static final Set<String> DEFINITE = Set.of("de", "het", "der", "the");
    /** Two-word cues: "ja of nee", "wie krijgt", "welke moeten", "hoe zeker". */
    private static final Set<String> VERDICT_PAIRS = PurposeWords.pairs("verdict-pairs");

    /*
     * Sixth round, for the domain step only (verdictAskedDirectly, aboutPersons, verdictPerCase): the fifth-round factor
     * step in the unsure band keeps its cues, because on the clean pairs the new verdict cues there refused near misses
     * (anonymous figures on objections "gegrond/ongegrond").
     */
    /** A number asked for ("een getal tussen 0 en 1", "op een schaal van 1 tot 10"), or whether to open an investigation. */
    private static final Set<String> ASKED_PAIRS = PurposeWords.pairs("asked-pairs");
    /**
     * Sixth round: a set of labels to hand out — two or more words of one group ("rood/oranje/groen", "laag/midden/hoog")
     * ask the model to put a label on each case.
     */
    private static final java.util.Map<String, Integer> LABELS = labels(PurposeWords.groups("label-groups"));

    /** Words that point at concrete cases in the text. */
    private static final Set<String> CASE_WORDS = PurposeWords.set("case-words");

    /**
     * The domain step's stricter case cue: several persons ("de sollicitanten", "adressen"), or a demonstrative pointing at
     * a case ("deze aanvraag", "dit dossier") — not at a text ("deze vacaturetekst", "dit besluit").
     */
    private static final Set<String> PERSONS_WORDS = PurposeWords.set("persons-words");
    private static final Set<String> POINTERS = Set.of("deze", "dit", "die", "onderstaande", "bijgevoegde", "these", "this");
    private static final Set<String> CASE_NOUNS = PurposeWords.set("case-nouns");
    /** Tenth round: words that point at cases in the text, not at a group ("hieronder", "deze", "attached"). */
    private static final Set<String> DEICTIC = Set.of("hieronder", "onderstaande", "bijgevoegde", "deze", "dit", "below", "these",
            "eronder", "bijlage", "attached");
    /** Sixth round: "per adres", "elke aanvrager", "each applicant" — every case judged in turn. */
    private static final Set<String> EACH = Set.of("per", "elk", "elke", "ieder", "iedere", "each", "every");
    /**
     * Twelfth round: a choice among a counted few — "welke twee", "welke van de vier", "wie van die drie", "which two of" —
     * asks a verdict on that many concrete cases (a number of cases the writer has in front of them).
     */
    private static final Set<String> WHICH = Set.of("welke", "wie", "which", "who");
    private static final Set<String> COUNT_WORDS = Set.of("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
            "elf", "twaalf", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
    private static final Set<String> OF_THE = Set.of("de", "die", "deze", "the", "those", "these");
    private static final Set<String> HOUSE_NUMBER_WORDS = Set.of("nr", "nummer", "huisnummer", "no");
    /**
     * Sixth round: a person described by sex and age ("man, 52", "vrouw 34 jaar"): a case profile; fourteenth: or by role;
     * seventeenth: or as a household member.
     */
    private static final Set<String> PROFILE_WORDS = Set.of("man", "vrouw", "jongen", "meisje", "male", "female",
            // fourteenth round: a resident or applicant by role and age ("inwoner (67)", "aanvrager 54")
            "inwoner", "inwoonster", "bewoner", "bewoonster", "aanvrager", "aanvraagster", "resident", "applicant",
            // seventeenth round: a household member with an age or a count ("zoon 23", "alleenstaande vader, 2 kinderen")
            "zoon", "dochter", "vader", "moeder", "son", "daughter", "father", "mother");

    /** Cues that the text is about rules, policy or an example, not about cases to judge. */
    private static final Set<String> NOT_CASES_PAIRS = PurposeWords.pairs("not-cases-pairs");
    /** Seventh round ({@link #PROCESS_WORDS}): the process text and figures over a group as word pairs, also in English. */
    private static final Set<String> PROCESS_PAIRS = PurposeWords.pairs("process-pairs");
    private static final Set<String> NOT_CASES_WORDS = PurposeWords.set("not-cases-words");
    /**
     * Seventh round: the near-miss kinds "vacature" and "statistiek" as kinds — a text for the selection process itself,
     * or figures over a group. Counts as not about cases only where the text shows no case at all (no "deze
     * kandidaten", no names, rows or list lines): "weeg deze kandidaten op het functieprofiel" stays a verdict on cases.
     */
    private static final Set<String> PROCESS_WORDS = PurposeWords.set("process-words");

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
    /**
     * Sixth round: a label, score or measure asked for each case in turn ("per klant een risicoklasse", "elk adres
     * rood/oranje/groen") — a verdict on cases even where the text also names policy or the legal framework.
     */
    final boolean verdictPerCase;
    /**
     * Eleventh round: the model's answer is the decision — the writer takes it over as it is ("we nemen je keuze over",
     * "dat wordt het besluit", "ik doe wat je zegt", "we'll go with your pick") or a script applies it with nobody in
     * between ("stuurt de laagste 70% automatisch een afwijsmail"). Who decides is the model, so a verdict asked is
     * asked of the model on real cases.
     */
    final boolean modelDecides;

    private PurposeFactors(boolean verdictAsked, boolean verdictAskedDirectly, boolean aboutCases, boolean aboutPersons,
                           boolean notAboutCases, boolean verdictPerCase, boolean modelDecides) {
        this.verdictAsked = verdictAsked;
        this.verdictAskedDirectly = verdictAskedDirectly;
        this.aboutCases = aboutCases;
        this.aboutPersons = aboutPersons;
        this.notAboutCases = notAboutCases;
        this.verdictPerCase = verdictPerCase;
        this.modelDecides = modelDecides;
    }

    /**
     * @param text   the request as written (table bars and list lines are cues too)
     * @param tokens its {@link PurposeTokens}, or only their markers (the name markers are all that is read)
     */
    static PurposeFactors of(String text, String[] tokens) {
        return of(text, PurposeTokens.fold(text), tokens);
    }

    /** @param folded {@link PurposeTokens#fold fold(text)} (folded once per request by the guard) */
    static PurposeFactors of(String text, String folded, String[] tokens) {
        List<String> words = FactorWords.of(folded);
        boolean verdict = false;
        boolean direct = false;
        boolean cases = false;
        boolean persons = false;
        boolean notCases = false;
        boolean process = false;
        int labels = 0;
        boolean each = false;
        boolean measure = false;
        boolean concrete = false;
        int sinceEach = Integer.MAX_VALUE;
        String previous = null;
        String second = null;
        String third = null;
        for (String w : words) {
            sinceEach = sinceEach == Integer.MAX_VALUE ? sinceEach : sinceEach + 1;
            if (VERDICT_WORDS.contains(w)) {
                verdict = true;
                direct |= previous == null || !NOUN_MAKERS.contains(previous);
                // tenth round: "geef per melding de kans" — a verdict handed out per case is asked, article or not
                if (sinceEach <= 2) {
                    direct = true;
                    measure = true;
                }
            }
            if (RISK_WORDS.contains(w) || w.length() > 5 && w.endsWith("score")) {
                boolean asked = previous == null || !DEFINITE.contains(previous);
                direct |= asked;
                measure |= asked;
            }
            Integer label = LABELS.get(w);
            if (label != null) {
                // one bit per label, four bits per group: two labels of one group are a set to hand out
                labels |= 1 << label;
                if (Integer.bitCount(labels >>> (label & ~3) & 0xf) >= 2) {
                    direct = true;
                    measure = true;
                }
            }
            // eighth round: a hyphenated compound counts by its head too ("bbz-ondernemers", "wmo-clienten")
            String head = head(w);
            cases |= CASE_WORDS.contains(w) || CASE_WORDS.contains(head);
            persons |= PERSONS_WORDS.contains(w) || PERSONS_WORDS.contains(head);
            // ninth round: a hyphenated compound is about policy by either part ("DPIA-vragen", "AVG-regels")
            notCases |= NOT_CASES_WORDS.contains(w) || NOT_CASES_WORDS.contains(head) || NOT_CASES_WORDS.contains(modifier(w));
            process |= PROCESS_WORDS.contains(w);
            if (previous != null) {
                String pair = previous + "_" + w;
                if (VERDICT_PAIRS.contains(pair)) {
                    verdict = true;
                    direct = true;
                }
                direct |= ASKED_PAIRS.contains(pair);
                notCases |= NOT_CASES_PAIRS.contains(pair);
                process |= PROCESS_PAIRS.contains(pair);
                boolean eachCase = EACH.contains(previous) && (CASE_NOUNS.contains(w) || CASE_NOUNS.contains(head));
                if (eachCase) {
                    each = true;
                    sinceEach = 0;
                }
                boolean pointed = POINTERS.contains(previous) && (CASE_NOUNS.contains(w) || CASE_NOUNS.contains(head))
                        || FactorWords.isNumber(w) && (HOUSE_NUMBER_WORDS.contains(previous) || FactorWords.street(previous)
                        || PROFILE_WORDS.contains(previous) && w.length() <= 3);
                persons |= pointed;
                concrete |= pointed;
            }
            concrete |= DEICTIC.contains(w);
            if (previous != null && (COUNT_WORDS.contains(w) || FactorWords.isNumber(w) && w.length() <= 2)
                    && (WHICH.contains(previous) || OF_THE.contains(previous) && ("van".equals(second) || "of".equals(second))
                    && third != null && WHICH.contains(third))) {
                verdict = true;
                direct = true;
                cases = true;
                concrete = true;
            }
            third = second;
            second = previous;
            previous = w;
        }
        // fourteenth round: the two outcomes side by side ("toegekend of afgewezen", "ja/nee") — the model is to pick one
        if (OutcomeChoice.in(words)) {
            verdict = true;
            direct = true;
        }
        boolean shown = tableRows(text) || named(tokens) || listLines(text) >= 2;
        // tenth round: figures over a group or a text for the selection process ("hoeveel procent van de sollicitaties kwam
        // van interne kandidaten") are not about cases unless a case is shown or pointed at; a group word alone
        // ("kandidaten", "klanten") no longer makes them so
        boolean overGroup = process && !(shown || each || concrete);
        boolean decides = ModelDecides.of(words, folded, verdict || direct);
        // eleventh round: a verdict whose answer is the decision is asked of the model, on the real cases it will be
        // applied to — unless the text is about policy or rules and shows no case
        boolean adopted = decides && (!notCases || shown || each || concrete);
        // twelfth round: a label or score asked per case ("geef per naam een score") is about those cases
        return new PurposeFactors(verdict || adopted, direct || adopted, (cases || shown || adopted || each && measure) && !overGroup,
                persons || shown || each || adopted, notCases || overGroup, each && measure, decides);
    }

    /** A form of address with a name, or a two-word or initialled name ("dhr. Boersma", "A. Bakker"). */
    static boolean named(String[] tokens) {
        return has(tokens, PurposeTokens.TITLE_NAME) || has(tokens, PurposeTokens.NAME);
    }

    /** Whether the tokens (or only their markers) hold the marker (markers come last, so the scan is from the end). */
    static boolean has(String[] tokens, String marker) {
        for (int i = tokens.length - 1; i >= 0 && tokens[i].startsWith("__"); i--) {
            if (tokens[i].equals(marker)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Map<String, Integer> labels(List<List<String>> groups) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int k = 0; k < groups.get(g).size(); k++) {
                out.put(groups.get(g).get(k), 4 * g + k);
            }
        }
        return java.util.Map.copyOf(out);
    }

    /** Ninth round: plural person nouns that head a closed compound ("uitkeringsgerechtigden", "buurtbewoners"). */
    private static final List<String> PERSON_HEADS = PurposeWords.list("person-compound-heads");

    /**
     * The part after the last hyphen of a compound; for a closed compound the plural person noun it ends in
     * ({@link #PERSON_HEADS}); else the word itself.
     */
    private static String head(String w) {
        int dash = w.lastIndexOf('-');
        if (dash >= 0) {
            return dash == w.length() - 1 ? w : w.substring(dash + 1);
        }
        for (String h : PERSON_HEADS) {
            if (w.length() >= h.length() + 3 && w.endsWith(h)) {
                return h;
            }
        }
        return w;
    }

    /** The part before the first hyphen of a compound, else the word itself. */
    private static String modifier(String w) {
        int dash = w.indexOf('-');
        return dash <= 0 ? w : w.substring(0, dash);
    }

    /**
     * Thirteenth round: a table pasted — two bars or more ("| Jansen | 3 |", "a|b|c", a bar on each of two lines). One
     * bar alone is a separator ("ik vraag het de AI | tabel met geanonimiseerde cijfers"), not rows of cases.
     */
    private static boolean tableRows(String text) {
        int first = text.indexOf('|');
        return first >= 0 && text.indexOf('|', first + 1) >= 0;
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

}
