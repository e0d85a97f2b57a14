package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.dijkwacht.pii.detect.TextStructure.Field;
import nl.dijkwacht.pii.detect.TextStructure.Kind;

/**
 * The cells of tables in a pasted text — CSV with {@code ,} or {@code ;}, TSV, markdown and lists typed with
 * {@code " - "} — each under its column header, read from a header line and the rows with as many cells below it.
 */
final class TableFields {

    private TableFields() {
    }

    private static final char[] DELIMITERS = {'\t', ';', '|', ','};

    /** Adds the cells of every table to {@code out} and the header cells' spans to {@code headerCells}. */
    static void read(String text, List<Field> out, List<int[]> headerCells) {
        List<int[]> lines = TextStructure.lineSpans(text);
        int[] notSeparator = null; // for each line, the first line from it that is no markdown separator row
        RowCells rowCells = new RowCells();
        int i = 0;
        while (i < lines.size()) {
            int[] header = lines.get(i);
            char delimiter = delimiterOf(text, header);
            if (delimiter == 0) {
                i++;
                continue;
            }
            List<int[]> columns = cells(text, header[0], header[1], delimiter);
            if (!headerLike(text, columns, delimiter)) {
                i++;
                continue;
            }
            List<String> keys = new ArrayList<>(columns.size());
            for (int[] c : columns) {
                keys.add(FieldKeys.normalise(text.substring(c[0], c[1])));
            }
            boolean labelled = labelAndValueColumns(keys);
            int j = i + 1;
            int rows = 0;
            while (j < lines.size()) {
                if (delimiter == '|') {
                    if (notSeparator == null) {
                        notSeparator = notSeparatorFrom(text, lines);
                    }
                    j = notSeparator[j];
                    if (j >= lines.size()) {
                        break;
                    }
                }
                int[] row = lines.get(j);
                List<int[]> cells = rowCells.of(text, j, row, delimiter);
                if (delimiter == ',' && cells.size() > columns.size()) {
                    cells = joinDecimalCommas(text, cells, columns.size());
                }
                if (cells.size() != columns.size()) {
                    break;
                }
                for (int k = 0; k < cells.size(); k++) {
                    int[] c = cells.get(k);
                    String key = labelled && k == 1 ? rowLabel(text, cells.get(0)) : keys.get(k);
                    if (c[1] > c[0] && !key.isEmpty()) {
                        out.add(new Field(Kind.TABLE, key, key, c[0], c[1]));
                    }
                }
                rows++;
                j++;
            }
            if (rows > 0) {
                headerCells.addAll(columns);
            }
            i = rows > 0 ? j : i + 1;
        }
    }

    /** Headers of a second column that holds the value of the label in the first ("| veld | waarde |"). */
    private static final Set<String> VALUE_HEADERS = Set.of("waarde", "value", "inhoud",
            "antwoord", "answer", "invulling", "gegevens");

    /**
     * "| veld | waarde |", "Field;Value": a table of two columns whose second is headed as a value is a form of labels
     * and values, like {@code key: value} lines; each value's key is its row's label.
     */
    private static boolean labelAndValueColumns(List<String> keys) {
        return keys.size() == 2 && VALUE_HEADERS.contains(keys.get(1));
    }

    /** The label of a row of a label-and-value table: its first cell as a key, or "" when it reads as none. */
    private static String rowLabel(String text, int[] cell) {
        return cell[1] > cell[0] && FieldKeys.keyLike(text, cell[0], cell[1])
                ? FieldKeys.normalise(text.substring(cell[0], cell[1])) : "";
    }

    /**
     * "112,00" unquoted in a comma-separated row (a Dutch amount exported as is) splits into two cells: when a row has
     * more cells than the header, a cell of digits followed by a cell of exactly two digits is joined back, from the
     * left, until the counts match; when that is not enough, also a cell of one digit ("-12,5" hours, "31,0").
     * Returns the cells unchanged when that does not make them match.
     */
    private static List<int[]> joinDecimalCommas(String text, List<int[]> cells, int wanted) {
        List<int[]> joined = joinDecimalCommas(text, cells, wanted, 2);
        return joined != cells ? joined : joinDecimalCommas(text, cells, wanted, 1);
    }

    private static List<int[]> joinDecimalCommas(String text, List<int[]> cells, int wanted, int fewestDecimals) {
        List<int[]> out = new ArrayList<>(cells.size());
        int surplus = cells.size() - wanted;
        for (int k = 0; k < cells.size(); k++) {
            int[] c = cells.get(k);
            if (surplus > 0 && k + 1 < cells.size() && amountWhole(text, c)
                    && decimals(text, cells.get(k + 1), fewestDecimals)) {
                out.add(new int[] {c[0], cells.get(k + 1)[1]});
                k++;
                surplus--;
            } else {
                out.add(c);
            }
        }
        return surplus == 0 ? out : cells;
    }

