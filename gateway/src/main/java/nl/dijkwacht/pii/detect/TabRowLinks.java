package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule family (pii45): a range copied from Excel without its header row — tab-separated lines that hold a person's
 * name or BSN. On such a line a cell that is wholly a date with a four-digit year is that person's date of birth, and
 * a cell that is wholly a capitalised name and a house number is the address ("Esdoorn 62", "Het Want 233-II"):
 * without the header nothing else says so. Only in a block whose first line is data too (holds a name or BSN): under
 * a header row the column names decide ({@link FieldRecognizer}), so a "Datum intake" column stays a date.
 */
final class TabRowLinks {

    private static final Pattern DATE = Pattern.compile(
            "(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}"
                    + "|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*(?: [\\p{L}'’.-]+){0,3} [1-9]\\d{0,3}(?:[a-z]| [A-Z]|-(?:I{1,3}|IV|\\d{1,2}|[a-zA-Z]))?");

    private TabRowLinks() {
    }

    static void link(String text, List<Finding> kept, List<Finding> added) {
        if (text.indexOf('\t') < 0) {
            return;
        }
        boolean inBlock = false;
        boolean headerless = false;
        int lineStart = 0;
        int k = 0; // kept is sorted by start: the first finding not before the line
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean row = tabs(text, lineStart, lineEnd) >= 2;
            if (!row) {
                inBlock = false;
            } else {
                while (k < kept.size() && kept.get(k).start() < lineStart) {
                    k++;
                }
                boolean anchored = anchored(kept, k, lineEnd);
                if (!inBlock) {
                    inBlock = true;
                    headerless = anchored;
                }
                if (headerless && anchored) {
                    cells(text, lineStart, lineEnd, kept, added);
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static int tabs(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\t') {
                n++;
            }
        }
        return n;
    }

    /** Whether a person's name or a BSN lies on the line. */
    private static boolean anchored(List<Finding> kept, int first, int to) {
        for (int i = first; i < kept.size(); i++) {
            Finding f = kept.get(i);
            if (f.start() >= to) {
                break;
            }
            if (f.type() == EntityType.PERSON || f.type() == EntityType.BSN) {
                return true;
            }
        }
        return false;
    }

    private static void cells(String text, int from, int to, List<Finding> kept, List<Finding> added) {
        int s = from;
        while (s <= to) {
            int e = text.indexOf('\t', s);
            if (e < 0 || e > to) {
                e = to;
            }
            int a = s;
            int b = e;
            while (a < b && text.charAt(a) == ' ') {
                a++;
            }
            while (b > a && text.charAt(b - 1) == ' ') {
                b--;
            }
            if (b - a >= 6 && FindingLinks.isFree(kept, added, a, b)) {
                String cell = text.substring(a, b);
                if (DATE.matcher(cell).matches() && !DateOfBirthPatterns.laterThanThisYear(cell)) {
                    added.add(new Finding(EntityType.DATE_OF_BIRTH, a, b, 0.85, "date-of-birth",
                            "date on a spreadsheet row of a person", "name or BSN on the same row"));
                } else if (ADDRESS.matcher(cell).matches()) {
                    added.add(new Finding(EntityType.ADDRESS, a, b, 0.85, "address",
                            "street and house number on a spreadsheet row of a person", "name or BSN on the same row"));
                }
            }
            s = e + 1;
        }
    }
}
