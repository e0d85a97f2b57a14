package nl.dijkwacht.words;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which of many sets of literal strings occur in a text — set {@code g} is found when {@code text.contains(s)} for one
 * of its strings {@code s} — in one pass over the text: an Aho–Corasick automaton, made a full table of transitions
 * over the characters the strings use (every other character leads back to the start), so each character of the text
 * costs one table step. Same answers as a {@code contains} per string; compares characters exactly (fold the text and
 * the strings alike first). Immutable and thread-safe.
 */
public final class LiteralsInText {

    private static final int ASCII = 128;
    private static final int NONE = -1;

    /** Character class per ASCII character; 0: a character no string holds. */
    private final int[] asciiClass = new int[ASCII];
    /** The other characters the strings hold, sorted, and their classes. */
    private final char[] otherChars;
    private final int[] otherClasses;
    private final int classes;
    /**
     * {@code next[state * classes + class]}: the state after reading a character of that class, as its row
     * ({@code state * classes}), or {@code ~row} when that state completes a set (state 0, row 0: the start); null when
     * the table fits in {@link #compactNext}.
     */
    private final int[] next;
    /**
     * The same table in 16 bits when every row fits in a {@code short} (the default pack's: 882 states × 28 classes,
     * 48 KB instead of 96): the walk reads one entry per character from rows spread over the table, and in the gateway
     * the table is not in the core's caches between requests, so half the bytes are fewer lines read (issue 15,
     * guard23). Null when the table is larger.
     */
    private final short[] compactNext;
    /** Per state, the index in {@link #found} of the sets it completes (itself or a suffix of it ends a string), or −1. */
    private final int[] foundAt;
    private final long[][] found;
    private final int sets;
    /** The sets holding the empty string: found in every text. */
    private final long[] always;

    private LiteralsInText(List<? extends Collection<String>> literalSets) {
        this.sets = literalSets.size();
        int words = Math.max(1, (sets + Long.SIZE - 1) / Long.SIZE);
        TreeSet<Character> chars = new TreeSet<>();
        for (Collection<String> set : literalSets) {
            for (String s : set) {
                for (int i = 0; i < s.length(); i++) {
                    chars.add(s.charAt(i));
                }
            }
        }
        Map<Character, Integer> classOf = new HashMap<>();
        for (char c : chars) {
            classOf.put(c, classOf.size() + 1);
        }
        this.classes = classOf.size() + 1;
        List<Character> others = chars.stream().filter(c -> c >= ASCII).toList();
        this.otherChars = new char[others.size()];
        this.otherClasses = new int[others.size()];
        for (int k = 0; k < others.size(); k++) {
            otherChars[k] = others.get(k);
            otherClasses[k] = classOf.get(others.get(k));
        }
        classOf.forEach((c, cls) -> {
            if (c < ASCII) {
                asciiClass[c] = cls;
            }
        });

        // the trie: goto per state and class (NONE where absent), the sets ending at a state
        List<int[]> trie = new ArrayList<>();
        List<long[]> ends = new ArrayList<>();
        trie.add(newRow());
        ends.add(new long[words]);
        this.always = new long[words];
        for (int g = 0; g < sets; g++) {
            for (String s : literalSets.get(g)) {
                if (s.isEmpty()) {
                    always[g >>> 6] |= 1L << g;
                    continue;
                }
                int state = 0;
                for (int i = 0; i < s.length(); i++) {
                    int cls = classOf.get(s.charAt(i));
                    if (trie.get(state)[cls] == NONE) {
                        trie.get(state)[cls] = trie.size();
                        trie.add(newRow());
                        ends.add(new long[words]);
                    }
                    state = trie.get(state)[cls];
                }
                ends.get(state)[g >>> 6] |= 1L << g;
            }
        }

        // breadth first: each state's fallback (the longest proper suffix that is a state) and its full row of transitions
        int states = trie.size();
        int[] next = new int[states * classes];
        int[] fallback = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            int child = trie.get(0)[cls];
            next[cls] = child == NONE ? 0 : child;
            if (child != NONE) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            long[] own = ends.get(state);
            long[] inherited = ends.get(fallback[state]);
            for (int w = 0; w < words; w++) {
                own[w] |= inherited[w];
            }
            for (int cls = 0; cls < classes; cls++) {
                int child = trie.get(state)[cls];
                int viaFallback = next[fallback[state] * classes + cls];
                if (child == NONE) {
                    next[state * classes + cls] = viaFallback;
                } else {
                    next[state * classes + cls] = child;
                    fallback[child] = viaFallback;
                    queue.add(child);
                }
            }
        }

