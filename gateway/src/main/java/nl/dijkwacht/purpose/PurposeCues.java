package nl.dijkwacht.purpose;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two cues of {@link PurposeTokens} found on the folded text: a special-category word the PII engine's (Dutch,
 * clinical) term list lacks — English, colloquial and inflected forms — and a decision already taken by a person.
 * Single words are looked up per word (a set and a few stems); the short multi-word patterns run only when one of
 * their words occurs, which keeps the cost at a few microseconds. Same result as one regular expression
 * {@code \b(alternatives)\b} over the folded text: a "word" is a run of [a-z0-9_].
 */
final class PurposeCues {

    static final Set<String> SPECIAL_EXACT = PurposeWords.set("special-words");
    static final List<String> SPECIAL_STEMS = PurposeWords.list("special-stems");
    static final Set<String> SPECIAL_PHRASE_WORDS = Set.of("sick", "mental", "valt", "kast", "shop", "criminal", "face", "ms",
            "covid", "party", "non", "bi", "sp");
    static final Pattern SPECIAL_PHRASES = Pattern.compile("\\b(sick leave|mental health|valt op (meisjes|jongens|mannen|vrouwen)|"
            + "uit de kast|shop steward|criminal record|face scan|(heeft|has|met|with) ms|long covid|party member|non-binair|bi-sex\\w*|"
            + "sp-\\w*)\\b");

    static final Set<String> DECISION_WORDS = Set.of("besloten", "toegekend", "afgewezen", "goedgekeurd", "gekozen",
            "vastgesteld", "genomen", "gestopt", "beeindigd", "vast", "decided", "approved", "rejected", "chosen", "granted", "refused",
            "made", "taken");
    /*
     * The one alternative of DECISION_TAKEN whose whitespace (\s+) can run over the line break between two messages:
     * an auxiliary, perhaps one of the words between, and the participle (DecisionAcrossBreaks reads it there).
     */
    static final List<String> TAKEN_AUXILIARIES = List.of("heb", "hebben", "heeft", "is", "zijn", "werd", "werden", "al");
    static final List<String> TAKEN_BETWEEN = List.of("al", "zelf", "gisteren");
    static final List<String> TAKEN_PARTICIPLES = List.of("besloten", "toegekend", "afgewezen", "goedgekeurd", "gekozen",
            "vastgesteld", "genomen", "gestopt", "beeindigd");
    static final Pattern DECISION_TAKEN = Pattern.compile("\\b((" + String.join("|", TAKEN_AUXILIARIES) + ")\\s+("
            + String.join("\\s+|", TAKEN_BETWEEN) + "\\s+)?"
            + "(" + String.join("|", TAKEN_PARTICIPLES) + ")|besluit (ligt|staat) (al )?vast|"
            + "genomen besluit|besluit (is|werd) genomen|already (decided|approved|rejected|chosen)|has (already )?decided|"
            + "(has|have) been (approved|rejected|granted|refused|decided)|decision (has been|was) (made|taken))\\b");

    /**
     * Eleventh round, outside the classifier's tokens: a decision already taken said in the English forms the token cue
     * lacks — "decision's already made", "the decision is final", "already granted".
     */
    private static final Pattern DECISION_STATED = Pattern.compile("\\b(decision('s|\\s+is|\\s+has\\s+been|\\s+was)\\s+(already\\s+)?"
            + "(made|taken|final)|already\\s+(been\\s+)?(granted|awarded|refused|denied))\\b");

    static boolean decisionStated(String folded) {
        return (folded.contains("decision") || folded.contains("already")) && DECISION_STATED.matcher(folded).find();
    }

    /** Per word, which of the three word lists above hold it: one lookup instead of three ({@link #of}). */
    private static final int EXACT = 1;
    private static final int PHRASE_WORD = 2;
    private static final int DECISION_WORD = 4;
    /** guard50: a word of a cue that lowers a verdict ({@link ClearingCues}); a first or second word of such a pair. */
    private static final int CLEARING_WORD = 8;
    private static final int PAIR_FIRST = 16;
    private static final int PAIR_SECOND = 32;
    private static final int STATED_WORD = 64;
    private static final int LATE_PARTICIPLE = 128;
    private static final WordNumbers WORD_LISTS = wordLists();

