package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The structure of a pasted text, so that column headers and keys can act as context: the cells of tables (CSV
 * with {@code ,} or {@code ;}, TSV, markdown) under their header, the values of JSON objects (and XML leaf elements,
 * read as JSON) under their key path,
 * and the values of {@code key: value} lines (also e-mail headers such as {@code Van:}, also inside quoted
 * replies). Each value is a {@link Field}: its span and its key, normalised to lower-case words
 * ({@code geb_datum} and {@code gebDatum} become {@code geb datum}; a JSON key is prefixed by its parents'). Parsing
 * is lenient and linear; text that is none of these forms has no fields.
 */
public final class TextStructure {

    /** Where a field comes from: its key is a column header, a JSON key or the label of a line. */
    public enum Kind { TABLE, JSON, LINE }

    /**
     * A value and its key. {@code key}: its own key (column header, JSON key, line label); {@code path}: for JSON the
     * keys of the enclosing objects and its own, else the key. {@code start}/{@code end}: the value without quotes
     * and surrounding blanks.
     */
    public record Field(Kind kind, String key, String path, int start, int end) {
    }

    static final TextStructure NONE = new TextStructure(List.of(), List.of());

    private final List<Field> fields;
    /** Spans of table header cells ({start, end} pairs), sorted. */
    private final List<int[]> headers;

    private TextStructure(List<Field> fields, List<int[]> headers) {
        this.fields = fields;
        this.headers = headers;
    }

    /** Whether [start, end) lies inside a table's header cell: a column name, not data. */
    public boolean inHeader(int start, int end) {
        for (int[] h : headers) {
            if (h[0] <= start && end <= h[1]) {
                return true;
            }
            if (h[0] > start) {
                break;
            }
        }
        return false;
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && headers.isEmpty();
    }

    /** The field whose value contains [start, end), or null. */
    public Field fieldAt(int start, int end) {
        int lo = 0;
        int hi = fields.size() - 1;
        Field best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Field f = fields.get(mid);
            if (f.start() <= start) {
                best = f;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // fields do not overlap, except a line field inside a table row, which parsing avoids
        return best != null && best.end() >= end ? best : null;
    }

    public static TextStructure of(String text) {
        if (text.length() < 3) {
            return NONE;
        }
        List<Field> out = new ArrayList<>();
        List<int[]> headers = new ArrayList<>();
        if (text.indexOf('{') >= 0 || text.indexOf('[') >= 0) {
            JsonFields.read(text, out);
        }
        if (text.indexOf('\n') >= 0) {
            TableFields.read(text, out, headers);
        }
        if (text.contains("</")) {
            XmlFields.read(text, out);
        }
        out.sort(Comparator.comparingInt(Field::start).thenComparingInt(f -> -f.end()));
        List<Field> kept = new ArrayList<>(out.size());
        int reach = -1;
        for (Field f : out) {
            if (f.start() >= reach) {
                kept.add(f);
                reach = f.end();
            }
        }
        if (text.indexOf(':') >= 0 || text.contains("...") || text.contains("  ") || text.indexOf('\t') >= 0) {
            // "key: value" lines, where they are not inside a table or a JSON object
            List<Field> lines = new ArrayList<>();
            LabelledLines.read(text, lines);
            for (Field f : lines) {
                if (!overlapsAny(kept, f)) {
                    kept.add(f);
                }
            }
            kept.sort(Comparator.comparingInt(Field::start));
        }
        return kept.isEmpty() && headers.isEmpty() ? NONE : new TextStructure(List.copyOf(kept), List.copyOf(headers));
    }

    private static boolean overlapsAny(List<Field> sorted, Field f) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Field g = sorted.get(mid);
            if (g.end() <= f.start()) {
                lo = mid + 1;
            } else if (g.start() >= f.end()) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The lines of {@code text} as {start, end} pairs (end before the line break). */
    static List<int[]> lineSpans(String text) {
        List<int[]> lines = new ArrayList<>();
        int s = 0;
        while (s <= text.length()) {
            int e = text.indexOf('\n', s);
            if (e < 0) {
                e = text.length();
            }
            lines.add(new int[] {s, e});
            s = e + 1;
        }
        return lines;
    }
}
