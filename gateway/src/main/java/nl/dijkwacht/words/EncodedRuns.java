package nl.dijkwacht.words;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs of a text that a language model reads as text but a reader of the raw characters does not (encoded28):
 * <b>base64</b> ({@code MTExMjIyMzMz}, standard or URL alphabet, padding optional, ≥ {@value #MIN_BASE64} characters),
 * <b>hex</b> (≥ {@value #MIN_HEX} hex digits, an even count) and <b>percent-encoding</b> (a run without white space with
 * ≥ 2 {@code %XX} escapes). A run counts only when it decodes to well-formed UTF-8 that reads as text (≥ 90 % letters,
 * digits, spaces and punctuation, no control character but tab and line breaks, a letter or digit in it): hashes,
 * API keys, random ids and images decode to bytes that are not text and are left alone. A run whose decoded text
 * holds runs again (base64 of base64, percent-encoded base64, hex of base64 …: encoded45) is read down to
 * {@value #MAX_LAYERS} layers; each layer's text is shorter than the run it came from, so a text costs at most
 * {@value #MAX_LAYERS} passes over its length, however it is nested. A value written in four-character groups
 * ({@code MTEx MjIy MzMz}, ≥ {@value #MIN_GROUPS} groups, half of them marked) is one run from its first group to its last
 * (redteam46).
 *
 * <p>{@link #mayHold} is the cheap look every text pays (one pass, no allocation): a run of ≥ {@value #MIN_BASE64}
 * base64 characters that has a digit, a {@code + / =}, or a capital after its first character (a long Dutch word has
 * none of these), or two {@code %XX} escapes. Only a text that passes it is decoded. Stateless; the JDK's
 * {@link Base64}, {@link HexFormat} and {@link URLDecoder} decode.
 */
public final class EncodedRuns {

    /** Base64 of 9 bytes: a BSN or a short word. */
    public static final int MIN_BASE64 = 12;
    /** Hex of 8 bytes. */
    public static final int MIN_HEX = 16;
    /**
     * Four-character base64 groups in a row read as one run ({@code MTEx MjIy MzMz}, redteam46): three groups are nine
     * bytes, a BSN. At least half of the groups must have a digit, {@code + /}, {@code =} or a capital after their
     * first character, as base64 of a value has and four-letter words have not ({@code Lmph}, base64 of {@code .jp}, has
     * none).
     */
    public static final int MIN_GROUPS = 3;
    /** Encodings read inside one another: base64 of base64 of base64 (a model reads two or three, rarely more). */
    public static final int MAX_LAYERS = 3;

    /**
     * An encoded run: where it stands in the text, how it was encoded (the outer encoding first, {@code +} the inner
     * ones: {@code percent+base64}), and its decoded text (every layer read).
     */
    public record Run(int start, int end, String encoding, String decoded) {
    }

    private EncodedRuns() {
    }

    /** Per ASCII character: 1 base64 (either alphabet), 2 also a mark (a digit, {@code + / =}), 4 a capital, 8 white space. */
    private static final byte[] KIND = new byte[128];
    /** {@link #kind} bits. */
    public static final int BASE64 = 1;
    public static final int MARK = 2;
    public static final int CAPITAL = 4;
    public static final int WHITE = 8;

    static {
        for (char c = 0; c < 128; c++) {
            boolean b64 = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
            boolean mark = c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
            KIND[c] = (byte) ((b64 ? 1 : 0) | (mark ? 2 : 0) | (c >= 'A' && c <= 'Z' ? 4 : 0)
                    | (Letters.whitespace(c) ? 8 : 0));
        }
    }

    /**
     * What a character is to the look for runs ({@link #BASE64}, {@link #MARK}, {@link #CAPITAL}, {@link #WHITE}), for a
     * caller that looks in its own pass ({@code purpose.EncodedReading}, encoded45).
     */
    public static int kind(char c) {
        return c < 128 ? KIND[c] : Letters.whitespace(c) ? 8 : 0;
    }

    private static boolean base64Char(char c) {
        return c < 128 && (KIND[c] & 1) != 0;
    }

    private static boolean hexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether a {@code %XX} escape starts at {@code i}. */
    public static boolean escapeAt(String s, int i) {
        return s.charAt(i) == '%' && i + 2 < s.length() && hexDigit(s.charAt(i + 1)) && hexDigit(s.charAt(i + 2));
    }

    /** Whether the text may hold an encoded run: false for ordinary prose, cheaply (see the class comment). */
    public static boolean mayHold(String s) {
        int runStart = 0;
        int marks = 0;
        int escapes = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            int k = kind(c);
            if ((k & BASE64) != 0) {
                marks |= k & MARK | (i > runStart ? k & CAPITAL : 0);
                continue;
            }
            if (i - runStart >= MIN_BASE64 && marks != 0 || (k & WHITE) != 0 && escapes >= 2) {
                return true;
            }
            runStart = i + 1;
            marks = 0;
            if ((k & WHITE) != 0) {
                escapes = 0;
            } else if (c == '%' && escapeAt(s, i)) {
                escapes++;
            }
        }
        return false;
    }

    /** The encoded runs of the text that decode to text, in order; an empty list for most texts. */
    public static List<Run> find(String s) {
        return find(s, 0, 1);
    }

    /**
     * {@link #find} from {@code from} on, a word's start before which the text holds no run (a caller's own look found
     * the first candidate in that word: the text before it is not read twice).
     */
    public static List<Run> find(String s, int from) {
        return find(s, from, 1);
    }

    /**
     * One pass: a base64 run that is long enough and marked (see the class comment) is decoded where it ends, a word
     * with two {@code %XX} escapes where it ends; nothing is allocated for a text without either. {@code layer}: 1 for
     * the text itself, 2 for a decoded run's text, …
     */
    private static List<Run> find(String s, int from, int layer) {
        List<Run> out = null;
        int n = s.length();
        int runStart = from;
        int marks = 0; // a mark or a capital after the run's first character
        int wordStart = from;
        int escapes = 0;
        // four-character groups in a row (redteam46): where the first starts, where the last ends, how many, padded
        int groupsStart = 0;
        int groupsEnd = -2;
        int groups = 0;
        int markedGroups = 0;
        boolean padded = false;
        for (int i = from; i <= n; i++) {
            int k = i < n ? kind(s.charAt(i)) : 8;
            if ((k & 1) != 0) {
                marks |= k & 2 | (i > runStart ? k & 4 : 0);
                continue;
            }
            // a base64 run ends here; is it the next of a row of groups, separated by one space or tab?
            boolean group = i - runStart == 4 && group(s, runStart);
            if (group && groups > 0 && runStart == groupsEnd + 1 && !padded) {
                groups++;
            } else {
                out = rowOfGroups(groups, markedGroups) ? groups(s, groupsStart, groupsEnd, layer, out) : out;
                groups = group ? 1 : 0;
                markedGroups = 0;
                groupsStart = runStart;
            }
            if (group) {
                groupsEnd = i;
                padded = s.charAt(i - 1) == '=';
                markedGroups += marks != 0 ? 1 : 0;
            }
            if (groups > 0 && (i == n || s.charAt(i) != ' ' && s.charAt(i) != '\t')) {
                out = rowOfGroups(groups, markedGroups) ? groups(s, groupsStart, groupsEnd, layer, out) : out;
                groups = 0;
            }
            if (i - runStart >= MIN_BASE64 && marks != 0) {
                Run r = base64OrHex(s, runStart, i, layer);
                if (r != null) {
                    out = out == null ? new ArrayList<>(2) : out;
                    out.add(r);
                }
            }
            runStart = i + 1;
            marks = 0;
            if ((k & 8) != 0) {
                // a word ends here
                if (escapes >= 2) {
                    Run r = percent(s, wordStart, i, layer);
                    if (r != null) {
                        // a base64 run found inside this word stays out (one reading of a word)
                        // from the end (runs are in order): a removeIf over the whole list made many short
                        // words quadratic (encoded45: 512 KB of "%41%42 " took 2.7 s)
                        while (out != null && !out.isEmpty() && out.getLast().start() >= r.start()) {
                            out.removeLast();
                        }
                        out = out == null ? new ArrayList<>(2) : out;
                        out.add(r);
                    }
                }
                wordStart = i + 1;
                escapes = 0;
            } else if (i < n && s.charAt(i) == '%' && escapeAt(s, i)) {
                escapes++;
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Enough groups for a value, at least half of them marked (a digit, {@code + / =}, or a capital after the first
     * character): base64 of text is, a row of four-letter words is not ({@code deze twee zijn niet}).
     */
    private static boolean rowOfGroups(int groups, int marked) {
        return groups >= MIN_GROUPS && 2 * marked >= groups;
    }

    /**
     * A four-character base64 group at {@code from}: the standard alphabet, {@code =} only as padding at its end
     * ({@code MQ==}).
     */
    private static boolean group(String s, int from) {
        for (int k = from; k < from + 4; k++) {
            char c = s.charAt(k);
            if (c == '-' || c == '_' || c == '=' && !(k >= from + 2 && (k == from + 3 || s.charAt(k + 1) == '='))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The row of groups {@code [from, to)} read as one base64 run with its spaces left out ({@code MTEx MjIy MzMz} is
     * {@code MTExMjIyMzMz}: a value written in groups, redteam46), added to {@code out} when it decodes to text. A
     * four-letter word before or after the value is a group too ({@code mail amFu Lmph …}, {@code … MzMz voor}): the row
     * is read first without the unmarked groups at its ends, then whole.
     */
    private static List<Run> groups(String s, int from, int to, int layer, List<Run> out) {
        int first = from;
        int last = to;
        while (first < last && !markedGroup(s, first)) {
            first += 5;
        }
        while (last > first && !markedGroup(s, last - 4)) {
            last -= 5;
        }
        Run r = (last - first + 1) / 5 >= MIN_GROUPS ? joined(s, first, last, layer) : null;
        if (r == null && (first != from || last != to)) {
            first = from;
            last = to;
            r = joined(s, from, to, layer);
        }
        if (r == null) {
            return out;
        }
        List<Run> runs = out == null ? new ArrayList<>(2) : out;
        runs.add(new Run(first, last, r.encoding(), r.decoded()));
        return runs;
    }

    private static Run joined(String s, int from, int to, int layer) {
        StringBuilder joined = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t') {
                joined.append(c);
            }
        }
        return base64OrHex(joined.toString(), 0, joined.length(), layer);
    }

    /** The group at {@code at} has a digit, {@code + / =} or a capital after its first character. */
    private static boolean markedGroup(String s, int at) {
        for (int k = at; k < at + 4; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || k > at && c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** The text with each run replaced by its decoded text; the text itself (the same object) when it has none. */
    public static String decoded(String s) {
        return decoded(s, find(s));
    }

    /** {@code s} with the given runs (of {@link #find}{@code (s)}) replaced by their decoded text. */
    public static String decoded(String s, List<Run> runs) {
        if (runs.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int at = 0;
        for (Run r : runs) {
            b.append(s, at, r.start()).append(r.decoded());
            at = r.end();
        }
        return b.append(s, at, s.length()).toString();
    }

    /** The run {@code [from, to)}, or its first part between {@code =} signs that decodes (a "key=value" parts there). */
    private static Run base64OrHex(String s, int from, int to, int layer) {
        // '=' only as padding at the end; parts taken one after the other (a recursion would be as deep as the '=' count)
        int end = to;
        while (end > from && s.charAt(end - 1) == '=') {
            end--;
        }
        int part = from;
        for (int k = from; k < end; k++) {
            if (s.charAt(k) == '=') {
                Run r = base64OrHex(s, part, k, k, layer);
                if (r != null) {
                    return r;
                }
                part = k + 1;
            }
        }
        return base64OrHex(s, part, end, to, layer);
    }

    /** {@code [from, end)} without padding, {@code [from, to)} with it. */
    private static Run base64OrHex(String s, int from, int end, int to, int layer) {
        int len = end - from;
        if (len < MIN_BASE64) {
            return null;
        }
        String run = s.substring(from, end);
        if (len >= MIN_HEX && len % 2 == 0 && allHex(run)) {
            String text = text(HexFormat.of().parseHex(run));
            if (text != null) {
                return layered(from, to, "hex", text, layer);
            }
        }
        boolean url = run.indexOf('-') >= 0 || run.indexOf('_') >= 0;
        // checked first, so that the decoder throws for nothing an ordinary text holds (an exception costs microseconds)
        if (len % 4 == 1 || url && (run.indexOf('+') >= 0 || run.indexOf('/') >= 0) || !marked(run)) {
            return null;
        }
        byte[] bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(run);
        String text = text(bytes);
        return text == null ? null : layered(from, to, "base64", text, layer);
    }

    /** The run with its text's own runs read too, down to {@link #MAX_LAYERS} (encoded45). */
    private static Run layered(int from, int to, String encoding, String text, int layer) {
        if (layer < MAX_LAYERS) {
            List<Run> inner = find(text, 0, layer + 1);
            if (!inner.isEmpty()) {
                return new Run(from, to, encoding + "+" + inner.getFirst().encoding(), decoded(text, inner));
            }
        }
        return new Run(from, to, encoding, text);
    }

    /** A digit, {@code + /}, or a capital after the first character: what base64 of a text has and a long word has not. */
    private static boolean marked(String run) {
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            if (c >= '0' && c <= '9' || c == '+' || c == '/' || k > 0 && c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static boolean allHex(String run) {
        for (int k = 0; k < run.length(); k++) {
            if (!hexDigit(run.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static Run percent(String s, int from, int to, int layer) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '%' && !escapeAt(s, k)) {
                return null; // "100%" and the like: URLDecoder would throw
            }
        }
        // only the escapes: a '+' stays a '+' (URLDecoder reads it as a space)
        String text = URLDecoder.decode(s.substring(from, to).replace("+", "%2B"), StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') >= 0 || !readsAsText(text) ? null : layered(from, to, "percent", text, layer);
    }

    /** The bytes as text when they are well-formed UTF-8 that reads as text; else null (without an exception). */
    static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7F) {
                return null; // a control character: not text (most random bytes stop here)
            }
        }
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (decoder.decode(ByteBuffer.wrap(bytes), out, true).isError() || decoder.flush(out).isError()) {
            return null;
        }
        String t = out.flip().toString();
        return readsAsText(t) ? t : null;
    }

    private static boolean readsAsText(String t) {
        int good = 0;
        boolean letterOrDigit = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            boolean ld = Letters.letterOrDigit(c);
            letterOrDigit |= ld;
            int type = Character.getType(c);
            good += ld || c == ' ' || c == '\n' || c == '\t' || c == '\r'
                    || type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                    || type == Character.MATH_SYMBOL || type == Character.CURRENCY_SYMBOL ? 1 : 0;
        }
        return letterOrDigit && good * 10 >= t.length() * 9;
    }
}
