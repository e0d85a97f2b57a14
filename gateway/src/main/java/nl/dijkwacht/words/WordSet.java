package nl.dijkwacht.words;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of words, compact and quick to ask: the rules ask a word list at nearly every token, and the name
 * gazetteers hold some 47,000 entries. All words are kept in one {@code char[]}; an open-addressing table (a power
 * of two, at most half full) holds per slot the word's index together with high bits of its hash, so that a probe
 * compares characters only when those bits agree. {@code Set.copyOf} keeps a {@code String} object per word and
 * compares with {@code equals} at every probe, after a division to find the slot. Same answers as any other
 * {@code Set<String>} holding the same words.
 */
public final class WordSet extends AbstractSet<String> {

    private final char[] chars;
    private final int[] offsets; // word i is chars[offsets[i], offsets[i + 1])
    private final int size;
    private final int[] slots; // 0: empty; else hash bits above indexMask | (word index + 1)
    private final int indexMask;
    private final int indexBits;
    private final int slotMask;
    private final int slotShift;
    // What every word has, asked before the table (pii23): the name rules ask small lists ("ik", "mijn", "my", "i",
    // "wij") about nearly every token, and a token of the wrong length or first letter is answered without the slots
    private final int shortest;
    private final int longest;
    private final long firstCharsBelow64; // bit c: a word opens with char c < 64
    private final long firstChars64To127; // bit c - 64
    private final boolean firstCharBeyondAscii;

    private WordSet(Collection<String> words) {
        int n = words.size();
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.slotMask = capacity - 1;
        this.slotShift = Integer.numberOfLeadingZeros(capacity) + 1;
        this.indexBits = 32 - Integer.numberOfLeadingZeros(n + 1);
        this.indexMask = (1 << indexBits) - 1;
        int totalChars = 0;
        for (String w : words) {
            totalChars += w.length();
        }
        char[] all = new char[totalChars];
        int[] starts = new int[n + 1];
        int count = 0;
        int used = 0;
        for (String w : words) {
            int h = w.hashCode();
            int slot = slot(h);
            boolean present = false;
            for (int v = slots[slot]; v != 0; slot = (slot + 1) & slotMask, v = slots[slot]) {
                if (sameHashBits(v, h) && equalsAt(all, starts, (v & indexMask) - 1, w)) {
                    present = true;
                    break;
                }
            }
            if (present) {
                continue;
            }
            w.getChars(0, w.length(), all, used);
            starts[count] = used;
            used += w.length();
            starts[count + 1] = used;
            slots[slot] = hashBits(h) | (count + 1);
            count++;
        }
        this.size = count;
        this.chars = count == n ? all : Arrays.copyOf(all, used);
        this.offsets = count == n ? starts : Arrays.copyOf(starts, count + 1);
        int min = Integer.MAX_VALUE;
        int max = 0;
        long below64 = 0;
        long upTo127 = 0;
        boolean beyond = false;
        for (int i = 0; i < count; i++) {
            int len = offsets[i + 1] - offsets[i];
            min = Math.min(min, len);
            max = Math.max(max, len);
            if (len > 0) {
                char c = chars[offsets[i]];
                if (c < 64) {
                    below64 |= 1L << c;
                } else if (c < 128) {
                    upTo127 |= 1L << (c - 64);
                } else {
                    beyond = true;
                }
            }
        }
        this.shortest = min;
        this.longest = max;
        this.firstCharsBelow64 = below64;
        this.firstChars64To127 = upTo127;
        this.firstCharBeyondAscii = beyond;
    }

    /** False when no word of the set has {@code w}'s length or first char. */
    private boolean mayHold(String w) {
        int len = w.length();
        if (len < shortest || len > longest) {
            return false;
        }
        if (len == 0) {
            return true;
        }
        char c = w.charAt(0);
        return c < 64 ? (firstCharsBelow64 >>> c & 1) != 0
                : c < 128 ? (firstChars64To127 >>> (c - 64) & 1) != 0 : firstCharBeyondAscii;
    }

    /** The distinct words of {@code words}. */
    public static WordSet of(Collection<String> words) {
        return new WordSet(words);
    }

    private int slot(int h) {
        return h * 0x9E3779B9 >>> slotShift; // the product's high bits: Fibonacci hashing
    }

    private int hashBits(int h) {
        return (h ^ (h >>> 16)) << indexBits;
    }

    private boolean sameHashBits(int v, int h) {
        return (v & ~indexMask) == hashBits(h);
    }

    private static boolean equalsAt(char[] chars, int[] offsets, int i, String w) {
        int from = offsets[i];
        int len = offsets[i + 1] - from;
        if (len != w.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (chars[from + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text[from, to)} in lower case is in the set, without making a string of it (name filters look
     * up every word around every name found).
     */
    public boolean containsLowerCase(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + Letters.lower(text.charAt(k));
        }
        return containsLowerCase(text, from, to, h);
    }

    /**
     * {@link #containsLowerCase(String, int, int)} with the hash already known: {@code lowerHash} is
     * {@link String#hashCode} of the characters {@code Character.toLowerCase(text.charAt(k))}, {@code from <= k < to}
     * (the name rules' tokens work it out once and ask several lists).
     */
    public boolean containsLowerCase(String text, int from, int to, int lowerHash) {
        int len = to - from;
        if (len < shortest || len > longest) {
            return false;
        }
        if (len > 0) {
            char c = Letters.lower(text.charAt(from));
            boolean firstCharOfAWord = c < 64 ? (firstCharsBelow64 >>> c & 1) != 0
                    : c < 128 ? (firstChars64To127 >>> (c - 64) & 1) != 0 : firstCharBeyondAscii;
            if (!firstCharOfAWord) {
                return false;
            }
        }
        int bits = hashBits(lowerHash);
        for (int slot = slot(lowerHash), v = slots[slot]; v != 0; slot = (slot + 1) & slotMask, v = slots[slot]) {
            if ((v & ~indexMask) == bits) {
                int i = (v & indexMask) - 1;
                int at = offsets[i];
                if (offsets[i + 1] - at == len) {
                    int k = 0;
                    while (k < len && chars[at + k] == Letters.lower(text.charAt(from + k))) {
                        k++;
                    }
                    if (k == len) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof String w) || !mayHold(w)) {
            return false;
        }
        int h = w.hashCode();
        int bits = hashBits(h);
        for (int slot = slot(h), v = slots[slot]; v != 0; slot = (slot + 1) & slotMask, v = slots[slot]) {
            if ((v & ~indexMask) == bits && equalsAt(chars, offsets, (v & indexMask) - 1, w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public String next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int from = offsets[next];
                next++;
                return new String(chars, from, offsets[next] - from);
            }
        };
    }
}
