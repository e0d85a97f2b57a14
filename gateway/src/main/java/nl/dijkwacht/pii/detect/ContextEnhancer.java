package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Map;

/**
 * The one context mechanism of the engine: words near a candidate, and the column header, JSON key or line label
 * of the value it is in ({@link TextStructure}), that make it more or less likely to be personal data — in both
 * directions: a {@code geboortedatum} column makes a date a birth date, a {@code klantnummer} column rules a BSN out.
 *
 * <p>In running text the nearest cue word wins — in "BSN 123456782, zaaknummer 234567891" each number is judged by
 * its own label — and cues before the candidate are looked at first, after it only when there is none before.
 * Inside a table cell or a JSON value a cue word in the value itself comes first, then the key; words outside the
 * cell are not looked at (they belong to other columns). Inside a "label: value" line: words in the value, then the
 * label, then the running-text rule. Word lists are resource files ({@code /pii/context/*.txt}, sections
 * {@code [positive]} and {@code [negative]}, and optionally {@code [positive-keys]} / {@code [negative-keys]} for
 * words that only count as a key, such as {@code id}).
 */
public final class ContextEnhancer {

    public enum Signal { POSITIVE, NEGATIVE, NONE }

    /**
     * The deciding cue: its signal, the cue word from our list (never text of the prompt) and where it was: before
     * or after the candidate, or the key of the field the candidate is in.
     */
    public record Cue(Signal signal, String word, String where) {

        static final Cue NONE = new Cue(Signal.NONE, "", "");

        /** "context +'bsn' before", "context -'klantnummer' column header"; empty for no cue. */
        public String describe() {
            if (signal == Signal.NONE) {
                return "";
            }
            return "context " + (signal == Signal.POSITIVE ? "+" : "-") + "'" + word + "' " + where;
        }
    }

    private final List<String> positiveBefore;
    private final List<String> negativeBefore;
    private final List<String> positiveAfter;
    private final List<String> negativeAfter;
    private final List<String> positiveKeys;
    private final List<String> negativeKeys;
    private final java.util.Set<String> negativeKeySet;
    private final int longestNegativeKey;
    private final KeyWords positiveKeyWords;
    private final KeyWords negativeKeyWords;
    private final List<String> negativeKeyEndings;
    private final CueWords wordsBefore;
    private final CueWords wordsAfter;
    private final int before;
    private final int after;
    private final String source;

    private ContextEnhancer(String source, List<String> positiveBefore, List<String> negativeBefore,
            List<String> positiveAfter, List<String> negativeAfter, List<String> positiveKeys,
            List<String> negativeKeys, List<String> negativeKeyEndings, int before, int after) {
        this.source = source;
        this.negativeKeyEndings = List.copyOf(negativeKeyEndings);
        // in the form keys are compared in ("bsn-nummer" → "bsn nummer"), once
        this.positiveKeys = positiveKeys.stream().map(ContextEnhancer::keyForm).toList();
        this.negativeKeys = negativeKeys.stream().map(ContextEnhancer::keyForm).toList();
        this.negativeKeySet = java.util.Set.copyOf(this.negativeKeys);
        this.longestNegativeKey = this.negativeKeys.stream().mapToInt(String::length).max().orElse(0);
        this.positiveKeyWords = new KeyWords(this.positiveKeys);
        this.negativeKeyWords = new KeyWords(this.negativeKeys);
        this.positiveBefore = List.copyOf(positiveBefore);
        this.negativeBefore = List.copyOf(negativeBefore);
        this.positiveAfter = List.copyOf(positiveAfter);
        this.negativeAfter = List.copyOf(negativeAfter);
        this.wordsBefore = new CueWords(positiveBefore, negativeBefore);
        this.wordsAfter = new CueWords(positiveAfter, negativeAfter);
        this.before = before;
        this.after = after;
    }

