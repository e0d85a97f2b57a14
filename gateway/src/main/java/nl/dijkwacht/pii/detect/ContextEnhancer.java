package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.words.WordList;

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
    private final KeyContext keys;
    private final WordContext words;
    private final int before;
    private final int after;
    private final String source;

    private ContextEnhancer(String source, List<String> positiveBefore, List<String> negativeBefore,
            List<String> positiveAfter, List<String> negativeAfter, KeyContext keys, int before, int after) {
        this.source = source;
        this.keys = keys;
        this.positiveBefore = List.copyOf(positiveBefore);
        this.negativeBefore = List.copyOf(negativeBefore);
        this.positiveAfter = List.copyOf(positiveAfter);
        this.negativeAfter = List.copyOf(negativeAfter);
        this.words = new WordContext(new CueWords(positiveBefore, negativeBefore),
                new CueWords(positiveAfter, negativeAfter), keys, before, after);
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
        List<String> posKeys = new ArrayList<>(pos);
        posKeys.addAll(s.getOrDefault("positive-keys", List.of()));
        List<String> negKeys = new ArrayList<>(neg);
        negKeys.addAll(s.getOrDefault("negative-keys", List.of()));
        KeyContext keys = new KeyContext(posKeys, negKeys, s.getOrDefault("negative-key-endings", List.of()));
        return new ContextEnhancer(resource, pos, neg, pos, neg, keys, before, after);
    }

    /** One list for the words before the candidate and another for the words after it. */
    public static ContextEnhancer of(String beforeResource, int before, String afterResource, int after) {
        ContextEnhancer b = of(beforeResource, before, 0);
        ContextEnhancer a = of(afterResource, 0, after);
        return new ContextEnhancer(beforeResource + " + " + afterResource, b.positiveBefore, b.negativeBefore,
                a.positiveAfter, a.negativeAfter, b.keys.plus(a.keys), before, after);
    }

    /** {@code lower} must be the analysed text in lower case (same length as the original). */
    public Signal signal(String lower, int start, int end) {
        return cue(lower, start, end).signal();
    }

    /** As {@link #signal}, but only words on the candidate's own line count (a table row is one record). */
    public Signal signalOnLine(String lower, int start, int end) {
        int from = lower.lastIndexOf('\n', start - 1) + 1;
        int to = lower.indexOf('\n', end);
        return words.cue(lower, start, end, from, to < 0 ? lower.length() : to).signal();
    }

    /** As {@link #signal}, but only words in {@code [from, to)} count (a JSON object is one record). */
    public Signal signalWithin(String lower, int start, int end, int from, int to) {
        return words.cue(lower, start, end, from, to).signal();
    }

    /** The nearest cue before {@code start} only (the title above a table). */
    public Signal signalBefore(String lower, int start) {
        return words.cueBefore(lower, start, Math.max(0, start - before)).signal();
    }

    /** The nearest cue before the candidate, else the nearest after it (running text only). */
    public Cue cue(String lower, int start, int end) {
        return words.cue(lower, start, end, 0, lower.length());
    }

    /** The cue for a candidate, with the key of the table cell, JSON value or labelled line it is in. */
    public Cue cue(String lower, int start, int end, TextStructure structure) {
        return cue(lower, start, end, structure, new SpacedColumns(lower));
    }

    /** As {@link #cue(String, int, int, TextStructure)}, the text's columns read once for all its candidates. */
    Cue cue(String lower, int start, int end, TextStructure structure, SpacedColumns columns) {
        TextStructure.Field field = structure == null || structure.isEmpty() ? null : structure.fieldAt(start, end);
        if (field == null) {
            String header = columns.headerOf(start, end);
            Cue column = header == null ? Cue.NONE : keys.headerCue(header);
            return column.signal() != Signal.NONE ? column : cue(lower, start, end);
        }
        Cue inValue = words.nearestBefore(lower, start, end, Math.max(field.start(), start - before), field.end());
        if (inValue.signal() != Signal.NONE) {
            return inValue;
        }
        Cue key = keys.keyCue(field);
        if (key.signal() != Signal.NONE) {
            return key;
        }
        if (field.kind() == TextStructure.Kind.LINE) {
            return cue(lower, start, end);
        }
        if (field.kind() == TextStructure.Kind.TABLE) {
            Cue typeCell = typeCellBefore(lower, field, structure);
            if (typeCell.signal() != Signal.NONE) {
                return typeCell;
            }
        }
        return words.cueAfter(lower, end, Math.min(field.end(), end + after));
    }

    /** The longest cell read as naming the type of the value after it ("id-kaart RO"). */
    private static final int TYPE_CELL = 24;

    /**
     * "| paspoort | NP4HD7J21 |" under the headers "document | nummer": a row whose cell right before the value's
     * opens with a cue word names what the value is, as a label would (pii50: held-out-16's document table, whose
     * numbers had no cue in their own cell or header).
     */
    private Cue typeCellBefore(String lower, TextStructure.Field field, TextStructure structure) {
        int p = field.start() - 1;
        while (p >= 0 && "\t,;| \"".indexOf(lower.charAt(p)) >= 0) {
            p--;
        }
        if (p < 0 || lower.charAt(p) == '\n') {
            return Cue.NONE;
        }
        TextStructure.Field previous = structure.fieldAt(p, p + 1);
        if (previous == null || previous.kind() != TextStructure.Kind.TABLE || previous.end() - previous.start() > TYPE_CELL) {
            return Cue.NONE;
        }
        Cue c = words.cueBefore(lower, previous.end(), previous.start());
        return c.signal() != Signal.NONE && lower.startsWith(c.word(), previous.start())
                ? new Cue(c.signal(), c.word(), "type cell before") : Cue.NONE;
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

    /** For the generated documentation: counts and the first words of each list. */
    String describe() {
        StringBuilder b = new StringBuilder();
        describe(b, "positive", positiveBefore, positiveAfter);
        describe(b, "negative", negativeBefore, negativeAfter);
        if (!keys.negativeKeyEndings().isEmpty()) {
            b.append("; negative key endings: `").append(String.join("`, `", keys.negativeKeyEndings())).append('`');
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
