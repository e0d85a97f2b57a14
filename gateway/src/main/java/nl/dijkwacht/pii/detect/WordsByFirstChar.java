package nl.dijkwacht.pii.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions of a word list's entries by their first character, so a scan over a text asks only the entries that
 * can start where it stands (cue words in running text, key words in field keys). Empty entries are left out.
 */
final class WordsByFirstChar {

    private final int[][] byAscii = new int[128][];
    private final Map<Character, int[]> byOther = new HashMap<>();

    WordsByFirstChar(String[] words) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            char c = words[i].charAt(0);
            int[] list = startingWith(c);
            list = list == null ? new int[] {i} : append(list, i);
            if (c < 128) {
                byAscii[c] = list;
            } else {
                byOther.put(c, list);
            }
        }
    }

    /** The indexes of the entries starting with {@code c}, in list order, or null. */
    int[] startingWith(char c) {
        return c < 128 ? byAscii[c] : byOther.isEmpty() ? null : byOther.get(c);
    }

    private static int[] append(int[] list, int i) {
        int[] longer = Arrays.copyOf(list, list.length + 1);
        longer[list.length] = i;
        return longer;
    }
}
