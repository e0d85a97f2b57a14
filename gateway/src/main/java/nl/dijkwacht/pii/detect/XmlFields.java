package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.detect.TextStructure.Field;
import nl.dijkwacht.pii.detect.TextStructure.Kind;

/**
 * The text of XML leaf elements in a pasted text ({@code <BG:geslachtsnaam>Horst</BG:geslachtsnaam>} in a StUF-BG
 * answer), each under its element name and the names of the elements around it, read like JSON values (pii45: a
 * zaaksysteem's XML kept names and street names from every key). The namespace prefix is dropped. Lenient and
 * linear; only values on one line, at most {@link #MAX_VALUE} characters.
 */
final class XmlFields {

    private static final int MAX_VALUE = 200;
    private static final int MAX_TAG = 120;

    private XmlFields() {
    }

    static void read(String text, List<Field> out) {
        List<String> open = new ArrayList<>();
        int i = text.indexOf('<');
        int close = -1;
        while (i >= 0) {
            // the first '>' at or after i, looked for again only once i has passed it: a look from every '<' made
            // "<<<…<>" quadratic (review45b: 200,000 of them took seconds)
            if (close < i) {
                close = text.indexOf('>', i);
            }
            if (close < 0) {
                return;
            }
            int next = text.indexOf('<', i + 1);
            if (close - i > MAX_TAG || (next >= 0 && next < close)) {
                i = next;
                continue;
            }
            char first = i + 1 < close ? text.charAt(i + 1) : ' ';
            if (first == '/') {
                if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                }
                i = next;
                continue;
            }
            int nameEnd = nameEnd(text, i + 1, close);
            if (nameEnd == i + 1 || text.charAt(close - 1) == '/' || first == '?' || first == '!') {
                i = next;
                continue;
            }
            String name = text.substring(i + 1, nameEnd);
            String key = key(name);
            if (next < 0) {
                return;
            }
            if (text.startsWith(name, next + 2) && text.charAt(next + 1) == '/') {
                int s = close + 1;
                int e = next;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (s < e && e - s <= MAX_VALUE && text.indexOf('\n', s, e) < 0) { // within the value: not to the text's next line
                    out.add(new Field(Kind.JSON, key, path(open, key), s, e));
                }
                int after = text.indexOf('>', next);
                i = after < 0 ? -1 : text.indexOf('<', after);
                continue;
            }
            open.add(key);
            i = next;
        }
    }

    private static int nameEnd(String text, int from, int to) {
        int k = from;
        while (k < to) {
            char c = text.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == ':' || c == '.' || c == '_' || c == '-')) {
                break;
            }
            k++;
        }
        return k < to && !Character.isWhitespace(text.charAt(k)) ? from : k;
    }

    /** "BG:geslachtsnaam" → "geslachtsnaam"; "BG:gor.openbareRuimteNaam" → "openbare ruimte naam". */
    private static String key(String name) {
        int colon = name.lastIndexOf(':');
        return FieldKeys.normalise(colon < 0 ? name : name.substring(colon + 1));
    }

    private static String path(List<String> open, String key) {
        if (open.isEmpty()) {
            return key;
        }
        int from = Math.max(0, open.size() - 3);
        return String.join(" ", open.subList(from, open.size())) + " " + key;
    }
}
