package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.dijkwacht.pii.detect.ContextEnhancer.Cue;
import nl.dijkwacht.pii.detect.ContextEnhancer.Signal;

/**
 * The key side of {@link ContextEnhancer}: what the column header, JSON key or line label of the field a candidate
 * is in says about it. A positive key word first, then a negative one, then a compound word closing with a
 * {@code [negative-key-endings]} entry ({@code clientnr}: some other register's number). Keys are compared in key
 * form ({@code bsn-nummer} → {@code bsn nummer}).
 */
final class KeyContext {

    private final List<String> positiveKeys;
    private final List<String> negativeKeys;
    private final Set<String> negativeKeySet;
    private final int longestNegativeKey;
    private final KeyWords positiveKeyWords;
    private final KeyWords negativeKeyWords;
    private final List<String> negativeKeyEndings;

    KeyContext(List<String> positiveKeys, List<String> negativeKeys, List<String> negativeKeyEndings) {
        this.negativeKeyEndings = List.copyOf(negativeKeyEndings);
        // in the form keys are compared in ("bsn-nummer" → "bsn nummer"), once
        this.positiveKeys = positiveKeys.stream().map(KeyContext::keyForm).toList();
        this.negativeKeys = negativeKeys.stream().map(KeyContext::keyForm).toList();
        this.negativeKeySet = Set.copyOf(this.negativeKeys);
        this.longestNegativeKey = this.negativeKeys.stream().mapToInt(String::length).max().orElse(0);
        this.positiveKeyWords = new KeyWords(this.positiveKeys);
        this.negativeKeyWords = new KeyWords(this.negativeKeys);
    }

    /** The keys of both, this one's first. */
    KeyContext plus(KeyContext other) {
        List<String> pos = new ArrayList<>(positiveKeys);
        pos.addAll(other.positiveKeys);
        List<String> neg = new ArrayList<>(negativeKeys);
        neg.addAll(other.negativeKeys);
        List<String> endings = new ArrayList<>(negativeKeyEndings);
        endings.addAll(other.negativeKeyEndings);
        return new KeyContext(pos, neg, endings);
    }

    List<String> negativeKeyEndings() {
        return negativeKeyEndings;
    }

    /** The length of the longest negative key: a longer word is none. */
    int longestNegativeKey() {
        return longestNegativeKey;
    }

    /** Whether {@code word} (lower case, as written in the text) is a negative key: a register's label. */
    boolean isNegativeKey(String word) {
        return negativeKeySet.contains(word.indexOf('-') < 0 ? word : keyForm(word));
    }

    /** The signal of a field's key alone: its own key first, then (JSON) the enclosing keys. */
    Cue keyCue(TextStructure.Field field) {
        Cue own = match(field.key(), field.kind());
        if (own.signal() != Signal.NONE || field.path().equals(field.key())) {
            return own;
        }
        return match(field.path(), field.kind());
    }

    /** The signal of a column header found by {@link SpacedColumns} (not yet in key form). */
    Cue headerCue(String header) {
        return match(keyForm(header), TextStructure.Kind.TABLE);
    }

    private Cue match(String key, TextStructure.Kind kind) {
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
    static String keyForm(String w) {
        return w.replace('-', ' ').replace('_', ' ').strip();
    }

    /** {@code word} occurs in {@code key} at the start of a word of it, as {@link KeyWords} reads keys. */
    static boolean containsWord(String key, String word) {
        return new KeyWords(List.of(word)).anyIn(key);
    }
}
