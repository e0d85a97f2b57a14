package nl.dijkwacht.purpose;

import java.util.Set;
import nl.dijkwacht.pii.detect.KnownNames;

/**
 * Whether the capitalised words the tokens took for a two-word name ({@link PurposeTokens#NAME}) include one that can be a
 * person's (fourteenth round, for the special-category step only). Not a person's: a row of nationalities or languages
 * ("Turkse, Marokkaanse, Poolse, Syrische buurtbewoners"), the name of a project, programme or campaign after its word
 * ("het project Nieuwe Start", "de aanpak Veilig Thuis") and a title in single or double quotes ("'Veilig Thuis-aanpak'")
 * — unless a quoted word is a known given name or surname ({@link KnownNames}): "'Karin Smits'" is still a person
 * (review48).
 * The tokens are the classifier's features and stay as they are (a change would need a new model); this reading only
 * decides whether the special-category step treats the text as naming someone. Read by hand, not with a regular
 * expression: asked for every text with a name marker that reaches that step.
 */
final class PersonNameRuns {

    private static final Set<String> DEMONYMS = PurposeWords.set("demonyms");
    /** Words after which capitalised words are a name of a thing, not a person. */
    private static final Set<String> THING_WORDS = Set.of("project", "programma", "aanpak", "campagne", "regeling", "initiatief",
            "fonds", "stichting", "festival", "netwerk", "platform", "loket", "programme", "program", "campaign", "scheme",
            "initiative", "foundation");
    /** Lower-case words that may stand inside a person's name ("Sem de Lange", "Ruud van der Berg"). */
    private static final Set<String> PARTICLES = Set.of("de", "der", "den", "van", "von", "ter", "ten", "te", "la", "le", "el",
            "al", "bin", "ben", "da", "di", "du", "op", "in", "'t");

    private PersonNameRuns() {
    }

    /**
     * The classifier's tokens of {@code text} as if the tokens had found no two-word name: the words as they are, the
     * markers without {@link PurposeTokens#NAME} and its conjunctions. For the special-category step's score when no
     * capitalised run is a person's (the model weighs the name marker heavily towards a person's data).
     */
    static String[] tokensWithoutName(String text, String folded, boolean specialTerm) {
        java.util.List<String> out = new java.util.ArrayList<>(64);
        int scanned = PurposeTokens.scan(text, folded, PurposeTokens.NO_WORD_BEFORE, out::add);
        PurposeCues cues = PurposeCues.of(folded);
        int shape = PurposeTokens.withCues(PurposeTokens.shape(scanned), cues.specialWord, cues.decisionTaken) & ~PurposeTokens.TWO_WORD_NAME;
        java.util.Collections.addAll(out, PurposeTokens.markers(shape, specialTerm));
        return out.toArray(String[]::new);
    }

    /** A closing quote within {@value #TITLE_CHARS} characters and no sentence end before it. */
    private static boolean shortTitle(String text, int from) {
        for (int j = from; j < text.length() && j < from + TITLE_CHARS; j++) {
            char c = text.charAt(j);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ',') {
                return false;
            }
            if (c == '"' || c == '\u2019' || c == '\u201D' || c == '\'' && (j + 1 == text.length() || !Character.isLetter(text.charAt(j + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static final int TITLE_CHARS = 48;

    /**
     * A given name or surname of the PII engine's lists (which leave out names that are also ordinary words: "Sterk",
     * "Thuis"), as written ("Zoë") or folded ("Zoe").
     */
    private static boolean knownName(String word, String folded) {
        KnownNames names = KnownNames.shared();
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        return names.firstNames().contains(folded) || names.surnames().contains(folded)
                || names.firstNames().contains(lower) || names.surnames().contains(lower);
    }

    /** @param text the messages as read ({@link PurposeText}), joined */
    static boolean anyPersonName(String text) {
        int n = text.length();
        int run = 0;
        boolean runIsPerson = false;
        boolean thingBefore = false;
        boolean quoted = false;
        boolean afterInitial = false;
        int previousStart = 0;
        int previousEnd = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                if (c == '\'' && (i == 0 || !Character.isLetter(text.charAt(i - 1))) || c == '"' || c == '\u2018' || c == '\u201C') {
                    // a few words in quotes are a title; a pasted note in quotes keeps its names
                    quoted = !quoted && shortTitle(text, i + 1);
                } else if (c == '\u2019' && (i + 1 == n || !Character.isLetter(text.charAt(i + 1))) || c == '\u201D'
                        || c == '\'' && (i + 1 == n || !Character.isLetter(text.charAt(i + 1)))) {
                    quoted = false;
                }
                // a run ends where the tokens' runs end (a sentence's end, a colon, a line break): "Gerrit, Sander en Wim"
                // is a run of names there too
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') {
                    if (run >= 2 && runIsPerson) {
                        return true;
                    }
                    run = 0;
                    runIsPerson = false;
                }
                i++;
                continue;
            }
            int s = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '\'' && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1)))) {
                i++;
            }
            int length = i - s;
            char first = text.charAt(s);
            if (length == 1 && Character.isUpperCase(first) && i < n && text.charAt(i) == '.') {
                if (run >= 1 && runIsPerson) {
                    // a first name and an initial ("Jamal O.", "Mohammed B.")
                    return true;
                }
                afterInitial = true;
                i++;
                continue;
            }
            boolean capital = Character.isUpperCase(first) && length > 1 && Character.isLowerCase(text.charAt(s + 1));
            if (capital) {
                if (run == 0) {
                    // the word before, made a string only here (a run is rare; most words are read in place)
                    thingBefore = previousEnd > previousStart && THING_WORDS.contains(PurposeTokens.fold(text.substring(previousStart, previousEnd)));
                }
                run++;
                String word = text.substring(s, i);
                String folded = PurposeTokens.fold(word.endsWith("-") ? word.substring(0, word.length() - 1) : word);
                boolean demonym = DEMONYMS.contains(folded) || folded.endsWith("e") && DEMONYMS.contains(folded.substring(0, folded.length() - 1));
                // a known name in quotes is still a person's ("Mail aan 'Tim en Bas Verhoef' (twee vaders)", review48:
                // the quotes alone turned such a text from a person's special-category data into an allowed one)
                runIsPerson |= !demonym && !thingBefore && (!quoted || knownName(word, folded));
                if (afterInitial && !demonym) {
                    // an initial and a surname ("J. Vos", "B. Hermans")
                    return true;
                }
                afterInitial = false;
            } else {
                boolean particle = (run > 0 || afterInitial) && length <= 3 && PARTICLES.contains(PurposeTokens.fold(text.substring(s, i)));
                afterInitial &= particle;
                if (!(run > 0 && particle)) {
                    if (run >= 2 && runIsPerson) {
                        return true;
                    }
                    run = 0;
                    runIsPerson = false;
                }
                previousStart = s;
                previousEnd = i;
            }
        }
        return run >= 2 && runIsPerson;
    }
}
