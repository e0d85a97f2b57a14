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

    private SpacedColumns() {
    }

    /** The header cell above the cell that is exactly {@code [start, end)}, in lower case; null when there is none. */
    static String headerOf(String lower, int start, int end) {
        int lineStart = lower.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = lower.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? lower.length() : lineEnd;
        if (lower.indexOf("  ", lineStart) < 0 || lower.indexOf("  ", lineStart) >= lineEnd) {
            return null; // the cheap test first: no run of spaces on the line
        }
        int[] cells = cells(lower, lineStart, lineEnd);
        int count = cells.length / 2;
        int column = -1;
        for (int k = 0; k < count; k++) {
            if (cells[2 * k] == start && cells[2 * k + 1] == end) {
                column = k;
            }
        }
        if (column < 0 || count < 3) {
            return null;
        }
        int e = lineStart - 1;
        for (int up = 0; up < MAX_LINES_UP && e > 0; up++) {
            int s = lower.lastIndexOf('\n', e - 1) + 1;
            int[] above = cells(lower, s, e);
            if (above.length != cells.length) {
                return null; // a blank line or another layout: the block ended
            }
            if (allWords(lower, above)) {
                return lower.substring(above[2 * column], above[2 * column + 1]);
            }
            e = s - 1;
        }
        return null;
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
