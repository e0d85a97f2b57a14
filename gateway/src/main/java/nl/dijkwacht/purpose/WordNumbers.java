package nl.dijkwacht.purpose;

import java.util.Map;

/**
 * Words with a number each, looked up once per word of every message — the classifier's token numbers
 * ({@link IndexedCategorizer}), the word lists a cue word is on ({@link PurposeCues}): open addressing with each key's
 * hash beside its number, so a slot whose hash differs is passed without comparing strings, and a word can be looked up
 * where it stands in the text, without copying it out (issue 15: the immutable maps this replaces compared a string at
 * every probe and needed a substring per word). A word's five-letter prefix token ({@code p:} and its first five
 * characters) is looked up from the word itself, without making the token. Immutable and thread-safe.
 */
final class WordNumbers {

    private static final String PREFIX = "p:";
    private static final int PREFIX_LETTERS = 5;
    /** {@code PREFIX.hashCode()}: a prefix token's hash goes on from it as {@link String#hashCode} does. */
    private static final int PREFIX_HASH = PREFIX.hashCode();
    private static final int EMPTY = -1;
    /** {@link #inline} of {@code "p:"} with the length of a prefix token: its five letters go above. */
    private static final long PREFIX_INLINE = (long) (PREFIX.length() + PREFIX_LETTERS) << 56 | ':' << 8 | 'p';

    /** Keys of up to this many characters, each at most {@code 0xFF}, are held in their slot ({@link #inline}). */
    static final int INLINE_CHARS = 7;
    /** A slot's key held as a {@link String} in {@link #keys}: longer, or with a character above {@code 0xFF}. */
    private static final long NOT_INLINE = -1L;

    /** The keys not held in their slot; null where the slot holds its key. */
    private final String[] keys;
    /**
     * Slot {@code s}: at {@code 2s} the key's hash (high half) and its number (low half, {@link #EMPTY} when free); at
     * {@code 2s + 1} the key itself when it is short ({@link #inline}), else {@link #NOT_INLINE}. So a probe of a known
     * short word (up to 7 letters) or of a prefix token reads one slot of 16 bytes and no key string (issue 15, guard23:
     * in the gateway the key strings are not in the core's caches between requests, and comparing with them was a fifth
     * of the guard's samples).
     */
    private final long[] slots;
    private final int mask;

    /** @param numbers words and their numbers, each at least 0 */
    WordNumbers(Map<String, Integer> numbers) {
        int capacity = Integer.highestOneBit(Math.max(2, numbers.size() * 2 - 1)) << 1;
        this.keys = new String[capacity];
        this.slots = new long[capacity * 2];
        this.mask = capacity - 1;
        for (int s = 0; s < capacity; s++) {
            slots[2 * s] = EMPTY & 0xFFFF_FFFFL;
        }
        numbers.forEach((word, number) -> {
            if (number < 0) {
                throw new IllegalArgumentException("negative number for a word");
            }
            int h = word.hashCode();
            int slot = spread(h) & mask;
            while (number(slot) != EMPTY) {
                slot = (slot + 1) & mask;
            }
            long inline = inline(word, 0, word.length());
            keys[slot] = inline == NOT_INLINE ? word : null;
            slots[2 * slot] = (long) h << 32 | number;
            slots[2 * slot + 1] = inline;
        });
    }

    /**
     * {@code text[from, to)} as one number when it has at most {@link #INLINE_CHARS} characters, each at most
     * {@code 0xFF}: the characters a byte each from the low end, the length in the top byte (so "a" and "a\0" differ);
     * else {@link #NOT_INLINE}, which no such number equals (its top byte is {@code 0xFF}).
     */
    static long inline(String text, int from, int to) {
        int length = to - from;
        if (length > INLINE_CHARS) {
            return NOT_INLINE;
        }
        long packed = (long) length << 56;
        for (int k = 0; k < length; k++) {
            char c = text.charAt(from + k);
            if (c > 0xFF) {
                return NOT_INLINE;
            }
            packed |= (long) c << (8 * k);
        }
        return packed;
    }

    private int number(int slot) {
        return (int) slots[2 * slot];
    }

    private int hash(int slot) {
        return (int) (slots[2 * slot] >>> 32);
    }

    /** The word's number, −1 when it has none. */
    int number(String word) {
        return number(word.hashCode(), word, 0, word.length());
    }

    /** The number of the word {@code text.substring(from, to)}, −1 when it has none. */
    int number(String text, int from, int to) {
        return number(hash(text, from, to), text, from, to);
    }

    /** {@code text.substring(from, to).hashCode()}, without the substring: one hash for several tables' lookups. */
    static int hash(String text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + text.charAt(k);
        }
        return h;
    }

    /** {@link #number(String, int, int)} with the word's {@link #hash} at hand. */
    int number(int h, String text, int from, int to) {
        int length = to - from;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int number = number(slot);
            if (number == EMPTY) {
                return -1;
            }
            if (hash(slot) == h && isKey(slot, text, from, length)) {
                return number;
            }
        }
    }

    private boolean isKey(int slot, String text, int from, int length) {
        long inline = slots[2 * slot + 1];
        if (inline != NOT_INLINE) {
            return inline == inline(text, from, from + length);
        }
        String key = keys[slot];
        return key.length() == length && key.regionMatches(0, text, from, length);
    }

    /** The number of the token {@code "p:" + word.substring(0, 5)} (−1 when unknown); {@code word} has more than five characters. */
    int prefixNumber(String word) {
        return prefixNumber(word, 0);
    }

    /** The number of the token {@code "p:" + text.substring(from, from + 5)} (−1 when unknown). */
    int prefixNumber(String text, int from) {
        int h = PREFIX_HASH;
        for (int k = from; k < from + PREFIX_LETTERS; k++) {
            h = 31 * h + text.charAt(k);
        }
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int number = number(slot);
            if (number == EMPTY) {
                return -1;
            }
            if (hash(slot) == h && isPrefixToken(slot, text, from)) {
                return number;
            }
        }
    }

    private boolean isPrefixToken(int slot, String text, int from) {
        long inline = slots[2 * slot + 1];
        if (inline != NOT_INLINE) {
            return inline == prefixInline(text, from);
        }
        String key = keys[slot];
        return key.length() == PREFIX.length() + PREFIX_LETTERS && key.startsWith(PREFIX)
                && key.regionMatches(PREFIX.length(), text, from, PREFIX_LETTERS);
    }

    /** {@link #inline} of the token {@code "p:" + text.substring(from, from + 5)}, without making it. */
    private static long prefixInline(String text, int from) {
        long packed = PREFIX_INLINE;
        for (int k = 0; k < PREFIX_LETTERS; k++) {
            char c = text.charAt(from + k);
            if (c > 0xFF) {
                return NOT_INLINE;
            }
            packed |= (long) c << (8 * (PREFIX.length() + k));
        }
        return packed;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
