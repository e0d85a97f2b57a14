package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * The edits of a decoding pass ({@link BackslashEscapes}, {@link HtmlCharacterReferences}, {@link EmphasisMarks},
 * {@link QuotedPrintable}, {@link HtmlMarkup}, {@link RtfText}), read in place as a browser or a model reads them —
 * joined — with the text as written also kept, at the text's end ({@link Edit#copy}), where the join changes what a
 * value is. An edit right after another is read against the character the earlier one decoded to, not the escape's
 * last character.
 *
 * <p>Where an edit puts a letter against a digit, both readings hold a value: joined, {@code NW3F<b>4</b>2B71} is a
 * passport number and {@code jansen<b>1980</b>@example.nl} an address (tagjoin51: kept apart with a space, as review50
 * had it, they went out); kept apart, {@code 111222333\x41}, {@code BSN<b>111222333</b>} and CSS's
 * {@code \33 graag} (the escape's space is read away) hold a BSN that no recognizer's edge finds joined. The values on
 * both sides ({@link #valueStart}, {@link #valueEnd}) are then also read kept apart — this pass's edits decoded, a space
 * between a letter and a digit — on a line at the text's end ({@link Edit#reading}). Where an edit joins digits of the
 * original to more digits — {@code 111222333\x31}, {@code 111222333<b>1</b>}, {@code 111222333**1}, a soft line
 * break — the number read whole is longer than the one written (redteam51: {@code 1112223331}); the value before it
 * and the edit's original text are copied as written ({@link Edit#copy}). A value split by the escape
 * ({@code 111\x32\x32\x32333}) is read whole in place and needs neither.
 */
final class KeptApartEdits {

    private List<Edit> edits;
    /** For each of {@link #edits}, its text with a space where it puts a letter against a digit. */
    private List<String> apart;
    private List<Edit> copies;
    /** Ranges [start, end) to read again kept apart, in pairs. */
    private int[] readings = new int[0];
    private int readingCount;
    private int lastEnd = -1;
    private char lastChar = ' ';
    /** Start of the digits of the original before the last edits that decoded to nothing, or -1. */
    private int digitsBefore = -1;
    /** Start of the run of adjacent edits the last one belongs to. */
    private int runStart = -1;

    /** Replace [start, end) of {@code s} by {@code decoded}. */
    void add(String s, int start, int end, String decoded) {
        add(s, start, end, decoded, false);
    }

    /**
     * As {@link #add(String, int, int, String)}; a {@code moved} edit also puts [start, end) as written at the text's
     * end ({@link Edit#moved}).
     */
    void add(String s, int start, int end, String decoded, boolean moved) {
        if (edits == null) {
            edits = new ArrayList<>();
            apart = new ArrayList<>();
        }
        boolean adjacent = start == lastEnd;
        runStart = adjacent ? runStart : start;
        char before = adjacent ? lastChar : start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        String keptApart = keptApart(before, decoded, after);
        edits.add(new Edit(start, end, decoded, moved));
        apart.add(keptApart);
        int digitsFrom = adjacent ? digitsBefore : start > 0 && digit(s.charAt(start - 1)) ? valueStart(s, start) : -1;
        if (!keptApart.equals(decoded)) {
            readAgain(valueStart(s, runStart), valueEnd(s, end));
        } else if (digitsFrom >= 0 && digitsFrom < start && (decoded.isEmpty() ? digit(after) : digit(decoded.charAt(0)))) {
            if (copies == null) {
                copies = new ArrayList<>();
            }
            copies.add(Edit.copy(digitsFrom, end));
        }
        digitsBefore = decoded.isEmpty() ? digitsFrom : -1;
        lastEnd = end;
        lastChar = decoded.isEmpty() ? before : decoded.charAt(decoded.length() - 1);
    }

    private void readAgain(int start, int end) {
        if (readingCount > 0 && start <= readings[readingCount - 1]) {
            // overlaps the last one (GX<b>214</b>T): one line, not two
            readings[readingCount - 2] = Math.min(start, readings[readingCount - 2]);
            readings[readingCount - 1] = Math.max(end, readings[readingCount - 1]);
            return;
        }
        if (readingCount == readings.length) {
            readings = Arrays.copyOf(readings, Math.max(8, readingCount * 2));
        }
        readings[readingCount++] = start;
        readings[readingCount++] = end;
    }

    List<Edit> list() {
        if (edits == null) {
            return List.of();
        }
        List<Edit> regular = List.copyOf(edits);
        for (int r = 0; r < readingCount; r += 2) {
            appendReading(regular, readings[r], readings[r + 1]);
        }
        if (copies != null) {
            edits.addAll(copies);
        }
        return edits;
    }

    /** [start, end) widened to whole edits, read with each edit kept apart, as pieces of a line at the text's end. */
    private void appendReading(List<Edit> regular, int start, int end) {
        int first = firstEndingAfter(regular, start);
        if (first < regular.size() && regular.get(first).start() < start) {
            start = regular.get(first).start();
        }
        boolean opens = true;
        int cursor = start;
        for (int k = first; k < regular.size() && regular.get(k).start() < end; k++) {
            Edit e = regular.get(k);
            if (e.start() > cursor) {
                edits.add(Edit.reading(cursor, e.start(), null, opens));
                opens = false;
            }
            edits.add(Edit.reading(e.start(), e.end(), apart.get(k), opens));
            opens = false;
            cursor = e.end();
        }
        if (end > cursor) {
            edits.add(Edit.reading(cursor, end, null, opens));
        }
    }

    /** Index of the first edit ending after {@code position} (edits are sorted and do not overlap). */
    private static int firstEndingAfter(List<Edit> regular, int position) {
        int low = 0;
        int high = regular.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (regular.get(mid).end() <= position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Most a copy takes before the edit: a value and the words around it, not a paragraph. */
    static final int MAX_BEFORE = 64;

    /**
     * Where the value that ends at {@code end} starts: back over letters and digits and single separators between them
     * ({@code 12-03-1985}, {@code 06 12345678}, {@code NL91ABNA0417164300}), at most {@link #MAX_BEFORE} characters and
     * never inside a word or number (a copy cut inside one would show a number that is not there).
     */
    private static int valueStart(String s, int end) {
        int i = end;
        int limit = Math.max(0, end - MAX_BEFORE);
        while (i > limit) {
            char c = s.charAt(i - 1);
            if (Character.isLetterOrDigit(c)
                    || (c == '-' || c == '.' || c == '/' || c == ' ') && i - 1 > limit && Character.isLetterOrDigit(s.charAt(i - 2))) {
                i--;
            } else {
                break;
            }
        }
        if (i == limit && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            while (i < end && Character.isLetterOrDigit(s.charAt(i))) {
                i++; // cut inside a word: start after it
            }
        }
        return i;
    }

    /**
     * Where the value that starts at {@code start} ends: as {@link #valueStart}, forward (a copy's value after a join:
     * {@code BSN<b>111222333}).
     */
    private static int valueEnd(String s, int start) {
        int i = start;
        int n = s.length();
        int limit = Math.min(n, start + MAX_BEFORE);
        while (i < limit) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)
                    || (c == '-' || c == '.' || c == '/' || c == ' ') && i + 1 < limit && Character.isLetterOrDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (i == limit && i < n && Character.isLetterOrDigit(s.charAt(i))) {
            while (i > start && Character.isLetterOrDigit(s.charAt(i - 1))) {
                i--; // cut inside a word: end before it
            }
        }
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code text} between {@code before} and {@code after}, with a space at an edge where it puts a letter against a digit. */
    static String keptApart(char before, String text, char after) {
        if (text.isEmpty()) {
            return apart(before, after) ? " " : text;
        }
        String out = apart(before, text.charAt(0)) ? " " + text : text;
        return apart(text.charAt(text.length() - 1), after) ? out + " " : out;
    }

    private static boolean apart(char a, char b) {
        return Character.isLetter(a) && Character.isDigit(b) || Character.isDigit(a) && Character.isLetter(b);
    }
}
