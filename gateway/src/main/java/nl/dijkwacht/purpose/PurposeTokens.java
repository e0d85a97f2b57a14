package nl.dijkwacht.purpose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tokens the purpose classifier sees, the same at training and at run time: lower-cased words without accents,
 * a five-letter prefix of longer words (so "beoordeel", "beoordelen" and "beoordeling" share a feature and typos in
 * the tail do not matter), and a few shape markers the bag of words cannot see: a form of address followed by a
 * capitalised word ({@code __titelnaam}), two capitalised words inside a sentence ({@code __naam}), a number, a
 * question. Whether the special-category term list matched is added by the caller ({@code __bijzonder}).
 */
public final class PurposeTokens {

    static final String SPECIAL_TERM = "__bijzonder";
    static final String TITLE_NAME = "__titelnaam";
    static final String NAME = "__naam";
    static final String SPECIAL_WORD = "__bijzonder-woord";
    /** A decision already taken by a person ({@link PurposeCues#decisionTaken}). */
    static final String DECISION_TAKEN = "__besluit-genomen";
    private static final Set<String> TITLES = PurposeWords.set("person-titles");
    /** Ninth round: words that open an institution's or event's name ("Raad van State"), not a first name. */
    private static final Set<String> INSTITUTION_NOUNS = PurposeWords.set("institution-nouns");
    /** Tenth round: nouns that end an event's name ("Coming Out Day"): such a run of capitals is no person's name. */
    private static final Set<String> EVENT_NOUNS = PurposeWords.set("event-nouns");

    /** Name particles: "mevrouw de Vries", "Anouk van der Berg" are a title or first name followed by a surname. */
    private static final Set<String> PARTICLES = Set.of("de", "van", "der", "den", "ter", "ten", "el", "al", "von", "'t", "le", "la", "du", "da");

    /** Ninth round: after an article a capitalised word opens a title ("de Wet Bibob", "een Verklaring Omtrent het Gedrag"). */
    private static final Set<String> ARTICLES = Set.of("de", "het", "een", "the", "a", "an");

    private static final Set<String> PERSONAL_PRONOUNS = Set.of("hij", "zij", "ze", "hem", "haar", "zijn", "diens", "u", "uw",
            "he", "she", "him", "his", "her", "mijn", "onze");

    private PurposeTokens() {
    }

    public static String[] of(String text, boolean specialTerm) {
        return of(text, fold(text), specialTerm);
    }

    /** @param foldedText {@link #fold fold(text)}, when the caller needs it too (folded once per request) */
    static String[] of(String text, String foldedText, boolean specialTerm) {
        List<String> out = new ArrayList<>(64);
        int scanned = scan(text, foldedText, NO_WORD_BEFORE, out::add);
        PurposeCues cues = PurposeCues.of(foldedText);
        out.addAll(List.of(markers(withCues(shape(scanned), cues.specialWord, cues.decisionTaken), specialTerm)));
        return out.toArray(String[]::new);
    }

    /** Receives the word tokens of a scan in order. */
    @FunctionalInterface
    interface WordSink {
        void add(String token);

        /** The five-letter prefix token of {@code word} (more than five characters): {@code p:} and its first five. */
        default void addPrefix(String word) {
            add("p:" + word.substring(0, 5));
        }

        /**
         * The token {@code folded.substring(from, to)}, whose {@link WordNumbers#hash} is {@code hash}: a word of an ASCII
         * text, read where it stands in the folded text (a sink that looks words up needs no copy).
         */
        default void add(String folded, int from, int to, int hash) {
            add(folded.substring(from, to));
        }

        /** The five-letter prefix token of the word at {@code folded[from, …)} (more than five characters). */
        default void addPrefix(String folded, int from) {
            addPrefix(folded.substring(from, from + 5));
        }
    }

    /*
     * What a scan leaves and what a message is read after (the carry): the guard joins the messages by line breaks,
     * and a line break ends the sentence, the run of names, the initial and the quote; only the word before carries
     * over, and a scan reads it only as "none", "a word" or "a form of address" (see MessageTokens).
     */
    static final int NO_WORD_BEFORE = 0;
    static final int WORD_BEFORE = 1;
    /** The word before is a form of address ({@code person-titles}). */
    static final int TITLE_BEFORE = 2;