    private static WordNumbers wordLists() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        SPECIAL_EXACT.forEach(w -> out.merge(w, EXACT, (a, b) -> a | b));
        SPECIAL_PHRASE_WORDS.forEach(w -> out.merge(w, PHRASE_WORD, (a, b) -> a | b));
        DECISION_WORDS.forEach(w -> out.merge(w, DECISION_WORD, (a, b) -> a | b));
        ClearingCues.STATED_WORDS.forEach(w -> out.merge(w, STATED_WORD, (a, b) -> a | b));
        ClearingCues.LATE_PARTICIPLES.forEach(w -> out.merge(w, LATE_PARTICIPLE, (a, b) -> a | b));
        ClearingCues.WORDS.forEach(w -> out.merge(w, CLEARING_WORD, (a, b) -> a | b));
        ClearingCues.PAIR_FIRST.forEach(w -> out.merge(w, PAIR_FIRST, (a, b) -> a | b));
        ClearingCues.PAIR_SECOND.forEach(w -> out.merge(w, PAIR_SECOND, (a, b) -> a | b));
        return new WordNumbers(out);
    }

    final boolean specialWord;
    final boolean decisionTaken;
    /** guard50: a word (or pair) of a cue that lowers a verdict is in the text ({@link ClearingCues}); over-detects. */
    final boolean clearingWord;

    private PurposeCues(boolean specialWord, boolean decisionTaken, boolean clearingWord) {
        this.specialWord = specialWord;
        this.decisionTaken = decisionTaken;
        this.clearingWord = clearingWord;
    }

    /** @param folded lower-cased text without accents ({@link PurposeTokens#fold}) */
    static PurposeCues of(String folded) {
        Words words = new Words();
        words.underscores = folded.indexOf('_') >= 0;
        int n = folded.length();
        int i = 0;
        // the words of RegexWords.of(folded), each read where it stands
        while (i < n) {
            if (!RegexWords.isWordChar(folded.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            i = RegexWords.wordEnd(folded, s, n);
            words.word(folded, s, i, WordNumbers.hash(folded, s, i));
        }
        return words.cues(folded);
    }

    /**
     * The cues of one folded text, read word by word: {@link #of} walks the words itself; the scan of an ASCII message
     * hands over the words it reads anyway ({@link PurposeTokens#scan}), so the message is not walked and hashed a second
     * time (issue 15). A word is a run of [a-z0-9_] of the folded text, as {@link RegexWords} reads it.
     */
    static final class Words {

        private boolean special;
        private boolean specialPhraseWord;
        private boolean decisionWord;
        private boolean clearing;
        private boolean statedWord;
        private boolean lateParticiple;
        /** Whether the text may hold an underscore (the scan's words never do: {@link PurposeTokens#cueWordsFit}). */
        private boolean underscores;
        /** Where the word before began and ended, when it is the first word of a clearing pair; else −1. */
        private int pairFrom = -1;
        private int pairTo;

        /** The word {@code folded[from, to)}, whose {@link WordNumbers#hash} is {@code hash}. */
        void word(String folded, int from, int to, int hash) {
            int in = Math.max(0, WORD_LISTS.number(hash, folded, from, to));
            if (!special && ((in & EXACT) != 0 || startsWithStem(folded, from, to))) {
                special = true;
            }
            specialPhraseWord |= (in & PHRASE_WORD) != 0;
            decisionWord |= (in & DECISION_WORD) != 0;
            statedWord |= (in & STATED_WORD) != 0;
            lateParticiple |= (in & LATE_PARTICIPLE) != 0;
            if (!clearing) {
                clearingWord(folded, from, to, in);
            }
        }

        /**
         * The clearing-cue bits of a word: the factors split at an underscore ({@link FactorWords}), so such a word is
         * read by its parts; a pair counts only as the pair it is ({@link ClearingCues#PAIRS}).
         */
        private void clearingWord(String folded, int from, int to, int in) {
            if (in == 0 && underscores && hasUnderscore(folded, from, to)) {
                int s = from;
                for (int k = from; k <= to; k++) {
                    if (k == to || folded.charAt(k) == '_') {
                        if (k > s) {
                            clearingWord(folded, s, k, Math.max(0, WORD_LISTS.number(WordNumbers.hash(folded, s, k), folded, s, k)));
                        }
                        s = k + 1;
                    }
                }
                return;
            }
            if ((in & CLEARING_WORD) != 0 || (in & PAIR_SECOND) != 0 && pairFrom >= 0
                    && ClearingCues.PAIRS.contains(folded.substring(pairFrom, pairTo) + "_" + folded.substring(from, to))) {
                clearing = true;
            }
            if ((in & PAIR_FIRST) != 0) {
                pairFrom = from;
                pairTo = to;
            } else {
                pairFrom = -1;
            }
        }

        /**
         * A word of {@link PurposeTokens#scan} in an ASCII text that holds no {@code _}: a run of [a-z0-9'-] opening with a
         * letter or digit, and so its runs of [a-z0-9] are words here; {@code joined}: it holds a {@code '} or {@code -}
         * (otherwise it is one word, and its hash that of the scan).
         */
        void scanWord(String folded, int from, int to, int hash, boolean joined) {
            if (!joined) {
                word(folded, from, to, hash);
                return;
            }
            int i = from;
            while (i < to) {
                if (!RegexWords.isWordChar(folded.charAt(i))) {
                    i++;
                    continue;
                }
                int s = i;
                i = RegexWords.wordEnd(folded, s, to);
                word(folded, s, i, WordNumbers.hash(folded, s, i));
            }
        }

        private static boolean hasUnderscore(String folded, int from, int to) {
            for (int k = from; k < to; k++) {
                if (folded.charAt(k) == '_') {
                    return true;
                }
            }
            return false;
        }

        /** The cues of the words read; {@code folded}: the whole text, for the phrases. */
        PurposeCues cues(String folded) {
            boolean found = special || specialPhraseWord && SPECIAL_PHRASES.matcher(folded).find();
            boolean decision = decisionWord && DECISION_TAKEN.matcher(folded).find();
            // guard50: the decision forms exactly, asked only where one of their words is (a message's cue, kept with it)
            // (a stated word read here is the pre-check decisionStated makes with its two contains passes)
            boolean clears = clearing || decision || statedWord && DECISION_STATED.matcher(folded).find() || lateParticiple && decisionTakenLate(folded);
            return new PurposeCues(found, decision, clears);
        }
    }

    /*
     * Sixth round, outside the classifier's tokens (the model is unchanged): special-category words for the named-person
     * step only — English words, compounds whose head is a health word ("nieroperatie", "alcoholverslaving"), the
     * subordinate-clause order of "valt op" and a same-sex partner ("met zijn man").
     */
    private static final Set<String> MORE_EXACT = PurposeWords.set("special-words-named-person");
    private static final List<String> HEALTH_HEADS = PurposeWords.list("health-compound-heads");
    private static final Pattern MORE_PHRASES = Pattern.compile("\\b(op (meisjes|jongens|mannen|vrouwen) (valt|vallen)|"
            + "(zijn|his) (man|husband)|(haar|her) (vrouw|wife)|"
            // eighth round: a same-sex spouse, a party or youth wing by its name, a vote, a refused certificate of conduct
            + "(zijn|his) echtgenoot|(haar|her) echtgenote|partij voor de dieren|jonge (democraten|socialisten)|"
            + "(stemt|stemde|stemmen) op|(votes|voted) for|vog\\b[^.;!?\\n]{0,40}\\b(geweigerd|afgewezen)|"
            // ninth round: a face recognised on images, a leaning said with a hyphen ("radicaal-links", "far-right")
            + "gezicht\\w*\\b[^.;!?\\n]{0,60}\\b(herken\\w*|identific\\w*)|(herken\\w*|identific\\w*)\\b[^.;!?\\n]{0,60}\\bgezicht\\w*|"
            + "(recogni[sz]\\w*|identif\\w*)\\b[^.;!?\\n]{0,40}\\bface|"
            + "(extreem|radicaal|ultra|klimaat)-(links|rechts)e?|(far|extreme)-(left|right)|(left|right)-wing|"
            // a union by its abbreviation, only as what someone is a member of
            + "lid (is |was )?(van|bij) (de |het )?(ac|fnv|cnv|vcp|ambtenarencentrum)|(ac|fnv|cnv|vcp)-lid|"
            // a same-sex partner said unambiguously
            + "(zijn|his) boyfriend|(haar|her) girlfriend|(getrouwd|trouwt|trouwde) met (zijn vriend|haar vriendin)|"
            + "(married|marries|marrying) (his boyfriend|her girlfriend)|"
            // twelfth round: a wedding and the partner a few words apart in one sentence ("trouwt zaterdag met zijn vriend
            // Joris", "samen met zijn vriend Jorrit, ze zijn net getrouwd")
            + "(trouw\\w*|getrouwd)\\b[^.;!?\\n]{0,40}\\b(zijn vriend|haar vriendin)|(zijn vriend|haar vriendin)\\b[^.;!?\\n]{0,40}\\b(trouw\\w*|getrouwd)|"
            // tenth round: a traffic offence, a police record in English, a festival and a movement by their names
            + "(rijden|reed|rijdt) onder invloed|police (report|record)|eid (al|ul)[- ](fitr|adha)|extinction rebellion|coming[- ]out|"
            // eleventh round: a measure imposed on someone in English; a body part scanned or a voice compared to
            // recognise someone, spelled with a hyphen too ("face-scan login", "vergelijk de stem met de opname")
            + "contact ban|restraining order|court[- ]ordered|(face|finger|palm|iris|voice)[- ]?(scan|print|id|login|unlock|"
            + "recognition|match|verification)\\w*|(vergelijk\\w*|compare\\w*|match\\w*|herken\\w*) (de |zijn |haar |the |his |her )?"
            + "(stem|voice)|(stem|voice) (vergelijk\\w*|compare\\w*|match\\w*|herken\\w*))\\b");

    /**
     * Whether the folded text has one of the sixth-round special-category words ({@link #MORE_EXACT}, a compound ending in
     * a health word, {@link #MORE_PHRASES}); used by the named-person step of {@link LayeredPurposeGuard} only, so the
     * classifier's features are those it was trained on.
     */
    static boolean moreSpecial(String folded) {
        for (String word : RegexWords.of(folded)) {
            if (MORE_EXACT.contains(word) || formOfListedWord(word)) {
                return true;
            }
            for (String head : HEALTH_HEADS) {
                if (word.length() > head.length() + 2 && word.endsWith(head)) {
                    return true;
                }
            }
        }
        return MORE_PHRASES.matcher(folded).find();
    }

    /**
     * Eleventh round: the listed words (both lists) of at least {@link #FORM_BASE_MIN} letters, by their first five
     * letters, for {@link #formOfListedWord}.
     */
    private static final int FORM_BASE_MIN = 7;
    private static final java.util.Map<String, List<String>> BASES_BY_PREFIX = basesByPrefix();
    private static final Set<String> INFLECTIONS = Set.of("s", "n", "en", "e", "es", "er", "ers");

    private static java.util.Map<String, List<String>> basesByPrefix() {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        for (Set<String> list : List.of(SPECIAL_EXACT, MORE_EXACT)) {
            for (String w : list) {
                if (w.length() >= FORM_BASE_MIN && w.chars().allMatch(c -> RegexWords.isWordChar((char) c))) {
                    out.computeIfAbsent(w.substring(0, 5), k -> new java.util.ArrayList<>()).add(w);
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Map.copyOf(out);
    }

    /**
     * Eleventh round: an inflected form or a compound of a listed word ("gedetineerden", "reclasseringsadvies",
     * "strafbladen") — the lists hold the base form only. The rest after the base is an inflection or a word of its own
     * (at least four letters), so "afkomstig" is no form of "afkomst".
     */
    static boolean formOfListedWord(String word) {
        if (word.length() <= FORM_BASE_MIN) {
            return false;
        }
        List<String> bases = BASES_BY_PREFIX.get(word.substring(0, 5));
        if (bases != null) {
            for (String base : bases) {
                if (word.length() > base.length() && word.startsWith(base)) {
                    int rest = word.length() - base.length();
                    if (rest >= 4 || INFLECTIONS.contains(word.substring(base.length()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final Set<String> AUXILIARIES = Set.of("heb", "hebben", "heeft", "had", "hadden", "is", "zijn", "werd", "werden",
            "was", "waren");
    /** The same list the clearing cues open a late decision with, loaded once. */
    private static final Set<String> DECISION_PARTICIPLES = ClearingCues.LATE_PARTICIPLES;

    /**
     * Eighth round, outside the classifier's tokens: a decision already taken in Dutch verb-final order — the auxiliary
     * early in the clause, the participle at its end ("We hebben de bijstand van mw. Heijnen per 1 januari beëindigd",
     * "ik heb dhr Brouwer zijn traplift toegekend"), which {@link #DECISION_TAKEN} (auxiliary next to the participle) does
     * not see. A sentence that ends in a question mark asks the decision ("Is hij terecht afgewezen?") and does not count.
     * Sentences end at . ! ? ; or a line break; an initial's full stop ("mw. Heijnen") ends none.
     */
    static boolean decisionTakenLate(String folded) {
        int n = folded.length();
        boolean auxiliary = false;
        boolean participle = false;
        int i = 0;
        while (i <= n) {
            char c = i < n ? folded.charAt(i) : '\n';
            if (RegexWords.isWordChar(c)) {
                int s = i;
                i = RegexWords.wordEnd(folded, s, n);
                String word = folded.substring(s, i);
                if (auxiliary && DECISION_PARTICIPLES.contains(word)) {
                    participle = true;
                }
                auxiliary |= AUXILIARIES.contains(word);
                continue;
            }
            boolean end = c == '!' || c == '?' || c == ';' || c == '\n' || c == '.' && !afterShortWord(folded, i);
            if (end) {
                if (participle && c != '?') {
                    return true;
                }
                auxiliary = false;
                participle = false;
            }
            i++;
        }
        return false;
    }

    /** A full stop after a word of at most three letters ("mw.", "dhr.", "F.") is an abbreviation, not a sentence end. */
    private static boolean afterShortWord(String folded, int dot) {
        int length = dot - RegexWords.wordStart(folded, 0, dot);
        return length > 0 && length <= 3;
    }

    /** {@link #SPECIAL_STEMS} by their first character (a word is ASCII [a-z0-9_] here), so a word meets only its own. */
    private static final String[][] STEMS_BY_FIRST_CHAR = byFirstChar(SPECIAL_STEMS);

    private static String[][] byFirstChar(List<String> stems) {
        String[][] index = new String[128][];
        for (char c = 0; c < 128; c++) {
            char first = c;
            List<String> starting = stems.stream().filter(s -> !s.isEmpty() && s.charAt(0) == first).toList();
            index[c] = starting.isEmpty() ? null : starting.toArray(String[]::new);
        }
        return index;
    }

    /**
     * The ASCII pairs of first two characters the stems open with, bit {@code first << 7 | second} (a one-character stem
     * sets all of its character's): most words open with no stem's pair and are passed with one bit (issue 15: a word
     * starting with "g" was compared with seven stems).
     */
    private static final long[] STEM_OPENINGS = openings(SPECIAL_STEMS);

    private static long[] openings(List<String> stems) {
        long[] bits = new long[128 * 128 / Long.SIZE];
        for (String stem : stems) {
            if (stem.isEmpty() || stem.charAt(0) >= 128) {
                continue;
            }
            for (char second = 0; second < 128; second++) {
                if (stem.length() == 1 || stem.charAt(1) == second) {
                    int pair = stem.charAt(0) << 7 | second;
                    bits[pair >>> 6] |= 1L << pair;
                }
            }
        }
        return bits;
    }

    /** Whether the word {@code text[from, to)} starts with one of {@link #SPECIAL_STEMS}. */
    private static boolean startsWithStem(String text, int from, int to) {
        char first = text.charAt(from);
        if (first >= 128) {
            String word = text.substring(from, to);
            return SPECIAL_STEMS.stream().anyMatch(word::startsWith);
        }
        if (to - from >= 2) {
            char second = text.charAt(from + 1);
            // an ASCII second character no stem opens with (with this first one): no stem (the others: compared below)
            int pair = first << 7 | second;
            if (second < 128 && (STEM_OPENINGS[pair >>> 6] & 1L << pair) == 0) {
                return false;
            }
        }
        String[] stems = STEMS_BY_FIRST_CHAR[first];
        if (stems != null) {
            for (String stem : stems) {
                if (stem.length() <= to - from && text.startsWith(stem, from)) {
                    return true;
                }
            }
        }
        return false;
    }
}
