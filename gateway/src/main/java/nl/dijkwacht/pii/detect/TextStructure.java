package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The structure of a pasted text, so that column headers and keys can act as context: the cells of tables (CSV
 * with {@code ,} or {@code ;}, TSV, markdown) under their header, the values of JSON objects under their key path,
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

    private static final int MAX_KEY = 48;

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
            json(text, out);
        }
        if (text.indexOf('\n') >= 0) {
            tables(text, out, headers);
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
            lines(text, lines);
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

    // ---- keys ----

    /** "geb_datum" → "geb datum", "birthDate" → "birth date", "Geb. datum" → "geb. datum". */
    static String normaliseKey(CharSequence raw) {
        StringBuilder b = new StringBuilder(raw.length() + 4);
        char previous = ' ';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '_' || c == '-' || Character.isWhitespace(c) || c == '"' || c == '\'') {
                c = ' ';
            } else if (Character.isUpperCase(c) && Character.isLowerCase(previous) && !abbreviationEnd(raw, i)) {
                b.append(' ');
            }
            if (c == ' ' && (b.isEmpty() || b.charAt(b.length() - 1) == ' ')) {
                previous = c;
                continue;
            }
            b.append(Character.toLowerCase(c));
            previous = c;
        }
        int n = b.length();
        while (n > 0 && b.charAt(n - 1) == ' ') {
            n--;
        }
        b.setLength(n);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * "KvK": a capital ending the key (or a word of it) after a capital and one lower-case letter closes an abbreviation
     * written in mixed case, not a camelCase word ("klantNr").
     */
    private static boolean abbreviationEnd(CharSequence raw, int i) {
        return i >= 2 && Character.isUpperCase(raw.charAt(i - 2)) && (i < 3 || !Character.isLetter(raw.charAt(i - 3)))
                && (i + 1 == raw.length() || !Character.isLetter(raw.charAt(i + 1)));
    }

    private static boolean keyLike(String text, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > MAX_KEY) {
            return false;
        }
        boolean letter = false;
        int words = 1;
        boolean inBrackets = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c == ' ') {
                words++;
            } else if (c == '(' || c == ')') {
                inBrackets = c == '(';
            } else if (!(Character.isDigit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '#' || c == '\''
                    || (c == ',' && inBrackets))) { // "Naam (achternaam, voornaam)"
                return false;
            }
        }
        return letter && words <= 4;
    }

    // ---- tables ----

    private static final char[] DELIMITERS = {'\t', ';', '|', ','};

    private static void tables(String text, List<Field> out, List<int[]> headerCells) {
        List<int[]> lines = lineSpans(text);
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
                keys.add(normaliseKey(text.substring(c[0], c[1])));
            }
            int j = i + 1;
            int rows = 0;
            while (j < lines.size()) {
                int[] row = lines.get(j);
                if (delimiter == '|' && separatorRow(text, row)) {
                    j++;
                    continue;
                }
                List<int[]> cells = cells(text, row[0], row[1], delimiter);
                if (delimiter == ',' && cells.size() > columns.size()) {
                    cells = joinDecimalCommas(text, cells, columns.size());
                }
                if (cells.size() != columns.size()) {
                    break;
                }
                for (int k = 0; k < cells.size(); k++) {
                    int[] c = cells.get(k);
                    if (c[1] > c[0] && !keys.get(k).isEmpty()) {
                        out.add(new Field(Kind.TABLE, keys.get(k), keys.get(k), c[0], c[1]));
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
            if (c[1] > c[0] && !keyLike(text, c[0], c[1]) && !(c[1] - c[0] == 1 && text.charAt(c[0]) == '#')) {
                return false; // "#" alone heads a column of row numbers
            }
        }
        return true;
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

    private static List<int[]> lineSpans(String text) {
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

    // ---- "key: value" lines ----

    private static void lines(String text, List<Field> out) {
        for (int[] line : lineSpans(text)) {
            int s = line[0];
            int e = line[1];
            while (s < e && (text.charAt(s) == '>' || text.charAt(s) == ' ' || text.charAt(s) == '\t'
                    || text.charAt(s) == '*' || text.charAt(s) == '-')) {
                s++;
            }
            // a form may hold several pairs on one line, apart by a tab or three blanks: "Naam: X    Voorletters: Y"
            while (s < e) {
                s = pair(text, s, e, out);
            }
        }
    }

    /** Parses one "key: value" pair from {@code s} in the line ending at {@code e}; the offset to go on from. */
    private static int pair(String text, int s, int e, List<Field> out) {
        int colon = -1;
        for (int i = s; i < e && i - s <= MAX_KEY; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            if (c == '.' && i + 2 < e && text.charAt(i + 1) == '.' && text.charAt(i + 2) == '.') {
                colon = i; // a dot leader on a printed form: "School ............ OBS Anne Frank"
                while (colon + 1 < e && text.charAt(colon + 1) == '.') {
                    colon++;
                }
                break;
            }
        }
        int keyEnd = colon;
        while (keyEnd > s && (text.charAt(keyEnd - 1) == ' ' || text.charAt(keyEnd - 1) == '\t'
                || text.charAt(keyEnd - 1) == '.')) {
            keyEnd--; // "Geslachtsnaam        : EL OUARDI" in a scanned form
        }
        if (colon < 0) {
            gapPair(text, s, e, out);
            return e;
        }
        if (colon <= s || keyEnd <= s || !keyLike(text, s, keyEnd)) {
            return e;
        }
        int vs = colon + 1;
        while (vs < e && (text.charAt(vs) == ' ' || text.charAt(vs) == '\t')) {
            vs++;
        }
        int next = nextPairStart(text, vs, e);
        int ve = next < 0 ? e : next;
        while (ve > vs && (text.charAt(ve - 1) == ' ' || text.charAt(ve - 1) == '\t' || text.charAt(ve - 1) == '\r')) {
            ve--;
        }
        if (ve > vs && !(colon + 1 < e && text.charAt(colon + 1) == '/')) { // not "https://"
            String key = normaliseKey(text.substring(s, keyEnd));
            out.add(new Field(Kind.LINE, key, key, vs, ve));
        }
        return next < 0 ? e : next;
    }

    /**
     * A printed or scanned form without colons: "Betrokkene   OUATTARA, ISSOUF", "Naam / Surname        ŞAHİN" — a
     * capitalised key, one gap of two or more blanks or a tab, and the value; a line with a second gap is a table row,
     * not a pair ("Leerling      Geb.datum      Uren").
     */
    private static void gapPair(String text, int s, int e, List<Field> out) {
        if (s >= e || !Character.isUpperCase(text.charAt(s))) {
            return;
        }
        int gap = -1;
        int vs = -1;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '\t' || (c == ' ' && i + 1 < e && text.charAt(i + 1) == ' ')) {
                if (gap >= 0) {
                    return; // a second gap: a row of a table laid out with blanks
                }
                gap = i;
                while (i + 1 < e && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    i++;
                }
                vs = i + 1;
            }
            if (gap < 0 && i - s > MAX_KEY) {
                return;
            }
        }
        int ve = e;
        while (ve > vs && (text.charAt(ve - 1) == ' ' || text.charAt(ve - 1) == '\r')) {
            ve--;
        }
        if (gap <= s || vs >= ve || !Character.isLetter(text.charAt(gap - 1)) || !keyLike(text, s, gap)) {
            return;
        }
        String key = normaliseKey(text.substring(s, gap));
        out.add(new Field(Kind.LINE, key, key, vs, ve));
    }

    /** Start of a further "key:" after a tab or three blanks in [from, to), or -1. */
    private static int nextPairStart(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean gap = c == '\t' || (c == ' ' && i + 2 < to && text.charAt(i + 1) == ' ' && text.charAt(i + 2) == ' ');
            if (!gap) {
                continue;
            }
            int k = i;
            while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            int colon = k;
            while (colon < to && colon - k <= MAX_KEY && text.charAt(colon) != ':' && text.charAt(colon) != ' ') {
                colon++;
            }
            // the key is one word (possibly with dots: "Geb.datum") right before the colon
            if (colon < to && text.charAt(colon) == ':' && colon > k && keyLike(text, k, colon)) {
                return k;
            }
            i = k - 1;
        }
        return -1;
    }

    // ---- JSON ----

    /**
     * A lenient scan: every {@code "key": value} with the keys of the enclosing objects in front. A generic
     * {@code "value"} takes its key from a sibling {@code "name"} or {@code "label"} in the same object (tenth round:
     * {@code {"label": "Geboortedatum", "value": "06/11/1975"}}, in either order), since its own key says nothing.
     */
    private static void json(String text, List<Field> out) {
        int n = text.length();
        List<String> path = new ArrayList<>();
        String pendingKey = null;
        int depth = 0;
        SiblingNames siblings = new SiblingNames();
        // keys per depth: the key that opened each container (or the array's key for its elements)
        List<String> containerKey = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == '{' || c == '[') && depth < 64) {
                containerKey.add(pendingKey);
                if (pendingKey != null) {
                    path.add(pendingKey);
                }
                pendingKey = null;
                depth++;
                siblings.open(depth);
                i++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
                String opened = containerKey.remove(containerKey.size() - 1);
                if (opened != null && !path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                pendingKey = null;
                i++;
            } else if (c == '"' && depth > 0) {
                int end = stringEnd(text, i);
                if (end < 0) {
                    return;
                }
                int k = end + 1;
                while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\n'
                        || text.charAt(k) == '\r')) {
                    k++;
                }
                if (k < n && text.charAt(k) == ':') {
                    pendingKey = normaliseKey(text.substring(i + 1, end));
                    i = k + 1;
                } else {
                    String key = pendingKey != null ? pendingKey : arrayKey(containerKey);
                    if (key != null && end > i + 1) {
                        siblings.add(out, depth, pendingKey, new Field(Kind.JSON, key, withPath(path, pendingKey, key),
                                i + 1, end), text);
                    }
                    pendingKey = null;
                    i = end + 1;
                }
            } else if (depth > 0 && pendingKey != null && (Character.isDigit(c) || c == '-' || c == '+')) {
                int e = i + 1;
                while (e < n && (Character.isDigit(text.charAt(e)) || text.charAt(e) == '.' || text.charAt(e) == 'e'
                        || text.charAt(e) == 'E' || text.charAt(e) == '-' || text.charAt(e) == '+')) {
                    e++;
                }
                siblings.add(out, depth, pendingKey, new Field(Kind.JSON, pendingKey,
                        withPath(path, pendingKey, pendingKey), i, e), text);
                pendingKey = null;
                i = e;
            } else {
                i++;
            }
        }
    }

    /**
     * Per open object: the normalised text of its {@code "name"}/{@code "label"} and the index in the output of its
     * {@code "value"} field, so that whichever comes second can give the value its key.
     */
    private static final class SiblingNames {

        // eleventh round: a form reader's key-value blocks name the field in "Text" ({"Text": "Geboortedatum",
        // "Value": …}), other tools in "title", "caption" or "prompt"
        private static final java.util.Set<String> NAME_KEYS = java.util.Set.of("name", "label", "naam", "field", "veld",
                "key", "question", "vraag", "text", "title", "caption", "prompt");
        private static final java.util.Set<String> VALUE_KEYS = java.util.Set.of("value", "waarde", "val", "answer",
                "antwoord");
        private static final int MAX_NAME = 60;

        private final String[] names = new String[66];
        private final int[] values = new int[66];

        void open(int depth) {
            names[depth] = null;
            values[depth] = -1;
        }

        void add(List<Field> out, int depth, String ownKey, Field field, String text) {
            if (ownKey != null && VALUE_KEYS.contains(ownKey)) {
                if (names[depth] != null) {
                    field = withKey(field, names[depth]);
                } else {
                    values[depth] = out.size();
                }
            } else if (ownKey != null && NAME_KEYS.contains(ownKey) && names[depth] == null
                    && field.end() - field.start() <= MAX_NAME && text.charAt(field.start() - 1) == '"') {
                String name = normaliseKey(text.substring(field.start(), field.end()));
                names[depth] = name;
                if (values[depth] >= 0) {
                    out.set(values[depth], withKey(out.get(values[depth]), name));
                    values[depth] = -1;
                }
            }
            out.add(field);
        }

        private static Field withKey(Field f, String key) {
            String path = f.path();
            int own = path.lastIndexOf(' ');
            String parents = own < 0 ? "" : path.substring(0, own + 1);
            return new Field(f.kind(), key, parents + key, f.start(), f.end());
        }
    }

    private static String arrayKey(List<String> containerKey) {
        return containerKey.isEmpty() ? null : containerKey.get(containerKey.size() - 1);
    }

    private static String withPath(List<String> path, String own, String key) {
        if (path.isEmpty()) {
            return key;
        }
        StringBuilder b = new StringBuilder();
        for (String p : path) {
            b.append(p).append(' ');
        }
        return own == null ? b.toString().strip() : b.append(key).toString();
    }

    /** Index of the closing quote of the string starting at {@code open}, or -1 (at most one line's worth). */
    private static int stringEnd(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }
}
