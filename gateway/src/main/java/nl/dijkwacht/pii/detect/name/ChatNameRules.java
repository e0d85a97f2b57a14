package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.words.Letters;
import nl.dijkwacht.words.WordList;
import nl.dijkwacht.words.WordSet;

/**
 * Rule family: names typed in lower case in chat prompts, where no capital marks them and neither part need be in
 * a gazetteer: lower-case initials before a surname ({@code r. pinas}, {@code j.w. hoekstra},
 * {@code n. boukhari-van dijk}, {@code k.a. van 't hof}) — abbreviations such as {@code o.a.} and {@code i.v.m.}
 * excluded ({@code /pii/names/abbreviations.txt}) — and the words after {@code naam} / {@code mijn naam is}
 * ({@code naam tjitske de boer}, {@code mijn naam is wang li na}). Words that are common, function words or
 * organisation and street words end a name.
 */
final class ChatNameRules {

    static final String LOWER_INITIALS = "lower-case initials";
    static final String AFTER_NAME_WORD = "after 'naam'";

    private static final Set<String> ABBREVIATIONS = WordList.set("/pii/names/abbreviations.txt");

    // particles are repeated at most four times ("van 't", "de la"): an unbounded group recurses once per repeat in
    // java.util.regex and overflowed the stack on "van der " x 6,000
    private static final String PARTICLE = "(?:van|de|der|den|ter|ten|te|het|'t|’t|el|al|da|di|du|le|la|op|in|von|bin|ben)";
    private static final String WORD = "\\p{Ll}[\\p{Ll}'’]+(?:-(?:" + PARTICLE + " ){0,4}\\p{Ll}[\\p{Ll}'’]+)?";
    private static final Pattern INITIALS = Pattern.compile(
            "(?<![\\p{L}\\d.])((?:\\p{Ll}\\.){1,4}) ?((?:" + PARTICLE + " ){0,4})(" + WORD + ")(?![\\p{L}\\d@])");
    private static final Pattern NAME_WORD = Pattern.compile(
            "(?<![\\p{L}])naam(?: is)?:? ((?:" + WORD + ")(?: (?:" + PARTICLE + " ){0,4}" + WORD + "){1,2})");

    /**
     * "voor ayse yilmaz, bsn …", "van dawit tesfay?": two or three unknown lower-case words after a preposition
     * that names a person, closed by punctuation, a personal-data word or an identifier's digits ("voor kwame
     * asante 999.943.352"). Only in text typed in lower case.
     */
    private static final Pattern AFTER_PREPOSITION = Pattern.compile("(?:(?<![\\p{L}])(?:van|voor|aan|met|naar|wil)|,)"
            + " (" + WORD + " (?:" + PARTICLE + " ){0,4}" + WORD + ")(?=[,?]|$| (?:geb|bsn|tel|feliciteren|bellen)\\b"
            + "| \\d{3,4}[. -]?\\d{2,3}[. -]?\\d{2,3}(?!\\d))"); // ninth round: "voor kwame asante 999.943.352"

    /**
     * Fifth round, also only in text typed in lower case: two or three words after a colon or a relation word
     * ({@code /pii/names/relation-words.txt}: "zijn vrouw adaeze okafor-nwosu", "dossier: georgi ivanov (bsn …"), or
     * three after one of the prepositions above, closed by punctuation, an opening bracket, or a word that follows a
     * name ({@code follows-a-name.txt}: "spreekt", "en", "uit"); then further names joined by "en" or (sixth round)
     * a comma ("dewi ayu lestari en bartek nowak (bsn …", "hiwet berhane, dawit tesfay, sara haile en …").
     */
    private static final Set<String> RELATION_WORDS = WordList.set("/pii/names/relation-words.txt");
    private static final String CLOSER = "(?=[,?:;)]|\\.(?:\\s|$)|$| \\(| (?:" + alternation(closingWords()) + ")(?![\\p{L}]))";
    /** Two or three name words right after a colon or a relation word, then a closer. */
    private static final Pattern NAME_AFTER_CUE = Pattern.compile(" (" + WORD + "(?: (?:" + PARTICLE + " ){0,4}" + WORD
            + "){1,2})" + CLOSER);
    /** Three name words right after a preposition, then a closer (two are the older rule's). */
    private static final Pattern THREE_AFTER_PREPOSITION = Pattern.compile(" (" + WORD + "(?: (?:" + PARTICLE + " ){0,4}"
            + WORD + "){2})" + CLOSER);
    private static final Set<String> PREPOSITIONS = WordSet.of(List.of("van", "voor", "aan", "met", "naar"));
    /** Sixth round: the next name of a list, joined by "en" or a comma ("hiwet berhane, dawit tesfay en …"). */
    private static final Pattern NAME_AFTER_EN = Pattern.compile("(?:,? en|,) (" + WORD + "(?: (?:" + PARTICLE
            + " ){0,4}" + WORD + "){1,2})" + CLOSER);