    /** The same words on both sides: {@code before} characters before the candidate, {@code after} after it. */
    public static ContextEnhancer of(String resource, int before, int after) {
        Map<String, List<String>> s = WordList.sections(resource);
        List<String> pos = s.getOrDefault("positive", List.of());
        List<String> neg = s.getOrDefault("negative", List.of());
        if (pos.isEmpty() && neg.isEmpty()) {
            throw new PiiEngineException("resource empty: " + resource);
        }
        List<String> posKeys = new java.util.ArrayList<>(pos);
        posKeys.addAll(s.getOrDefault("positive-keys", List.of()));
        List<String> negKeys = new java.util.ArrayList<>(neg);
        negKeys.addAll(s.getOrDefault("negative-keys", List.of()));
        return new ContextEnhancer(resource, pos, neg, pos, neg, posKeys, negKeys,
                s.getOrDefault("negative-key-endings", List.of()), before, after);
    }

    /** One list for the words before the candidate and another for the words after it. */
    public static ContextEnhancer of(String beforeResource, int before, String afterResource, int after) {
        ContextEnhancer b = of(beforeResource, before, 0);
        ContextEnhancer a = of(afterResource, 0, after);
        List<String> posKeys = new java.util.ArrayList<>(b.positiveKeys);
        posKeys.addAll(a.positiveKeys);
        List<String> negKeys = new java.util.ArrayList<>(b.negativeKeys);
        negKeys.addAll(a.negativeKeys);
        List<String> endings = new java.util.ArrayList<>(b.negativeKeyEndings);
        endings.addAll(a.negativeKeyEndings);
        return new ContextEnhancer(beforeResource + " + " + afterResource, b.positiveBefore, b.negativeBefore,
                a.positiveAfter, a.negativeAfter, posKeys, negKeys, endings, before, after);
    }

    /** {@code lower} must be the analysed text in lower case (same length as the original). */
    public Signal signal(String lower, int start, int end) {
        return cue(lower, start, end).signal();
    }

    /** As {@link #signal}, but only words on the candidate's own line count (a table row is one record). */
    public Signal signalOnLine(String lower, int start, int end) {
        int from = lower.lastIndexOf('\n', start - 1) + 1;
        int to = lower.indexOf('\n', end);
        return cue(lower, start, end, from, to < 0 ? lower.length() : to).signal();
    }

    /** As {@link #signal}, but only words in {@code [from, to)} count (a JSON object is one record). */
    public Signal signalWithin(String lower, int start, int end, int from, int to) {
        return cue(lower, start, end, from, to).signal();
    }

    /** The nearest cue before {@code start} only (the title above a table). */
    public Signal signalBefore(String lower, int start) {
        return cueBefore(lower, start, Math.max(0, start - before)).signal();
    }

    /** The nearest cue before the candidate, else the nearest after it (running text only). */
    public Cue cue(String lower, int start, int end) {
        return cue(lower, start, end, 0, lower.length());
    }

    /** The cue for a candidate, with the key of the table cell, JSON value or labelled line it is in. */
    public Cue cue(String lower, int start, int end, TextStructure structure) {
        TextStructure.Field field = structure == null || structure.isEmpty() ? null : structure.fieldAt(start, end);
        if (field == null) {
            String header = SpacedColumns.headerOf(lower, start, end);
            Cue column = header == null ? Cue.NONE : matchKey(keyForm(header), TextStructure.Kind.TABLE);
            return column.signal() != Signal.NONE ? column : cue(lower, start, end);
        }
        Cue inValue = nearestBefore(lower, start, end, Math.max(field.start(), start - before), field.end());
        if (inValue.signal() != Signal.NONE) {
            return inValue;
        }
        Cue key = keyCue(field);
        if (key.signal() != Signal.NONE) {
            return key;
        }
        if (field.kind() == TextStructure.Kind.LINE) {
            return cue(lower, start, end);
        }
        return cueAfter(lower, end, Math.min(field.end(), end + after));
    }

    /** The signal of a field's key alone: its own key first, then (JSON) the enclosing keys. */
    public Cue keyCue(TextStructure.Field field) {
        Cue own = matchKey(field.key(), field.kind());
        if (own.signal() != Signal.NONE || field.path().equals(field.key())) {
            return own;
        }
        return matchKey(field.path(), field.kind());
    }

