package nl.dijkwacht.purpose;

import java.util.Arrays;
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

    private final String[] keys;
    /** Slot {@code s}: the key's hash at {@code 2s}, its number at {@code 2s + 1} ({@link #EMPTY} when free). */
    private final int[] entries;
    private final int mask;

    /** @param numbers words and their numbers, each at least 0 */
    WordNumbers(Map<String, Integer> numbers) {
        int capacity = Integer.highestOneBit(Math.max(2, numbers.size() * 2 - 1)) << 1;
        this.keys = new String[capacity];
        this.entries = new int[capacity * 2];
        this.mask = capacity - 1;
        Arrays.fill(entries, EMPTY);
        numbers.forEach((word, number) -> {
            if (number < 0) {
                throw new IllegalArgumentException("negative number for a word");
            }
            int h = word.hashCode();
            int slot = spread(h) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            entries[2 * slot] = h;
            entries[2 * slot + 1] = number;
        });
    }

    /** The word's number, −1 when it has none. */
    int number(String word) {
        int h = word.hashCode();
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            int number = entries[2 * slot + 1];
            if (number == EMPTY) {
                return -1;
            }
            if (entries[2 * slot] == h && word.equals(keys[slot])) {
                return number;
            }
        }
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
            int number = entries[2 * slot + 1];
            if (number == EMPTY) {
                return -1;
            }
            if (entries[2 * slot] == h && keys[slot].length() == length && keys[slot].regionMatches(0, text, from, length)) {
                return number;
            }
        }
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
            int number = entries[2 * slot + 1];
            if (number == EMPTY) {
                return -1;
            }
            if (entries[2 * slot] == h && isPrefixToken(keys[slot], text, from)) {
                return number;
            }
        }
    }

    private static boolean isPrefixToken(String key, String text, int from) {
        return key.length() == PREFIX.length() + PREFIX_LETTERS && key.startsWith(PREFIX)
                && key.regionMatches(PREFIX.length(), text, from, PREFIX_LETTERS);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