    private static Set<String> closingWords() {
        Set<String> words = new java.util.HashSet<>(NameWords.FOLLOWS_A_NAME);
        words.addAll(List.of("en", "geb", "bsn", "tel", "die", "uit", "spreekt", "tolkt"));
        return words;
    }

    private static final String AFTER_RELATION_RULE = "lower-case words after a relation word or a colon";

    private static final String AFTER_PREPOSITION_RULE = "lower-case words after a preposition";

    /**
     * Adds the names found to {@code out}; the text is read as a whole (token indices are not used). {@code capitals}
     * are the text's counts ({@link Capitals#of}), taken once for this rule family and {@link IdentifierClosedNameRules}.
     */
    void find(String text, Capitals capitals, List<NameSpan> out) {
        if (capitals.mostlyLowerCase()) {
            subjectBeforeVerb(text, out);
        }
        if (capitals.typedInLowerCase()) {
            Matcher p = AFTER_PREPOSITION.matcher(text);
            while (p.find()) {
                int end = nameEnd(text, p.start(1), p.end(1));
                if (end == p.end(1)) {
                    out.add(new NameSpan(p.start(1), end, -1, AFTER_PREPOSITION_RULE));
                }
            }
        }
        if (capitals.mostlyLowerCase()) {
            afterColonOrRelation(text, out);
        }
        // the pattern is tried only where lower-case initials can start: a regex scan of every character cost more
        // than all the other name rules together
        Matcher m = null;
        int n = text.length();
        for (int i = text.indexOf('.', 1); i > 0; i = text.indexOf('.', i + 1)) {
            int s = i - 1;
            if (!Character.isLowerCase(text.charAt(s)) || (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1))
                    || text.charAt(s - 1) == '.'))) {
                continue;
            }
            if (m == null) {
                m = INITIALS.matcher(text);
                m.useTransparentBounds(true);
            }
            m.region(s, n);
            if (m.lookingAt() && !ABBREVIATIONS.contains(m.group(1)) && surnameLike(m.group(3))) {
                out.add(new NameSpan(m.start(1), m.end(3), -1, LOWER_INITIALS));
                i = m.end() - 1;
            }
        }
        if (text.contains("naam ")) {
            // tried only where "naam" occurs (every match starts there): the same matches as find() over the whole
            // text, whose scan of every character cost 2 % of a gateway's CPU on a letter that says "mijn naam is"
            Matcher w = NAME_WORD.matcher(text);
            w.useTransparentBounds(true);
            for (int at = text.indexOf("naam"); at >= 0; ) {
                w.region(at, n);
                if (!w.lookingAt()) {
                    at = text.indexOf("naam", at + 1);
                    continue;
                }
                int end = nameEnd(text, w.start(1), w.end(1));
                if (end > w.start(1)) {
                    out.add(new NameSpan(w.start(1), end, -1, AFTER_NAME_WORD));
                }
                at = text.indexOf("naam", w.end());
            }
        }
    }

    static final String SUBJECT_RULE = "lower-case name before a verb";

    /** pii47: verbs (and "niet") that follow a person who is the subject: "bassel darwish komt morgen". */
    private static final List<String> PERSON_VERBS = List.of(" komt ", " kwam ", " belt ", " belde ", " heeft ",
            " wil ", " woont ", " zegt ", " zei ", " gaat ", " krijgt ", " vraagt ", " vroeg ", " is ", " was ", " niet ");

    /**
     * pii47, in chat typed mostly in lower case: two lower-case words before such a verb are a name when both pass
     * {@link #surnameLike} and they open the line or message ("bassel darwish komt morgen", "els: niels timmer komt")
     * or the first is a known given name ("is olga veenstra niet geboren").
     */
    private static void subjectBeforeVerb(String text, List<NameSpan> out) {
        for (String verb : PERSON_VERBS) {
            for (int v = text.indexOf(verb); v > 0; v = text.indexOf(verb, v + 1)) {
                int e2 = v;
                int s2 = lowerWordStart(text, e2);
                if (s2 < 0 || s2 < 2 || text.charAt(s2 - 1) != ' ') {
                    continue;
                }
                int e1 = s2 - 1;
                int s1 = lowerWordStart(text, e1);
                if (s1 < 0 || s1 > 0 && Character.isLetterOrDigit(text.charAt(s1 - 1))) {
                    continue;
                }
                String first = text.substring(s1, e1);
                boolean opens = s1 == 0 || text.charAt(s1 - 1) == '\n'
                        || s1 >= 2 && text.charAt(s1 - 1) == ' ' && text.charAt(s1 - 2) == ':';
                if ((opens || nl.dijkwacht.pii.detect.KnownNames.shared().firstNames().contains(first))
                        && surnameLike(first) && surnameLike(text.substring(s2, e2)) && !afterOrganisationWord(text, s1)) {
                    out.add(new NameSpan(s1, e2, -1, SUBJECT_RULE));
                }
            }
        }
    }

    /** "stichting aletta jacobs zegt", "zorgcentrum titus brandsma": the words name an organisation. */
    private static boolean afterOrganisationWord(String text, int start) {
        if (start < 2 || text.charAt(start - 1) != ' ') {
            return false;
        }
        int s = lowerWordStart(text, start - 1);
        if (s < 0) {
            return false;
        }
        String word = text.substring(s, start - 1);
        return StreetOrganisationFilter.isOrganisationPrefix(word) || StreetOrganisationFilter.isStreetOrOrganisation(word)
                || StreetOrganisationFilter.hasNonNameEnding(word);
    }

    /** The start of the lower-case word of two or more letters that ends at {@code end}, or -1. */
    private static int lowerWordStart(String text, int end) {
        int s = end;
        while (s > 0 && Character.isLowerCase(text.charAt(s - 1))) {
            s--;
        }
        return end - s >= 2 ? s : -1;
    }

    /**
     * Tried only where a cue ends (a colon, or a relation word or preposition read as a whole word): a regex search of
     * the whole text for the cue words cost as much as all other name rules.
     */
    private static void afterColonOrRelation(String text, List<NameSpan> out) {
        int n = text.length();
        Matcher cue = null;
        Matcher three = null;
        int from = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            Matcher m = null;
            int at = -1;
            if (c == ':') {
                at = i + 1;
            } else if (Character.isLowerCase(c) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                int e = i + 1;
                while (e < n && Character.isLetter(text.charAt(e))) {
                    e++;
                }
                if (e - i >= 2 && e - i <= 14) {
                    String w = text.substring(i, e);
                    if (RELATION_WORDS.contains(w)) {
                        at = e;
                    } else if (PREPOSITIONS.contains(w)) {
                        at = e;
                        if (three == null) {
                            three = THREE_AFTER_PREPOSITION.matcher(text);
                            three.useTransparentBounds(true);
                        }
                        m = three;
                    }
                }
                if (at < 0) {
                    i = e;
                    continue;
                }
            }
            if (at < 0 || at < from || at >= n || text.charAt(at) != ' ') {
                i++;
                continue;
            }
            if (m == null) {
                if (cue == null) {
                    cue = NAME_AFTER_CUE.matcher(text);
                    cue.useTransparentBounds(true);
                }
                m = cue;
            }
            m.region(at, n);
            if (!m.lookingAt() || nameEnd(text, m.start(1), m.end(1)) != m.end(1)
                    || (m == three && startsWithParticle(text, m.start(1)))) { // "voor de energietoeslag doen."
                i = at;
                continue;
            }
            out.add(new NameSpan(m.start(1), m.end(1), -1, AFTER_RELATION_RULE));
            from = m.end(1);
            Matcher en = NAME_AFTER_EN.matcher(text);
            en.useTransparentBounds(true);
            en.region(from, n);
            while (en.lookingAt() && nameEnd(text, en.start(1), en.end(1)) == en.end(1)
                    && !startsWithParticle(text, en.start(1))) {
                out.add(new NameSpan(en.start(1), en.end(1), -1, AFTER_RELATION_RULE));
                from = en.end(1);
                en.region(from, n);
            }
            i = from;
        }
    }

    private static boolean startsWithParticle(String text, int start) {
        int space = text.indexOf(' ', start);
        return space > start && NameWords.PARTICLES.contains(text.substring(start, space));
    }

    private static String alternation(Set<String> words) {
        return words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|"));
    }

    /** Counts of one pass over the text's letters, for the two lower-case tests below. */
    record Capitals(int letters, int capitals, int sentenceStarts, int lowerStarts) {

        static Capitals of(String text) {
            int letters = 0;
            int capitals = 0;
            int starts = 0;
            int lowerStarts = 0;
            boolean sentenceStart = true;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Letters.letter(c)) { // ASCII without the JDK's tables: this runs at every character of a text
                    letters++;
                    boolean upper = Letters.upper(c);
                    if (upper) {
                        capitals++;
                    }
                    if (sentenceStart) {
                        starts++;
                        if (!upper) {
                            lowerStarts++;
                        }
                        sentenceStart = false;
                    }
                } else if (c == '.' || c == '?' || c == '!' || c == '\n') {
                    sentenceStart = true;
                }
            }
            return new Capitals(letters, capitals, starts, lowerStarts);
        }

        /** Fewer than one capital in fifty letters: a chat message, where capitals do not mark names. */
        boolean typedInLowerCase() {
            return letters > 0 && capitals * 50 < letters;
        }

        /**
         * Chat typed in lower case even where an address or an acronym is capitalised: fewer than one capital in
         * fifteen letters, and the text and most of its sentences open in lower case (prose opens them with a capital).
         */
        boolean mostlyLowerCase() {
            return letters > 0 && capitals * 15 < letters && lowerStarts * 2 > sentenceStarts;
        }
    }

    /** The end of the name in [start, end): it stops before the first word that cannot be part of a name. */
    private static int nameEnd(String text, int start, int end) {
        int nameWords = 0;
        int lastEnd = start;
        int i = start;
        boolean pendingParticle = false;
        while (i < end) {
            int j = text.indexOf(' ', i);
            if (j < 0 || j > end) {
                j = end;
            }
            String w = text.substring(i, j);
            if (NameWords.PARTICLES.contains(w)) {
                pendingParticle = true;
            } else if (surnameLike(w)) {
                nameWords++;
                lastEnd = j;
                pendingParticle = false;
            } else {
                break;
            }
            i = j + 1;
        }
        return nameWords >= 2 && !pendingParticle || nameWords >= 2 ? lastEnd : start;
    }

    static boolean surnameLike(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int hyphen = w.indexOf('-');
        String head = hyphen > 0 ? w.substring(0, hyphen) : w;
        if (hyphen > 0 && NameWords.PARTICLES.contains(head) && hyphen + 1 < w.length()) {
            head = w.substring(hyphen + 1); // "al-saadi", "el-amrani": the particle is part of the surname
        }
        return head.length() >= 2 && !NameWords.NOT_NAMES.contains(head) && !NameWords.COMMON_LOWER.contains(head)
                && !NameWords.FOLLOWS_A_NAME.contains(head) && !NameWords.PARTICLES.contains(head)
                && !NameWords.TITLES.contains(head) && !FUNCTION_WORDS.contains(head)
                && !StreetOrganisationFilter.isStreetOrOrganisation(head) && !StreetOrganisationFilter.hasNonNameEnding(head)
                && !StreetOrganisationFilter.isOrganisationPrefix(head); // "zwemvereniging de dolfijn"
    }

    private static final Set<String> FUNCTION_WORDS = WordList.set("/pii/names/function-words.txt");
}