    private Cue matchKey(String key, TextStructure.Kind kind) {
        String where = switch (kind) {
            case TABLE -> "column header";
            case JSON -> "JSON key";
            case LINE -> "label";
        };
        String w = positiveKeyWords.firstIn(key);
        if (w != null) {
            return new Cue(Signal.POSITIVE, w, where);
        }
        w = negativeKeyWords.firstIn(key);
        if (w != null) {
            return new Cue(Signal.NEGATIVE, w, where);
        }
        w = compoundEnding(key);
        if (w != null) {
            return new Cue(Signal.NEGATIVE, "…" + w, where);
        }
        return Cue.NONE;
    }

    /**
     * The {@code [negative-key-endings]} entry that ends a compound word of the key ({@code clientnr},
     * {@code subjectnummer}, {@code deelnemersnummer}: some other register's number), else null. A bare ending
     * ({@code nummer}) says nothing; a positive key word has been looked for first.
     */
    private String compoundEnding(String key) {
        if (negativeKeyEndings.isEmpty()) {
            return null;
        }
        int wordEnd = key.length();
        for (int i = key.length(); i >= 0; i--) {
            if (i == 0 || key.charAt(i - 1) == ' ') {
                for (String ending : negativeKeyEndings) {
                    int len = ending.length();
                    if (wordEnd - i > len + 1 && key.startsWith(ending, wordEnd - len)) {
                        return ending;
                    }
                }
                wordEnd = i - 1;
            }
        }
        return null;
    }

    /** A cue word as keys are normalised: "bsn-nummer" → "bsn nummer". */
    private static String keyForm(String w) {
        return w.replace('-', ' ').replace('_', ' ').strip();
    }

    /** {@code word} occurs in {@code key} at the start of a word of it, as {@link KeyWords} reads keys. */
    static boolean containsWord(String key, String word) {
        return new KeyWords(List.of(word)).anyIn(key);
    }

    private Cue cueBefore(String lower, int start, int from) {
        return before == 0 ? Cue.NONE : wordsBefore.nearestBefore(lower, from, start);
    }

    private Cue cueAfter(String lower, int end, int to) {
        if (after == 0) {
            return Cue.NONE;
        }
        Cue c = wordsAfter.nearestAfter(lower, end, to);
        return c.signal() != Signal.NONE && labelsAValue(lower, lower.indexOf(c.word(), end) + c.word().length())
                ? Cue.NONE : c;
    }

    /** "(klant 791092884, bsn 999999837)": a cue word after the candidate that labels the next value is not its. */
    private static boolean labelsAValue(String lower, int wordEnd) {
        int i = wordEnd;
        while (i < lower.length() && i - wordEnd < 4 && " :.#".indexOf(lower.charAt(i)) >= 0) {
            i++;
        }
        return i > wordEnd && i < lower.length() && Character.isDigit(lower.charAt(i));
    }

    private Cue cue(String lower, int start, int end, int lowest, int highest) {
        Cue before = nearestBefore(lower, start, end, Math.max(lowest, start - this.before), highest);
        if (before.signal() != Signal.NONE) {
            return before;
        }
        return cueAfter(lower, end, Math.min(highest, end + after));
    }

    /**
     * The cue before the candidate in [from, start), with what the words right around it say first: a bracket right
     * after it, a register's label right before it ("klant 791092884"), a compound …nummer nearer than the nearest cue
     * word; a cue word whose value came and went before the candidate ("geb 22/08/1996. ingeleverd …") is spent.
     */
    private Cue nearestBefore(String lower, int start, int end, int from, int highest) {
        Cue before = cueBefore(lower, start, from);
        Cue bracketed = inBracketsAfter(lower, end, highest);
        if (bracketed.signal() != Signal.NONE && !labelledRightBefore(lower, start, before)) {
            return bracketed;
        }
        Cue label = negativeLabelRightBefore(lower, start, from);
        if (label != null && !labelledRightBefore(lower, start, before) && !qualifiedBy(lower, start, before, label)) {
            return label;
        }
        Cue compound = compoundBefore(lower, start, from, before);
        if (compound != null) {
            return compound;
        }
        return spent(lower, start, before) ? Cue.NONE : before;
    }

