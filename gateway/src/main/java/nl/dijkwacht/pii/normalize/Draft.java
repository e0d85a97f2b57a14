package nl.dijkwacht.pii.normalize;

import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * The normal form {@link TextNormalizer} builds, with for each character its range in the original: a pass's
 * {@link Edit}s applied in place, and what moved edits and other readings put at the text's end.
 */
final class Draft {

    private final StringBuilder text;
    private int[] from;
    private int[] to;
    private final String unchanged; // non-null while nothing changed
    private String current; // text as a String, kept until the next add

    private Draft(String unchanged, StringBuilder text, int[] from, int[] to) {
        this.unchanged = unchanged;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static Draft unchanged(String s) {
        return new Draft(s, null, null, null);
    }

    /** A draft holding the first {@code upTo} characters of {@code s} unchanged. */
    static Draft copyOf(String s, int upTo, int capacity) {
        Draft d = new Draft(null, new StringBuilder(capacity), new int[capacity], new int[capacity]);
        for (int i = 0; i < upTo; i++) {
            d.add(s.charAt(i), i, i + 1);
        }
        return d;
    }

    String text() {
        if (unchanged != null) {
            return unchanged;
        }
        if (current == null) {
            current = text.toString();
        }
        return current;
    }

    void add(char c, int origFrom, int origTo) {
        current = null;
        ensure(text.length() + 1);
        from[text.length()] = origFrom;
        to[text.length()] = origTo;
        text.append(c);
    }

    void add(String s, int origFrom, int origTo) {
        for (int k = 0; k < s.length(); k++) {
            add(s.charAt(k), origFrom, origTo);
        }
    }

    /** Start in the original of the letter just written (a base for combining marks), or -1. */
    int lastLetterFrom() {
        int last = text.length() - 1;
        return last >= 0 && Character.isLetter(text.charAt(last)) ? from[last] : -1;
    }

    void removeLast() {
        current = null;
        int origin = from[text.length() - 1];
        while (text.length() > 0 && from[text.length() - 1] == origin) {
            text.setLength(text.length() - 1);
        }
    }

    private void ensure(int size) {
        if (size > from.length) {
            int grown = Math.max(size, from.length * 2);
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
        }
    }

    Draft apply(List<Edit> edits) {
        if (edits.isEmpty()) {
            return this;
        }
        String current = text();
        Draft next = new Draft(null, new StringBuilder(current.length()), new int[current.length() + 8],
                new int[current.length() + 8]);
        int cursor = 0;
        boolean moves = false;
        for (Edit e : edits) {
            moves |= e.atEnd();
            if (e.text() == null || e.readingOnly()) {
                continue; // a copy or a piece of another reading: nothing replaced in place
            }
            for (int k = cursor; k < e.start(); k++) {
                next.add(current.charAt(k), originFrom(k), originTo(k));
            }
            next.add(e.text(), originFrom(e.start()), originTo(e.end() - 1));
            cursor = e.end();
        }
        for (int k = cursor; k < current.length(); k++) {
            next.add(current.charAt(k), originFrom(k), originTo(k));
        }
        if (moves) {
            for (Edit e : edits) {
                if (!e.atEnd()) {
                    continue;
                }
                if (e.opensEndLine()) {
                    next.add('\n', originFrom(e.start()), originTo(e.start()));
                }
                if (e.readingOnly() && e.text() != null) {
                    next.add(e.text(), originFrom(e.start()), originTo(e.end() - 1));
                } else {
                    for (int k = e.start(); k < e.end(); k++) {
                        next.add(current.charAt(k), originFrom(k), originTo(k));
                    }
                }
            }
        }
        return next;
    }

    private int originFrom(int k) {
        return unchanged != null ? k : from[k];
    }

    private int originTo(int k) {
        return unchanged != null ? k + 1 : to[k];
    }

    NormalizedText finish(String original) {
        if (unchanged != null) {
            return NormalizedText.identity(original);
        }
        int n = text.length();
        return NormalizedText.mapped(original, text(), Arrays.copyOf(from, n),
                Arrays.copyOf(to, n));
    }
}
