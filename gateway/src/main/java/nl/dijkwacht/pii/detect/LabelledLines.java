package nl.dijkwacht.pii.detect;

import java.util.List;
import nl.dijkwacht.pii.detect.TextStructure.Field;
import nl.dijkwacht.pii.detect.TextStructure.Kind;

/**
 * The values of {@code key: value} lines — form fields, e-mail headers such as {@code Van:} (also inside quoted
 * replies), several pairs on one line apart by a tab or three blanks, dot leaders and scanned forms without colons.
 */
final class LabelledLines {

    private LabelledLines() {
    }

    /** Adds the value of every labelled line to {@code out}. */
    static void read(String text, List<Field> out) {
        for (int[] line : TextStructure.lineSpans(text)) {
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
        for (int i = s; i < e && i - s <= FieldKeys.MAX_KEY; i++) {
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
        if (colon <= s || keyEnd <= s || !FieldKeys.keyLike(text, s, keyEnd)) {
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
            String key = FieldKeys.normalise(text.substring(s, keyEnd));
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
            if (gap < 0 && i - s > FieldKeys.MAX_KEY) {
                return;
            }
        }
        int ve = e;
        while (ve > vs && (text.charAt(ve - 1) == ' ' || text.charAt(ve - 1) == '\r')) {
            ve--;
        }
        if (gap <= s || vs >= ve || !Character.isLetter(text.charAt(gap - 1)) || !FieldKeys.keyLike(text, s, gap)) {
            return;
        }
        String key = FieldKeys.normalise(text.substring(s, gap));
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
            while (colon < to && colon - k <= FieldKeys.MAX_KEY && text.charAt(colon) != ':'
                    && text.charAt(colon) != ' ') {
                colon++;
            }
            // the key is one word (possibly with dots: "Geb.datum") right before the colon
            if (colon < to && text.charAt(colon) == ':' && colon > k && FieldKeys.keyLike(text, k, colon)) {
                return k;
            }
            i = k - 1;
        }
        return -1;
    }
}