    /**
     * "geb 22/08/1996. ingeleverd 30/11/2026": a value (two digits), then on the same line a {@code .} or {@code ;},
     * spaces and a word of three letters stand between the cue and the candidate (a loop: this runs per candidate).
     */
    private static boolean spent(String lower, int start, Cue before) {
        if (before.signal() == Signal.NONE) {
            return false;
        }
        int at = lower.lastIndexOf(before.word(), start - 1);
        if (at < 0) {
            return false;
        }
        boolean value = false;
        for (int i = at + before.word().length(); i < start; i++) {
            char c = lower.charAt(i);
            if (c == '\n') {
                value = false;
            } else if (!value) {
                value = Character.isDigit(c) && i + 1 < start && Character.isDigit(lower.charAt(i + 1));
            } else if ((c == '.' || c == ';') && i + 1 < start && lower.charAt(i + 1) == ' ') {
                int w = i + 1;
                while (w < start && lower.charAt(w) == ' ') {
                    w++;
                }
                int e = w;
                while (e < start && Character.isLetter(lower.charAt(e))) {
                    e++;
                }
                if (e - w >= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "BSN leerling 999900249", "bsn van de klant 123456782": a positive cue a few letters before the label owns it. */
    private static boolean qualifiedBy(String lower, int start, Cue before, Cue label) {
        if (before.signal() != Signal.POSITIVE) {
            return false;
        }
        int labelAt = lower.lastIndexOf(label.word(), start - 1);
        int cueAt = lower.lastIndexOf(before.word(), labelAt - 1);
        return labelAt >= 0 && cueAt >= 0 && labelAt - (cueAt + before.word().length()) <= 12;
    }

    /**
     * "klant 791092884", "behandelaar 34766O265", "debiteur: 468674652": a {@code [negative-keys]} word (a register's
     * key) right before the candidate labels it, as it does as a column header. Null when there is none.
     */
    private Cue negativeLabelRightBefore(String lower, int start, int from) {
        int e = start;
        while (e > from && " :#.".indexOf(lower.charAt(e - 1)) >= 0) {
            e--;
        }
        int s = e;
        while (s > from && (Character.isLetter(lower.charAt(s - 1)) || lower.charAt(s - 1) == '-')) {
            s--;
        }
        if (s == e || e == start) {
            return null;
        }
        if (e - s > longestNegativeKey) {
            return null;
        }
        String word = lower.substring(s, e);
        if ((word.equals("nr") || word.equals("nummer") || word.equals("no")) && s > from + 1) {
            return negativeLabelRightBefore(lower, s, from); // "klant nr 791092884"
        }
        return negativeKeySet.contains(word.indexOf('-') < 0 ? word : keyForm(word))
                ? new Cue(Signal.NEGATIVE, word, "before") : null;
    }

    /**
     * "503153217 (dat is een relatienummer)", "… (klantnr.)": a cue in brackets opened right after the candidate says
     * what the candidate is, nearer than any word before it — unless the brackets deny it ("(niet de bsn!)").
     */
    private Cue inBracketsAfter(String lower, int end, int highest) {
        if (after == 0) {
            return Cue.NONE;
        }
        int i = end;
        while (i < highest && lower.charAt(i) == ' ') {
            i++;
        }
        if (i >= highest || lower.charAt(i) != '(' || i - end > 1) {
            return Cue.NONE;
        }
        int close = lower.indexOf(')', i);
        int to = Math.min(highest, close < 0 ? i + 40 : Math.min(close, i + 40));
        if (negated(lower, i + 1, to)) {
            return Cue.NONE; // "(niet de bsn!)" says what it is not
        }
        Cue c = wordsAfter.nearestAfter(lower, i + 1, to);
        if (c.signal() != Signal.NONE) {
            return c;
        }
        String compound = compoundIn(lower, i + 1, to);
        return compound == null ? Cue.NONE : new Cue(Signal.NEGATIVE, "…" + compound, "after");
    }

    /** The {@code [negative-key-endings]} entry closing a compound word in [from, to) ("leerlingnummer"), else null. */
    private String compoundIn(String lower, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int e = i;
            while (e < to && (Character.isLetter(lower.charAt(e)) || lower.charAt(e) == '-' || lower.charAt(e) == '.')) {
                e++;
            }
            if (e > i) {
                String ending = compoundEndingOf(lower, i, e);
                if (ending != null) {
                    return ending;
                }
            }
            i = e;
        }
        return null;
    }

    /**
     * The negative key ending the compound word [s, e) closes with, unless the word opens with a positive cue
     * (compared in place: this runs for every word near a candidate).
     */
    private String compoundEndingOf(String lower, int s, int e) {
        for (String ending : negativeKeyEndings) {
            if (e - s > ending.length() + 2 && lower.startsWith(ending, e - ending.length())
                    && wordsBefore.startsPositive(lower.substring(s, e)) == null) {
                return ending;
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern NEGATION =
            java.util.regex.Pattern.compile("(?<![\\p{L}])(?:niet|geen|not|no|nicht|kein)(?![\\p{L}])");

    private static boolean negated(String lower, int from, int to) {
        return NEGATION.matcher(lower).region(from, to).find();
    }

    /** "BSN: 123456782 (niet het klantnummer)": a label right before the candidate still decides. */
    private static boolean labelledRightBefore(String lower, int start, Cue before) {
        if (before.signal() == Signal.NONE) {
            return false;
        }
        int i = start;
        while (i > 0 && (lower.charAt(i - 1) == ' ' || lower.charAt(i - 1) == ':' || lower.charAt(i - 1) == '.')) {
            i--;
        }
        return lower.startsWith(before.word(), i - before.word().length());
    }

    /**
     * "leerlingnummer 123456782", "huurdersnr 123456782": a compound word ending in a {@code [negative-key-endings]}
     * entry, nearer than the nearest cue word before the candidate, names some other register's number, as it does
     * in a key. A word that opens with a positive cue ("burgerservicenummer", "bsn-nummer") is that cue. Null when
     * there is none.
     */
    private Cue compoundBefore(String lower, int start, int from, Cue nearest) {
        if (negativeKeyEndings.isEmpty() || before == 0) {
            return null;
        }
        int limit = from;
        if (nearest.signal() != Signal.NONE) {
            int at = lower.lastIndexOf(nearest.word(), start - 1);
            limit = Math.max(from, at < 0 ? from : at + nearest.word().length());
        }
        int wordEnd = start;
        while (wordEnd > limit) {
            while (wordEnd > limit && !Character.isLetter(lower.charAt(wordEnd - 1)) && lower.charAt(wordEnd - 1) != '.') {
                wordEnd--;
            }
            int ws = wordEnd;
            while (ws > limit && (Character.isLetter(lower.charAt(ws - 1)) || lower.charAt(ws - 1) == '.'
                    || lower.charAt(ws - 1) == '-')) {
                ws--;
            }
            if (ws == wordEnd) {
                return null;
            }
            if (ws == limit && limit > from) {
                return null; // the nearest cue word's own letters
            }
            String ending = compoundEndingOf(lower, ws, wordEnd);
            if (ending != null) {
                return new Cue(Signal.NEGATIVE, "…" + ending, "before");
            }
            wordEnd = ws;
        }
        return null;
    }

    /**
     * The cue words of one side, positive ones first, each list in file order, indexed by first character so that a
     * window is read once instead of once per word. The nearest word at a word start inside the window wins; on a
     * tie the earlier word (so a positive one before a negative one).
     */
    private static final class CueWords {

        private final String[] words;
        /** Cue words of three letters or fewer ("bel", "geb", "tel") count as whole words only: not in "belastingen". */
        private final boolean[] whole;
        private final int positives;
        private final WordsByFirstChar byFirst;

        CueWords(List<String> positive, List<String> negative) {
            List<String> all = new java.util.ArrayList<>(positive);
            all.addAll(negative);
            this.words = all.toArray(String[]::new);
            this.positives = positive.size();
            this.whole = new boolean[words.length];
            for (int w = 0; w < words.length; w++) {
                whole[w] = words[w].length() <= 3 && Character.isLetter(words[w].charAt(words[w].length() - 1));
            }
            this.byFirst = new WordsByFirstChar(words);
        }

        /** The positive cue word that {@code word} opens with ("bsn-nummer" opens with "bsn"), else null. */
        String startsPositive(String word) {
            int[] candidates = startingWith(word.charAt(0));
            if (candidates != null) {
                for (int w : candidates) {
                    if (w < positives && word.startsWith(words[w])) {
                        return words[w];
                    }
                }
            }
            return null;
        }

        private int[] startingWith(char c) {
            return byFirst.startingWith(c);
        }

        /** The word ending closest before {@code start}, starting at or after {@code from}. */
        Cue nearestBefore(String lower, int from, int start) {
            int bestDistance = Integer.MAX_VALUE;
            int best = -1;
            for (int idx = start - 1; idx >= from; idx--) {
                int[] candidates = startingWith(lower.charAt(idx));
                if (candidates == null || !isWordStart(lower, idx)) {
                    continue;
                }
                for (int w : candidates) {
                    int wordEnd = idx + words[w].length();
                    if (wordEnd <= start && start - wordEnd <= bestDistance && lower.startsWith(words[w], idx)
                            && endsWord(lower, w, wordEnd)) {
                        int d = start - wordEnd;
                        if (d < bestDistance || w < best) {
                            bestDistance = d;
                            best = w;
                        }
                    }
                }
            }
            return cue(best, "before");
        }

        /** The word starting closest after {@code end}, ending at or before {@code to}. */
        Cue nearestAfter(String lower, int end, int to) {
            for (int idx = end; idx < to; idx++) {
                int[] candidates = startingWith(lower.charAt(idx));
                if (candidates == null || !isWordStart(lower, idx)) {
                    continue;
                }
                for (int w : candidates) { // ascending: the first that fits is the earliest word
                    if (idx + words[w].length() <= to && lower.startsWith(words[w], idx)
                            && endsWord(lower, w, idx + words[w].length())) {
                        return cue(w, "after");
                    }
                }
            }
            return Cue.NONE;
        }

        private boolean endsWord(String lower, int w, int end) {
            return !whole[w] || end == lower.length() || !Character.isLetter(lower.charAt(end));
        }

        private Cue cue(int w, String side) {
            return w < 0 ? Cue.NONE : new Cue(w < positives ? Signal.POSITIVE : Signal.NEGATIVE, words[w], side);
        }
    }

    /** Whether any positive cue word occurs anywhere in the text (a cheap gate before pattern matching). */
    public boolean mentionedAnywhere(AnalysedText text) {
        for (String w : positiveBefore) {
            if (text.mayContain(w) && text.lower().contains(w)) {
                return true;
            }
        }
        for (String w : positiveAfter) {
            if (text.mayContain(w) && text.lower().contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #mentionedAnywhere(AnalysedText)}, for a text in lower case. */
    public boolean mentionedAnywhere(String lower) {
        for (String w : positiveBefore) {
            if (lower.contains(w)) {
                return true;
            }
        }
        for (String w : positiveAfter) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordStart(String s, int idx) {
        return idx == 0 || !Character.isLetterOrDigit(s.charAt(idx - 1));
    }

    /** For the generated documentation: counts and the first words of each list. */
    String describe() {
        StringBuilder b = new StringBuilder();
        describe(b, "positive", positiveBefore, positiveAfter);
        describe(b, "negative", negativeBefore, negativeAfter);
        if (!negativeKeyEndings.isEmpty()) {
            b.append("; negative key endings: `").append(String.join("`, `", negativeKeyEndings)).append('`');
        }
        b.append(" — within ").append(before).append(" characters before");
        if (after > 0) {
            b.append(" (else ").append(after).append(" after)");
        }
        b.append(", list `").append(source.replace("/pii/", "pii/")).append('`');
        return b.toString();
    }

    private static void describe(StringBuilder b, String label, List<String> beforeWords, List<String> afterWords) {
        List<String> words = beforeWords.isEmpty() ? afterWords : beforeWords;
        if (words.isEmpty()) {
            return;
        }
        if (!b.isEmpty()) {
            b.append("; ");
        }
        b.append(label).append(" (").append(words.size()).append("): ");
        int shown = Math.min(6, words.size());
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "`" : ", `").append(words.get(i)).append('`');
        }
        if (shown < words.size()) {
            b.append(" …");
        }
    }
}