    private static boolean amountWhole(String text, int[] c) {
        if (c[1] <= c[0]) {
            return false;
        }
        for (int i = c[0]; i < c[1]; i++) {
            char ch = text.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || (ch == '-' && i == c[0]) || ch == '€' || ch == ' ')) {
                return false;
            }
        }
        return Character.isDigit(text.charAt(c[1] - 1));
    }

    /** A cell of {@code fewest} to two digits: the decimals of an amount. */
    private static boolean decimals(String text, int[] c, int fewest) {
        int length = c[1] - c[0];
        if (length < fewest || length > 2) {
            return false;
        }
        for (int i = c[0]; i < c[1]; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delimiter of a header line: tab, ';' or '|' when present, else ','; else {@link #DASH} for a list typed with
     * " - " between at least three columns ("naam - geb.datum - mail"). 0 if none.
     */
    private static char delimiterOf(String text, int[] line) {
        for (char d : DELIMITERS) {
            for (int i = line[0]; i < line[1]; i++) { // within the line: never a scan of the whole text per line
                if (text.charAt(i) == d) {
                    return d;
                }
            }
        }
        int dashes = 0;
        for (int i = line[0] + 1; i + 1 < line[1]; i++) {
            if (text.charAt(i) == '-' && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ') {
                dashes++;
            }
        }
        return dashes >= 2 ? DASH : 0;
    }

    /** Stands for " - " between the columns of a typed list. */
    private static final char DASH = '-';

    private static boolean headerLike(String text, List<int[]> cells, char delimiter) {
        if (cells.size() < (delimiter == DASH ? 3 : 2)) {
            return false;
        }
        for (int[] c : cells) {
            if (c[1] > c[0] && !FieldKeys.keyLike(text, c[0], c[1], delimiter != ',' && delimiter != DASH)
                    && !(c[1] - c[0] == 1 && text.charAt(c[0]) == '#')) {
                return false; // "#" alone heads a column of row numbers
            }
        }
        return true;
    }

    /**
     * For each line, the index of the first line from it on that is no separator row ({@code lines.size()}: none). Every
     * header candidate skips the same separator rows through it at once (slow27: each of a run of separator rows, itself
     * a header candidate, walked the rest of the run again — quadratic in the number of lines).
     */
    static int[] notSeparatorFrom(String text, List<int[]> lines) {
        int[] next = new int[lines.size() + 1];
        next[lines.size()] = lines.size();
        for (int k = lines.size() - 1; k >= 0; k--) {
            next[k] = separatorRow(text, lines.get(k)) ? next[k + 1] : k;
        }
        return next;
    }

    /** The cells of the row last split, kept: the header candidates that stop at the same row split it once. */
    private static final class RowCells {
        private int line = -1;
        private char delimiter;
        private List<int[]> cells;

        List<int[]> of(String text, int line, int[] row, char delimiter) {
            if (line != this.line || delimiter != this.delimiter) {
                this.cells = cells(text, row[0], row[1], delimiter);
                this.line = line;
                this.delimiter = delimiter;
            }
            return cells;
        }
    }

    private static boolean separatorRow(String text, int[] line) {
        for (int i = line[0]; i < line[1]; i++) {
            char c = text.charAt(i);
            if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Cells of a line between delimiters, trimmed and without surrounding quotes; markdown's outer pipes dropped. */
    private static List<int[]> cells(String text, int from, int to, char delimiter) {
        List<int[]> out = new ArrayList<>();
        int s = from;
        int e = to;
        while (s < e && text.charAt(s) == ' ') {
            s++;
        }
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\r')) {
            e--;
        }
        if (delimiter == '|') {
            if (s < e && text.charAt(s) == '|') {
                s++;
            }
            if (e > s && text.charAt(e - 1) == '|') {
                e--;
            }
        }
        int cellStart = s;
        boolean quoted = false;
        for (int i = s; i <= e; i++) {
            char c = i < e ? text.charAt(i) : delimiter;
            if (c == '"' && delimiter != '|' && delimiter != DASH) {
                quoted = !quoted;
            } else if (i == e || (c == delimiter && !quoted && (delimiter != DASH || dashBetweenBlanks(text, i, s, e)))) {
                out.add(trimCell(text, cellStart, i));
                cellStart = i + 1;
            }
        }
        return out;
    }

    private static boolean dashBetweenBlanks(String text, int i, int from, int to) {
        return i > from && i + 1 < to && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
    }

    private static int[] trimCell(String text, int from, int to) {
        while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        if (to - from >= 2 && text.charAt(from) == '"' && text.charAt(to - 1) == '"') {
            from++;
            to--;
        }
        return new int[] {from, to};
    }
}