        this.foundAt = new int[states];
        Map<List<Long>, Integer> distinct = new HashMap<>();
        List<long[]> foundSets = new ArrayList<>();
        for (int state = 0; state < states; state++) {
            long[] bits = ends.get(state);
            if (Arrays.stream(bits).allMatch(b -> b == 0)) {
                foundAt[state] = NONE;
                continue;
            }
            List<Long> key = Arrays.stream(bits).boxed().toList();
            foundAt[state] = distinct.computeIfAbsent(key, k -> {
                foundSets.add(bits);
                return foundSets.size() - 1;
            });
        }
        this.found = foundSets.toArray(long[][]::new);
        for (int k = 0; k < next.length; k++) {
            int target = next[k];
            next[k] = foundAt[target] == NONE ? target * classes : ~(target * classes);
        }
        if ((long) states * classes <= Short.MAX_VALUE + 1L) {
            // every row and its complement (down to ~(Short.MAX_VALUE) = Short.MIN_VALUE) is a short
            this.compactNext = new short[next.length];
            for (int k = 0; k < next.length; k++) {
                compactNext[k] = (short) next[k];
            }
            this.next = null;
        } else {
            this.compactNext = null;
            this.next = next;
        }
    }

    private int[] newRow() {
        int[] row = new int[classes];
        Arrays.fill(row, NONE);
        return row;
    }

    /** @param literalSets the strings of set {@code g}, for bit {@code g} of {@link #in} */
    public static LiteralsInText of(List<? extends Collection<String>> literalSets) {
        return new LiteralsInText(literalSets);
    }

    /** The number of sets. */
    public int sets() {
        return sets;
    }

    /** Bit {@code g} (word {@code g / 64}, bit {@code g % 64}) set when a string of set {@code g} occurs in {@code text}. */
    public long[] in(CharSequence text) {
        long[] out = always.clone();
        if (compactNext != null) {
            inCompact(text, out);
        } else {
            inWide(text, out);
        }
        return out;
    }

    /** Whether the table is held in 16 bits (for the tests: both walks must answer alike). */
    boolean compact() {
        return compactNext != null;
    }

    private void inCompact(CharSequence text, long[] out) {
        short[] table = compactNext;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            row = table[row + (c < ASCII ? asciiClass[c] : otherClass(c))];
            if (row < 0) {
                row = ~row;
                addFound(row, out);
            }
        }
    }

    private void inWide(CharSequence text, long[] out) {
        int[] table = next;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            row = table[row + (c < ASCII ? asciiClass[c] : otherClass(c))];
            if (row < 0) {
                row = ~row;
                addFound(row, out);
            }
        }
    }

    private void addFound(int row, long[] out) {
        long[] bits = found[foundAt[row / classes]];
        for (int w = 0; w < bits.length; w++) {
            out[w] |= bits[w];
        }
    }

    /** Whether bit {@code g} of {@link #in}'s answer is set. */
    public static boolean has(long[] found, int g) {
        return (found[g >>> 6] & 1L << g) != 0;
    }

    private int otherClass(char c) {
        int k = Arrays.binarySearch(otherChars, c);
        return k < 0 ? 0 : otherClasses[k];
    }
}
