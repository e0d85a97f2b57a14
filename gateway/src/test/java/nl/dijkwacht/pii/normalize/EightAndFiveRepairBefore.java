package nl.dijkwacht.pii.normalize;

import static nl.dijkwacht.pii.normalize.OcrCharacters.digit;
import static nl.dijkwacht.pii.normalize.OcrCharacters.monthFollows;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/** {@link EightAndFiveRepair} as it was before pii23, kept as the oracle of {@code OcrRepairsSameEditsTest}. */
/**
 * {@code B} → {@code 8} and {@code S} → {@code 5} where a number leaves no other reading: between two digits
 * ({@code 3621B45}), at the edge of a group of a long grouped number ({@code 06 l5 7B 2O 94}) and in a day before a
 * month name ({@code 1B april}).
 */
final class EightAndFiveRepairBefore {

    private EightAndFiveRepairBefore() {
    }

    /**
     * {@code B} → {@code 8} and {@code S} → {@code 5}, run after {@link NumberLetterRepair} (so {@code O} and {@code l} are
     * digits already). These letters open and close many codes and house numbers ({@code 3B}, {@code S12}, {@code B2B}),
     * so a lone group is never read: only a letter between two digits of a group of digits and these letters
     * ({@code 3621B45}, {@code 2B4}), one at the edge of a group of a number of at least three groups and six digits
     * parted by single spaces or hyphens ({@code 06 15 7B 20 94}), or a day of one digit and the letter before a month
     * name ({@code 1B april}). A group glued to any other letter ({@code X12B3}, {@code BOR-2211}) is left alone.
     */
    static List<Edit> edits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        for (int k = firstEightOrFive(s, 0); k >= 0; k = firstEightOrFive(s, k + 1)) {
            int a = k;
            while (a > 0 && Character.isLetterOrDigit(s.charAt(a - 1))) {
                a--;
            }
            int b = k + 1;
            while (b < n && Character.isLetterOrDigit(s.charAt(b))) {
                b++;
            }
            int digits = 0;
            boolean other = false;
            for (int i = a; i < b; i++) {
                char c = s.charAt(i);
                if (digit(c)) {
                    digits++;
                } else if (c != 'B' && c != 'S') {
                    other = true;
                }
            }
            if (other || digits == 0) {
                k = b - 1;
                continue;
            }
            boolean read = false;
            for (int i = a; i < b && !read; i++) {
                char c = s.charAt(i);
                if ((c == 'B' || c == 'S') && i > a && i + 1 < b && digit(s.charAt(i - 1)) && digit(s.charAt(i + 1))) {
                    read = true;
                }
            }
            read = read || (b - a <= 4 && longGroupedNumber(s, a, b))
                    || (b - a == 2 && digits == 1 && monthFollows(s, b));
            if (read) {
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    if (c == 'B' || c == 'S') {
                        if (edits == null) {
                            edits = new ArrayList<>();
                        }
                        edits.add(new Edit(i, i + 1, c == 'B' ? "8" : "5"));
                    }
                }
            }
            k = b - 1;
        }
        return edits == null ? List.of() : edits;
    }

    private static int firstEightOrFive(String s, int from) {
        int b = s.indexOf('B', from);
        int f = s.indexOf('S', from);
        return b < 0 ? f : f < 0 ? b : Math.min(b, f);
    }

    /**
     * Whether the group {@code [a, b)} belongs to a number of at least three groups and six digits, the groups parted
     * by one space or hyphen and made of digits (and {@code B}/{@code S}) only: a phone number or BSN as a scan left it.
     */
    private static boolean longGroupedNumber(String s, int a, int b) {
        int first = a;
        while (first >= 2 && (s.charAt(first - 1) == ' ' || s.charAt(first - 1) == '-')
                && digitGroupEndingAt(s, first - 1) >= 0) {
            first = digitGroupEndingAt(s, first - 1);
        }
        int groups = 0;
        int digits = 0;
        int i = first;
        int n = s.length();
        while (true) {
            int e = i;
            while (e < n && (digit(s.charAt(e)) || s.charAt(e) == 'B' || s.charAt(e) == 'S')) {
                digits += digit(s.charAt(e)) ? 1 : 0;
                e++;
            }
            if (e == i || (e < n && Character.isLetterOrDigit(s.charAt(e)))) {
                break;
            }
            groups++;
            if (e + 1 < n && (s.charAt(e) == ' ' || s.charAt(e) == '-')
                    && (digit(s.charAt(e + 1)) || s.charAt(e + 1) == 'B' || s.charAt(e + 1) == 'S')) {
                i = e + 1;
            } else {
                break;
            }
        }
        return groups >= 3 && digits >= 6;
    }

    /** The start of the group of digits (and B/S) that ends just before the separator at {@code sep}, or -1. */
    private static int digitGroupEndingAt(String s, int sep) {
        int a = sep;
        while (a > 0 && (digit(s.charAt(a - 1)) || s.charAt(a - 1) == 'B' || s.charAt(a - 1) == 'S')) {
            a--;
        }
        return a == sep || (a > 0 && Character.isLetterOrDigit(s.charAt(a - 1))) ? -1 : a;
    }
}
