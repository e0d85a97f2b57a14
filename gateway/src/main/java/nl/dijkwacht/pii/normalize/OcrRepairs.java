package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Repairs of scanned (OCR) text, as edits of the normal form (so findings still map back to the original):
 * <ul>
 *   <li>{@link #letterSpacingEdits}: letter-spaced text closed up ({@code S i m o n e   B e r g k a m p} →
 *       {@code Simone Bergkamp}, {@code 9 7 1 1 R S} → {@code 9711RS}), as a scanned form's boxes leave it;</li>
 *   <li>{@link #digitEdits}: {@code O}/{@code o} → {@code 0} and {@code I}/{@code l} → {@code 1} in numbers —
 *       groups of digits and these letters joined by {@code -}, {@code .}, {@code /} or a space
 *       ({@code 772l}, {@code O6-79406318}, {@code l-l-l99l}, {@code 24l6 3741 l1}), and {@code ll} before a month
 *       name ({@code ll maart l935});</li>
 *   <li>{@link #boxEdits}: a scanned form's boxes read with bars between them closed up ({@code 2|9|O|4|1|9|3|6} →
 *       {@code 29O41936}), as letter-spaced digits are;</li>
 *   <li>{@link #eightAndFiveEdits}: {@code B} → {@code 8} and {@code S} → {@code 5} where a number leaves no other
 *       reading: between two digits ({@code 3621B45}), at the edge of a group of a long grouped number
 *       ({@code 06 l5 7B 2O 94}) and in a day before a month name ({@code 1B april});</li>
 *   <li>{@link #lineBreakEdits}: a word hyphenated at a line end joined ({@code Wolt-\nhuis} → {@code Wolthuis},
 *       {@code Oosterhuis-\nDijkstra} → {@code Oosterhuis-Dijkstra}), and a number broken over two lines bridged when
 *       the two parts together have the length of an identifier (9–11 digits: {@code 06 4755\n5810});</li>
 *   <li>{@link #wordEdits}: {@code 0} → {@code o}/{@code O} and {@code 1} → {@code l}/{@code I} between letters of a
 *       word ({@code K1aas}, {@code M0HAMED}).</li>
 * </ul>
 * Guards keep ordinary text as it is: a group of these letters alone is no number ({@code Blad l}, {@code o.a.}),
 * a lone {@code I} stays (a house-number addition such as {@code 20-I}), and lines of a table are never bridged.
 */
final class OcrRepairs {

    private static final Set<String> MONTHS = Set.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul",
            "aug", "sep", "sept", "okt", "nov", "dec");

    private OcrRepairs() {
    }

    // ---- letters inside a Dutch IBAN ----

    private static final Pattern OCR_IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])NL[0-9OIl]{2} ?[A-Z]{4} ?(?:[0-9OIl] ?){9}[0-9OIl](?![A-Za-z0-9])");

    /**
     * {@code NL12ABNA23O4856O47}: {@code O} → {@code 0} and {@code I}/{@code l} → {@code 1} in the check digits and
     * the account number of a Dutch IBAN (the bank code stays letters); the IBAN recognizer still checks mod-97.
     * The digit repair above leaves these alone, as the letters are glued to the bank code.
     */
    static List<Edit> ibanEdits(String s) {
        List<Edit> edits = null;
        // tried only where "NL" stands (same matches as find(): the leading look-behind kept the regex engine from
        // skipping ahead to the literal, so find() ran the pattern at every character of the text)
        Matcher m = OCR_IBAN.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = s.indexOf("NL"); at >= 0; at = s.indexOf("NL", at)) {
            if (!m.region(at, s.length()).lookingAt()) {
                at++;
                continue;
            }
            at = m.end();
            int k = m.start() + 2;
            List<Integer> digitPositions = new ArrayList<>(18);
            digitPositions.add(k);
            digitPositions.add(k + 1);
            k += 2;
            if (s.charAt(k) == ' ') {
                k++;
            }
            k += 4; // the bank code stays letters ("RABO", "INGB")
            for (; k < m.end(); k++) {
                if (s.charAt(k) != ' ') {
                    digitPositions.add(k);
                }
            }
            for (int p : digitPositions) {
                char c = s.charAt(p);
                if (c == 'O' || c == 'I' || c == 'l') {
                    if (edits == null) {
                        edits = new ArrayList<>();
                    }
                    edits.add(new Edit(p, p + 1, c == 'O' ? "0" : "1"));
                }
            }
        }
        return edits == null ? List.of() : edits;
    }

    // ---- letters inside numbers ----

    /** Whether every group without a digit is one or two of {@code l} and {@code O} ({@code ll}, {@code O}). */
    private static boolean lookAlikeGroupsOnly(String s, List<int[]> tokens) {
        for (int[] t : tokens) {
            if (t[2] == 0 && (t[1] - t[0] > 2 || !s.substring(t[0], t[1]).chars().allMatch(c -> c == 'l' || c == 'O'))) {
                return false;
            }
        }
        return true;
    }

    static List<Edit> digitEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int i = 0;
        List<int[]> tokens = new ArrayList<>(4);
        while (i < n) {
            char c = s.charAt(i);
            if (!numeric(c) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            tokens.clear();
            int digits = 0;
            int letters = 0;
            int j = i;
            boolean spaceOnlyJoins = true;
            int lettersOnlyTokens = 0;
            while (true) {
                int a = j;
                int d = 0;
                while (j < n && numeric(s.charAt(j))) {
                    if (digit(s.charAt(j))) {
                        d++;
                    }
                    j++;
                }
                if (j < n && Character.isLetterOrDigit(s.charAt(j))) {
                    j = a; // glued to a word: not a number, and the group ends before it
                    break;
                }
                tokens.add(new int[] {a, j, d});
                digits += d;
                letters += j - a - d;
                if (d == 0) {
                    lettersOnlyTokens++;
                }
                int next = separatorEnd(s, j);
                if (next < 0 || next >= n || !numeric(s.charAt(next))) {
                    break;
                }
                if (s.charAt(j) != ' ' || next - j > 1) {
                    spaceOnlyJoins = false;
                }
                j = next;
            }
            if (tokens.isEmpty()) {
                i = wordEnd(s, i);
                continue;
            }
            boolean convert = letters > 0 && digits >= 1 && letters <= digits + 2
                    // "12 lo": a group of letters joined by a space alone is a word, not part of the number, unless
                    // the number is long and the groups are "l"/"O" pairs of a phone number ("+3l 6 44 O3 ll 82")
                    && !(spaceOnlyJoins && lettersOnlyTokens > 0 && !(digits >= 6 && tokens.size() >= 4
                    && lookAlikeGroupsOnly(s, tokens)));
            if (!convert && digits == 0 && tokens.size() == 1 && j - i <= 2 && monthFollows(s, j)) {
                convert = true; // "ll maart"
            }
            if (convert) {
                for (int[] t : tokens) {
                    if (t[1] - t[0] == 1 && s.charAt(t[0]) == 'I') {
                        continue; // "20-I": a house-number addition
                    }
                    for (int k = t[0]; k < t[1]; k++) {
                        char l = s.charAt(k);
                        if (!digit(l)) {
                            if (edits == null) {
                                edits = new ArrayList<>();
                            }
                            edits.add(new Edit(k, k + 1, l == 'O' || l == 'o' ? "0" : "1"));
                        }
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
        return edits == null ? List.of() : edits;
    }

    /** After a group at {@code j}: the start of the next group when a single separator follows, else -1. */
    private static int separatorEnd(String s, int j) {
        int n = s.length();
        if (j >= n) {
            return -1;
        }
        char c = s.charAt(j);
        if (c == ' ' && j + 2 < n && s.charAt(j + 1) == '-' && s.charAt(j + 2) == ' ') {
            return j + 3; // "O7 - O9 - 2Ol7"
        }
        return c == '-' || c == '.' || c == '/' || c == ' ' ? j + 1 : -1;
    }

    private static boolean monthFollows(String s, int j) {
        if (j >= s.length() || s.charAt(j) != ' ') {
            return false;
        }
        int a = j + 1;
        int b = a;
        while (b < s.length() && Character.isLetter(s.charAt(b))) {
            b++;
        }
        return b > a && MONTHS.contains(s.substring(a, b).toLowerCase(Locale.ROOT));
    }

    private static int wordEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return Math.max(j, i + 1);
    }

    // ---- B and S inside numbers ----

    /**
     * {@code B} → {@code 8} and {@code S} → {@code 5}, run after {@link #digitEdits} (so {@code O} and {@code l} are
     * digits already). These letters open and close many codes and house numbers ({@code 3B}, {@code S12}, {@code B2B}),
     * so a lone group is never read: only a letter between two digits of a group of digits and these letters
     * ({@code 3621B45}, {@code 2B4}), one at the edge of a group of a number of at least three groups and six digits
     * parted by single spaces or hyphens ({@code 06 15 7B 20 94}), or a day of one digit and the letter before a month
     * name ({@code 1B april}). A group glued to any other letter ({@code X12B3}, {@code BOR-2211}) is left alone.
     */
    static List<Edit> eightAndFiveEdits(String s) {
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

    // ---- boxes parted by bars ----

    /** Fewest boxes in a row: a date has eight, a BSN nine. */
    private static final int BOX_RUN = 8;

    /**
     * Single digits (or {@code O}/{@code o}/{@code l}/{@code I}) parted by {@code |} and nothing else, at least
     * {@link #BOX_RUN} of them, not inside a table row's bars ({@code |} just before or after the run): the bars go.
     */
    static List<Edit> boxEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        for (int bar = s.indexOf('|'); bar > 0 && bar + 1 < n; bar = s.indexOf('|', bar + 1)) {
            int a = bar - 1;
            if (!boxChar(s.charAt(a)) || (a > 0 && s.charAt(a - 1) != ' ' && s.charAt(a - 1) != ':'
                    && s.charAt(a - 1) != '\t' && s.charAt(a - 1) != '\n')) {
                continue;
            }
            int count = 1;
            int e = a + 1;
            while (e + 1 < n && s.charAt(e) == '|' && boxChar(s.charAt(e + 1))
                    && (e + 2 == n || !Character.isLetterOrDigit(s.charAt(e + 2)))) {
                count++;
                e += 2;
            }
            boolean closed = e == n || s.charAt(e) != '|';
            if (count >= BOX_RUN && closed && (e == n || !Character.isLetterOrDigit(s.charAt(e)))) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                for (int k = a + 1; k < e; k += 2) {
                    edits.add(new Edit(k, k + 1, ""));
                }
            }
            bar = Math.max(bar, e);
        }
        return edits == null ? List.of() : edits;
    }

    private static boolean boxChar(char c) {
        return digit(c) || c == 'O' || c == 'o' || c == 'l' || c == 'I';
    }

    // ---- letter-spaced text ----

    /** Fewest single characters in a row before a run counts as letter-spaced: {@code a b c} in prose stays. */
    private static final int SPACED_RUN = 5;
    /** Widest gap read as a word break inside a letter-spaced run; wider ones part the columns of a table. */
    private static final int SPACED_WORD_GAP = 4;

    /**
     * Single letters, digits or hyphens parted by one space, at least {@link #SPACED_RUN} of them on one line: the
     * single spaces go, a gap of two to {@link #SPACED_WORD_GAP} spaces becomes one (the word break of the original).
     */
    static List<Edit> letterSpacingEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!singleAt(s, i)) {
                i++;
                continue;
            }
            int count = 1;
            int singleGaps = 0;
            int end = i + 1;
            List<Edit> run = null; // most single characters stand alone: no list for them
            while (end < n && s.charAt(end) == ' ') {
                int k = end;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
                int gap = k - end;
                if (gap > SPACED_WORD_GAP || k >= n || !singleAt(s, k)) {
                    break;
                }
                if (run == null) {
                    run = new ArrayList<>();
                }
                run.add(new Edit(end, k, gap == 1 ? "" : " "));
                singleGaps += gap == 1 ? 1 : 0;
                count++;
                end = k + 1;
            }
            if (count >= SPACED_RUN && singleGaps >= SPACED_RUN - 1) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.addAll(run);
            }
            i = end;
        }
        return edits == null ? List.of() : edits;
    }

    /** A character standing alone between white space (or the text's ends): a letter, a digit or a hyphen. */
    private static boolean singleAt(String s, int i) {
        // the white space first: it rules out nearly every character of running text at once
        return (i == 0 || Character.isWhitespace(s.charAt(i - 1)))
                && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))
                && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-');
    }

    // ---- line breaks ----

    static List<Edit> lineBreakEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        for (int i = s.indexOf('\n'); i > 0 && i + 1 < n; i = s.indexOf('\n', i + 1)) {
            Edit e = null;
            char next = s.charAt(i + 1);
            if (i >= 3 && s.charAt(i - 1) == '-' && Character.isLetter(s.charAt(i - 2))
                    && Character.isLetter(s.charAt(i - 3)) && Character.isLetter(next)) {
                e = Character.isLowerCase(next) ? new Edit(i - 1, i + 1, "") : new Edit(i, i + 1, "");
            } else if (digit(s.charAt(i - 1)) && digit(next)) {
                e = bridge(s, i);
            }
            if (e != null) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.add(e);
            }
        }
        return edits == null ? List.of() : edits;
    }

    /**
     * "06 4755\n5810": the line break is bridged when both parts together have an identifier's 9–11 digits and
     * neither is one already: a space between groups of at most four digits ({@code 06 4755 5810}), else the parts
     * are joined ({@code 99996888\n9} → {@code 999968889}).
     */
    private static Edit bridge(String s, int newline) {
        int before = 0;
        int k = newline - 1;
        while (k >= 0) {
            char c = s.charAt(k);
            if (digit(c)) {
                before++;
                k--;
            } else if ((c == ' ' || c == '-' || c == '.') && k > 0 && digit(s.charAt(k - 1))) {
                k--;
            } else {
                break;
            }
        }
        int groupBefore = 0;
        for (int g = newline - 1; g >= 0 && digit(s.charAt(g)); g--) {
            groupBefore++;
        }
        int groupAfter = 0;
        for (int g = newline + 1; g < s.length() && digit(s.charAt(g)); g++) {
            groupAfter++;
        }
        int after = 0;
        int e = newline + 1;
        while (e < s.length()) {
            char c = s.charAt(e);
            if (digit(c)) {
                after++;
                e++;
            } else if ((c == ' ' || c == '-' || c == '.') && e + 1 < s.length() && digit(s.charAt(e + 1))) {
                e++;
            } else {
                break;
            }
        }
        int total = before + after;
        if (total < 9 || total > 11 || before >= 9 || after >= 9 || postcodeLetters(s, e) || tableLine(s, newline)
                || (k >= 0 && s.charAt(k) == ',') || (e < s.length() && s.charAt(e) == ',')) {
            return null;
        }
        return new Edit(newline, newline + 1, groupBefore <= 4 && groupAfter <= 4 ? " " : "");
    }

    /** " AB" after the digits: the second line starts with a postcode (an address block), not a continuation. */
    private static boolean postcodeLetters(String s, int e) {
        int n = s.length();
        return e + 2 < n && s.charAt(e) == ' ' && Character.isUpperCase(s.charAt(e + 1))
                && Character.isUpperCase(s.charAt(e + 2)) && (e + 3 >= n || !Character.isLetter(s.charAt(e + 3)));
    }

    private static boolean tableLine(String s, int newline) {
        int start = s.lastIndexOf('\n', newline - 1) + 1;
        int end = s.indexOf('\n', newline + 1);
        if (end < 0) {
            end = s.length();
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '\t' || c == ';' || c == '|') {
                return true;
            }
        }
        return false;
    }

    // ---- digits inside words ----

    static List<Edit> wordEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        int done = 0;
        for (int k = 1; k + 1 < n; k++) {
            char c = s.charAt(k);
            if ((c != '0' && c != '1') || k < done || !Character.isLetter(s.charAt(k - 1))
                    || !Character.isLetter(s.charAt(k + 1))) {
                continue;
            }
            int i = k;
            while (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                i--;
            }
            int j = k;
            int letters = 0;
            int confused = 0;
            boolean otherDigit = false;
            for (j = i; j < n && Character.isLetterOrDigit(s.charAt(j)); j++) {
                char w = s.charAt(j);
                if (Character.isLetter(w)) {
                    letters++;
                } else if ((w == '0' || w == '1') && j > i && j + 1 < n && Character.isLetter(s.charAt(j - 1))
                        && Character.isLetter(s.charAt(j + 1))) {
                    confused++;
                } else {
                    otherDigit = true;
                }
            }
            done = j;
            if (confused > 2 || otherDigit || letters < 3) {
                continue;
            }
            for (int m = i + 1; m < j - 1; m++) {
                char w = s.charAt(m);
                if (w == '0' || w == '1') {
                    boolean upper = Character.isUpperCase(s.charAt(m - 1)) && Character.isUpperCase(s.charAt(m + 1));
                    if (edits == null) {
                        edits = new ArrayList<>();
                    }
                    edits.add(new Edit(m, m + 1, w == '0' ? (upper ? "O" : "o") : (upper ? "I" : "l")));
                }
            }
        }
        edits = leadingZeroEdits(s, edits);
        return edits == null ? List.of() : edits;
    }

    /** "0UATTARA": a zero opening a word of at least three further capitals (and nothing else) is the letter O. */
    private static List<Edit> leadingZeroEdits(String s, List<Edit> edits) {
        int n = s.length();
        for (int k = s.indexOf('0'); k >= 0 && k + 3 < n; k = s.indexOf('0', k + 1)) {
            if (k > 0 && Character.isLetterOrDigit(s.charAt(k - 1))) {
                continue;
            }
            int j = k + 1;
            while (j < n && Character.isUpperCase(s.charAt(j))) {
                j++;
            }
            if (j - k - 1 >= 3 && (j == n || !Character.isLetterOrDigit(s.charAt(j)))) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                edits.add(new Edit(k, k + 1, "O"));
                edits.sort(java.util.Comparator.comparingInt(Edit::start));
            }
        }
        return edits;
    }

    private static boolean numeric(char c) {
        return digit(c) || c == 'O' || c == 'o' || c == 'I' || c == 'l';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
