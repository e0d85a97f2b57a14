package nl.dijkwacht.pii.detect;

/**
 * Columns set apart by runs of spaces, as a scanned list or a fixed-width export leaves them:
 * <pre>
 * Kind          geboren        kwartaal
 * Ama   12-06-2016   € 304,44
 * </pre>
 * Not a {@link TextStructure} table: a form's "Naam  Jan Jansen  BSN  …" lines look the same, and making every cell a
 * field would take the cues of running text away. Only the header of a candidate's own column is looked up, as one
 * more cue: the lines above it, without a blank line, with as many cells, up to one whose cells are all words.
 */
final class SpacedColumns {

    private static final int MAX_LINES_UP = 40;

    private final String lower;
    /** Offset of each '\n' of {@link #lower}, built on first use. */
    private int[] breaks;
    /** The cells of a range {@code [from, to)}, keyed {@code from << 32 | to}: each line is split once per text. */
    private final java.util.Map<Long, int[]> cellsOf = new java.util.HashMap<>();
    /** The cells of a candidate's line(s) that has a run of spaces, else {@link #NOT_A_ROW}. */
    private final java.util.Map<Long, int[]> rows = new java.util.HashMap<>();
    private static final int[] NOT_A_ROW = new int[0];
    /** The header row's cells for a row's range (an empty array: none): each row looks upwards once per text. */
    private final java.util.Map<Long, int[]> headerOf = new java.util.HashMap<>();

    /**
     * The columns of one text, for one thread. Every lookup of a candidate's line costs a binary search, and every line
     * is split into cells and looked upwards from at most once: a text of many candidates on one long line, or many
     * lines, costs time linear in its length (slow27: each candidate searched its whole line, and the whole text beyond
     * it, again — quadratic on a long line of number groups).
     */
    SpacedColumns(String lower) {
        this.lower = lower;
    }

    /** The header cell above the cell that is exactly {@code [start, end)}, in lower case; null when there is none. */
    String headerOf(int start, int end) {
        int lineStart = lineStart(start);
        int lineEnd = lineEnd(end);
        int[] cells = rows.computeIfAbsent(key(lineStart, lineEnd),
                k -> hasDoubleSpace(lineStart, lineEnd) ? cells(lineStart, lineEnd) : NOT_A_ROW);
        if (cells == NOT_A_ROW) {
            return null; // no run of spaces on the line
        }
        int count = cells.length / 2;
        if (count < 3) {
            return null;
        }
        int column = column(cells, start, end);
        if (column < 0) {
            return null;
        }
        int[] header = headerOf.computeIfAbsent(key(lineStart, lineEnd), k -> header(lineStart, cells.length));
        return header.length == 0 ? null : lower.substring(header[2 * column], header[2 * column + 1]);
    }

    /** The cells of the first all-words line above, without a blank line or another layout between; empty: none. */
    private int[] header(int lineStart, int cellsLength) {
        int e = lineStart - 1;
        for (int up = 0; up < MAX_LINES_UP && e > 0; up++) {
            int s = lineStart(e);
            int[] above = cells(s, e);
            if (above.length != cellsLength) {
                return new int[0]; // a blank line or another layout: the block ended
            }
            if (allWords(lower, above)) {
                return above;
            }
            e = s - 1;
        }
        return new int[0];
    }

    /** How many line ranges were tested for a run of spaces plus how many were split into cells (for tests: each once). */
    int linesRead() {
        return rows.size() + cellsOf.size();
    }

    /** The index of the cell that is exactly {@code [start, end)}, or -1. */
    private static int column(int[] cells, int start, int end) {
        int lo = 0;
        int hi = cells.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = cells[2 * mid];
            if (s < start) {
                lo = mid + 1;
            } else if (s > start) {
                hi = mid - 1;
            } else {
                return cells[2 * mid + 1] == end ? mid : -1;
            }
        }
        return -1;
    }

    private boolean hasDoubleSpace(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (lower.charAt(i + 1) == ' ') {
                if (lower.charAt(i) == ' ') {
                    return true;
                }
            } else {
                i++; // the next pair cannot start with a space either
            }
        }
        return false;
    }

    private int[] cells(int from, int to) {
        return cellsOf.computeIfAbsent(key(from, to), k -> cells(lower, from, to));
    }

    private static long key(int from, int to) {
        return (long) from << 32 | to;
    }

    /** The start of the line that holds offset {@code at} (as {@code lastIndexOf('\n', at - 1) + 1}). */
    private int lineStart(int at) {
        int[] b = breaks();
        int i = java.util.Arrays.binarySearch(b, at - 1);
        int before = i >= 0 ? i : -i - 2; // the last break at or before at - 1
        return before < 0 ? 0 : b[before] + 1;
    }

    /** The end of the line that holds offset {@code at} (as {@code indexOf('\n', at)}, else the text's length). */
    private int lineEnd(int at) {
        int[] b = breaks();
        int i = java.util.Arrays.binarySearch(b, at);
        int next = i >= 0 ? i : -i - 1; // the first break at or after at
        return next < b.length ? b[next] : lower.length();
    }

    private int[] breaks() {
        if (breaks == null) {
            int n = 0;
            for (int i = lower.indexOf('\n'); i >= 0; i = lower.indexOf('\n', i + 1)) {
                n++;
            }
            breaks = new int[n];
            n = 0;
            for (int i = lower.indexOf('\n'); i >= 0; i = lower.indexOf('\n', i + 1)) {
                breaks[n++] = i;
            }
        }
        return breaks;
    }

    /** Start and end of each cell of {@code [from, to)}: text apart by two or more spaces or a tab. */
    private static int[] cells(String lower, int from, int to) {
        int[] out = new int[16];
        int n = 0;
        int i = from;
        while (i < to) {
            while (i < to && (lower.charAt(i) == ' ' || lower.charAt(i) == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int s = i;
            while (i < to && !(lower.charAt(i) == '\t' || lower.charAt(i) == ' '
                    && (i + 1 >= to || lower.charAt(i + 1) == ' ' || lower.charAt(i + 1) == '\t'))) {
                i++;
            }
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = s;
            out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Every cell is one or two words of letters ("geb.datum", "laatste contact"): a header, not a row. */
    private static boolean allWords(String lower, int[] cells) {
        for (int k = 0; k < cells.length; k += 2) {
            int words = 1;
            for (int i = cells[k]; i < cells[k + 1]; i++) {
                char c = lower.charAt(i);
                if (c == ' ') {
                    words++;
                } else if (!(Character.isLetter(c) || c == '.' || c == '-' || c == '/' || c == '_')) {
                    return false;
                }
            }
            if (words > 2) {
                return false;
            }
        }
        return true;
    }
}