    /* Which of the word lists above a folded word is on: one lookup per word in the scan instead of one per list. */
    private static final int KIND_ARTICLE = 1;
    private static final int KIND_PARTICLE = 1 << 1;
    private static final int KIND_TITLE = 1 << 2;
    private static final int KIND_PRONOUN = 1 << 3;
    private static final int KIND_INSTITUTION = 1 << 4;
    private static final int KIND_EVENT = 1 << 5;
    private static final WordNumbers KINDS = kinds();

    private static WordNumbers kinds() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        ARTICLES.forEach(w -> out.merge(w, KIND_ARTICLE, (x, y) -> x | y));
        PARTICLES.forEach(w -> out.merge(w, KIND_PARTICLE, (x, y) -> x | y));
        TITLES.forEach(w -> out.merge(w, KIND_TITLE, (x, y) -> x | y));
        PERSONAL_PRONOUNS.forEach(w -> out.merge(w, KIND_PRONOUN, (x, y) -> x | y));
        INSTITUTION_NOUNS.forEach(w -> out.merge(w, KIND_INSTITUTION, (x, y) -> x | y));
        EVENT_NOUNS.forEach(w -> out.merge(w, KIND_EVENT, (x, y) -> x | y));
        return new WordNumbers(out);
    }

    /* The shape bits of a scan ({@link #markers} turns them into marker tokens). */
    static final int QUESTION = 1;
    static final int NUMBER = 1 << 1;
    static final int TITLED_NAME = 1 << 2;
    static final int TWO_WORD_NAME = 1 << 3;
    static final int PROPER_NOUN = 1 << 4;
    static final int PRONOUN = 1 << 5;
    /** {@link PurposeCues#specialWord}. */
    static final int SPECIAL_WORD_CUE = 1 << 6;
    /** {@link PurposeCues#decisionTaken}. */
    static final int DECISION_TAKEN_CUE = 1 << 7;
    /** Bits 8–9: the carry a scan leaves to the text after it ({@link #carryAfter}). */
    private static final int CARRY_SHIFT = 8;

    static int carryAfter(int scanned) {
        return scanned >>> CARRY_SHIFT & 3;
    }

    /** The shape bits of a {@link #scan}'s result (without the carry). */
    static int shape(int scanned) {
        return scanned & ((1 << CARRY_SHIFT) - 1);
    }

    static int withCues(int shape, boolean specialWord, boolean decisionTaken) {
        return shape | (specialWord ? SPECIAL_WORD_CUE : 0) | (decisionTaken ? DECISION_TAKEN_CUE : 0);
    }

    /**
     * The word tokens of {@code text} into {@code out}, in order; returns its shape bits and the carry it leaves
     * ({@link #carryAfter}).
     *
     * @param carry what the text is read after: {@link #NO_WORD_BEFORE} for a text of its own; a message of a conversation
     *              is read after what the messages before it leave
     */
    static int scan(String text, String foldedText, int carry, WordSink out) {
        return scan(text, foldedText, isAscii(text), carry, out);
    }

    /** {@link #scan(String, String, int, WordSink)}; {@code ascii}: {@link #isAscii isAscii(text)}, asked once by the caller. */
    static int scan(String text, String foldedText, boolean ascii, int carry, WordSink out) {
        return scan(text, foldedText, ascii, carry, out, null);
    }

    /**
     * {@link #scan(String, String, boolean, int, WordSink)}, handing each word to {@code cueWords} as well
     * ({@link PurposeCues.Words#scanWord}); only for an ASCII text whose fold holds no {@code _} (see
     * {@link #cueWordsFit}), null otherwise.
     */
    static int scan(String text, String foldedText, boolean ascii, int carry, WordSink out, PurposeCues.Words cueWords) {
        int n = text.length();
        // ASCII text folds character by character, so a word's fold is the same stretch of the folded text
        boolean foldedAlike = ascii && foldedText.length() == n;
        int i = 0;
        // a line break resets every state below but the previous word: a title may end one message and a name open the next
        boolean wordBefore = carry != NO_WORD_BEFORE;
        // the word before is a form of address (a message before may have ended with one)
        boolean previousTitle = carry == TITLE_BEFORE;
        boolean ownWord = false;
        boolean previousCapital = false;
        boolean sentenceStart = true;
        boolean number = false;
        boolean titleName = false;
        boolean name = false;
        boolean pronoun = false;
        boolean properNoun = false;
        boolean afterInitial = false;
        boolean afterArticle = false;
        // tenth round: two capitals in a row make a name once the run has ended, unless its last word ends an event's name
        boolean nameRun = false;
        // the last capitalised word ends an event's name
        boolean lastCapitalEvent = false;
        boolean quoted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int s = i;
                // the word holds an apostrophe or a hyphen
                boolean joined = false;
                while (i < n) {
                    char w = text.charAt(i);
                    if (w == '\'' || w == '-') {
                        joined = true;
                    } else if (!Character.isLetterOrDigit(w)) {
                        break;
                    }
                    i++;
                }
                // the word as written is text[s, i) (no copy made: an ASCII word's fold is a stretch of the folded text)
                int length = i - s;
                boolean capital = Character.isUpperCase(c) && length > 1;
                // an initial with its full stop ("R. Pinas", "Kevin B."): part of a person's name, not a sentence end
                boolean initial = length == 1 && Character.isUpperCase(c) && i < n && text.charAt(i) == '.';
                if (initial && previousCapital || capital && afterInitial) {
                    name = true;
                }
                // an ASCII word is read where it stands in the folded text (word stays null), any other is folded apart
                String word = foldedAlike ? null : fold(text.substring(s, i));
                int hash = foldedAlike ? WordNumbers.hash(foldedText, s, i) : 0;
                if (cueWords != null) {
                    cueWords.scanWord(foldedText, s, i, hash, joined);
                }
                if (!capital && nameRun) {
                    name |= !lastCapitalEvent;
                    nameRun = false;
                }
                int foldedKinds = Math.max(0, foldedAlike ? KINDS.number(hash, foldedText, s, i) : KINDS.number(word));
                if (capital) {
                    lastCapitalEvent = (foldedKinds & KIND_EVENT) != 0;
                }
                afterInitial = initial || afterInitial && !capital && (foldedKinds & KIND_PARTICLE) != 0;
                // the token's kinds: a number's token ("__getal") is on no list
                int kinds = foldedKinds;
                if (Character.isDigit(c)) {
                    number = true;
                    word = "__getal";
                    kinds = 0;
                }
                if (word == null) {
                    out.add(foldedText, s, i, hash);
                    if (length > 5) {
                        out.addPrefix(foldedText, s);
                    }
                } else {
                    out.add(word);
                    if (word.length() > 5 && !word.startsWith("__")) {
                        out.addPrefix(word);
                    }
                }
                if ((kinds & KIND_PRONOUN) != 0) {
                    pronoun = true;
                }
                boolean article = (foldedKinds & KIND_ARTICLE) != 0;
                if (!capital && wordBefore && (kinds & KIND_PARTICLE) != 0) {
                    // a particle between a title or first name and the surname keeps what came before it
                    sentenceStart = false;
                    afterArticle = article;
                    continue;
                }
                if (capital && wordBefore && previousTitle) {
                    titleName = true;
                }
                // eighth round: an abbreviation ("FAQ van Burgerzaken", "Welke DPIA-vragen", "de AVG-regels") is no part of a
                // person's name; "IJzerman" is a name
                boolean abbreviation = capital && Character.isUpperCase(text.charAt(s + 1)) && !text.startsWith("IJ", s);
                if (capital && previousCapital && !sentenceStart && !abbreviation && !quoted) {
                    nameRun = true;
                }
                if (capital && !sentenceStart && (kinds & KIND_TITLE) == 0 && !allCapitals(text, s, i, foldedAlike)) {
                    properNoun = true;
                }
                // ninth round: a capital after an article, or a capitalised article inside a sentence ("buurthuis De Schakel"),
                // opens a title, not a person's name ("de Monitor Discriminatie"); "Anouk de Vries" is still a name
                boolean opensTitle = afterArticle && !previousCapital || article && !sentenceStart;
                sentenceStart = false;
                previousCapital = capital && (kinds & KIND_TITLE) == 0 && !abbreviation && (kinds & KIND_INSTITUTION) == 0 && !opensTitle;
                afterArticle = article;
                wordBefore = true;
                previousTitle = (foldedKinds & KIND_TITLE) != 0;
                ownWord = true;
            } else {
                if (afterInitial && (c == '.' || c == ' ')) {
                    i++;
                    continue;
                }
                afterInitial = false;
                // tenth round: capitals between double quotes, a few words without a full stop, are a title ("vacancy text
                // for \"Beleidsadviseur Klimaatadaptatie\""); a pasted note in quotes keeps its names
                if (c == '"' || c == '\u201C' || c == '\u201D') {
                    quoted = !quoted && c != '\u201D' && shortTitle(text, i + 1);
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                    if (nameRun) {
                        name |= !lastCapitalEvent;
                        nameRun = false;
                    }
                    sentenceStart = true;
                    previousCapital = false;
                    afterArticle = false;
                }
                i++;
            }
        }
        if (nameRun) {
            name |= !lastCapitalEvent;
        }
        int carryAfter = !ownWord ? carry : previousTitle ? TITLE_BEFORE : WORD_BEFORE;
        return (text.indexOf('?') >= 0 ? QUESTION : 0) | (number ? NUMBER : 0) | (titleName ? TITLED_NAME : 0)
                | (name ? TWO_WORD_NAME : 0) | (properNoun ? PROPER_NOUN : 0) | (pronoun ? PRONOUN : 0) | carryAfter << CARRY_SHIFT;
    }

    /**
     * The marker tokens that follow the word tokens, in the order the model was trained with: the shape of the text
     * (its {@link #scan} bits, with the cues: {@link #withCues}) and whether the special-category term list matched.
     */
    static String[] markers(int shape, boolean specialTerm) {
        List<String> out = new ArrayList<>(12);
        boolean titleName = (shape & TITLED_NAME) != 0;
        boolean name = (shape & TWO_WORD_NAME) != 0;
        boolean properNoun = (shape & PROPER_NOUN) != 0;
        boolean pronoun = (shape & PRONOUN) != 0;
        if ((shape & QUESTION) != 0) {
            out.add("__vraag");
        }
        if ((shape & NUMBER) != 0) {
            out.add("__getal");
        }
        if (titleName) {
            out.add(TITLE_NAME);
        }
        if (name) {
            out.add(NAME);
        }
        if (properNoun) {
            out.add("__eigennaam");
        }
        if (pronoun) {
            out.add("__voornaamwoord");
        }
        if ((shape & DECISION_TAKEN_CUE) != 0) {
            out.add(DECISION_TAKEN);
        }
        if ((shape & SPECIAL_WORD_CUE) != 0) {
            out.add(SPECIAL_WORD);
            if (titleName || name) {
                out.add("__persoon+woord");
            } else if (properNoun) {
                out.add("__eigennaam+woord");
            }
            if (pronoun) {
                out.add("__voornaamwoord+woord");
            }
        }
        if (specialTerm) {
            out.add(SPECIAL_TERM);
            // a person and a special-category term together: the conjunction a bag of words cannot express
            if (titleName || name) {
                out.add("__persoon+bijzonder");
            }
            if (pronoun) {
                out.add("__voornaamwoord+bijzonder");
            }
        }
        return out.toArray(String[]::new);
    }

    /** Whether {@code text[from, to)} is unchanged in upper case; {@code ascii}: the text is ASCII (only a–z change then). */
    private static boolean allCapitals(String text, int from, int to, boolean ascii) {
        if (!ascii) {
            String raw = text.substring(from, to);
            return raw.equals(raw.toUpperCase(Locale.ROOT));
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean shortTitle(String text, int from) {
        for (int k = from; k < text.length() && k < from + 60; k++) {
            char q = text.charAt(k);
            if (q == '"' || q == '\u201D') {
                return true;
            }
            if (q == '.' || q == '!' || q == '?' || q == '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether {@link #scan} can hand its words to {@link PurposeCues.Words}: an ASCII text (its words and folded words
     * stand alike) without {@code _}, which joins words for the cues but not for the scan.
     */
    static boolean cueWordsFit(String text, String foldedText, boolean ascii) {
        return ascii && foldedText.length() == text.length() && foldedText.indexOf('_') < 0;
    }

    static boolean isAscii(String text) {
        // all characters ORed, without a return inside the loop: the JIT compiles it to vector instructions (issue 15: a
        // third of the time of a loop that stops at the first character over 127, on the ASCII text nearly all prompts are)
        int all = 0;
        for (int k = 0; k < text.length(); k++) {
            all |= text.charAt(k);
        }
        return all < 128;
    }

    /** {@link #fold(String)}; {@code ascii}: {@link #isAscii isAscii(raw)} (then the fold is the lower case). */
    static String fold(String raw, boolean ascii) {
        return ascii ? raw.toLowerCase(Locale.ROOT) : fold(raw);
    }

    static String fold(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (int k = 0; k < lower.length(); k++) {
            if (lower.charAt(k) > 127) {
                return withoutMarks(Normalizer.normalize(lower, Normalizer.Form.NFD));
            }
        }
        return lower;
    }

    /** {@code replaceAll("\\p{M}", "")} without a regex scan: drops every combining mark (Mn, Mc, Me). */
    private static String withoutMarks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                out.appendCodePoint(cp);
            }
            k += Character.charCount(cp);
        }
        return out.toString();
    }
}
