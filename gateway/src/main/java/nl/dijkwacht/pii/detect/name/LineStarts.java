package nl.dijkwacht.pii.detect.name;

import java.util.Arrays;

/**
 * The line breaks and colons of one text, found once: the start of the line holding a position, and the first colon
 * from a line start on, by binary search instead of a walk per name span (lin27: {@code lastIndexOf('\n', start)} and
 * {@code indexOf(':', lineStart)} per span were quadratic on a long line of many names).
 */
final class LineStarts {

    private final int[] breaks;
    private final int[] colons;

    LineStarts(String text) {
        breaks = positions(text, '\n');
        colons = positions(text, ':');
    }

    private static int[] positions(String text, char c) {
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            n++;
        }
        int[] at = new int[n];
        int k = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            at[k++] = i;
        }
        return at;
    }

    /** The start of the line holding {@code pos}: {@code text.lastIndexOf('\n', pos - 1) + 1}. */
    int lineStart(int pos) {
        int k = Arrays.binarySearch(breaks, pos - 1);
        if (k >= 0) {
            return breaks[k] + 1;
        }
        int before = -k - 2; // the last break below pos - 1
        return before < 0 ? 0 : breaks[before] + 1;
    }

    /** {@code text.indexOf(':', from)}. */
    int firstColonFrom(int from) {
        int k = Arrays.binarySearch(colons, from);
        if (k >= 0) {
            return colons[k];
        }
        int after = -k - 1;
        return after < colons.length ? colons[after] : -1;
    }
}
