package nl.dijkwacht.pii.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Backslash escapes read as the characters they stand for: a value pasted from JSON, a log line, source code, a
 * stylesheet, Markdown or RTF. The model reads them as the characters; the scan read letters and digits of the escape.
 * <ul>
 *   <li>backslash-u and four hexadecimal digits (a surrogate pair as the one character it encodes, a lone surrogate
 *       left), {@code U} and eight, {@code x} and two (redteam50: {@code \}{@code u0031\}{@code u0031…}, {@code \x31},
 *       Python's {@code json.dumps} writing "Ren" + backslash-u {@code 00e9});</li>
 *   <li>CSS escapes, one to six hexadecimal digits and one white space that ends them ({@code \31 \31 \31},
 *       {@code jan\40 example.nl}; redteam51), read only for a character up to U+024F (digits, {@code @}, Latin
 *       letters: what a disguise needs) and only with a decimal digit among the hex digits and no letter or digit right
 *       after them, so a Windows path keeps its folders ({@code \Bea}, {@code \2024\}, {@code \0201234567}); the
 *       ending space is kept between a decoded digit and more digits ({@code \30 111222333} stays a BSN after a digit,
 *       review51; {@code CSS.escape}'s {@code #\31 11222333} is therefore read as {@code 1 11222333});</li>
 *   <li>a backslash before ASCII punctuation read away, as Markdown, Telegram and regular expressions escape it
 *       ({@code 06\-12345678}, {@code jan\.jansen\@example\.nl}); LaTeX's thin space {@code \,} as a space
 *       ({@code 111\,222\,333});</li>
 *   <li>RTF's {@code \'hh}, a byte in Windows-1252 ({@code Ren\'e9}, {@code \'31}).</li>
 * </ul>
 * A decoded control or format character is not read (the escape stays as written). Each character then goes through
 * the code-point pass like any other ({@link TextNormalizer#characters}). One layer only: a doubled backslash is not
 * looked through, as a JSON reader does not; {@code \n} and {@code \t} stay (a path's {@code \new} is a folder).
 */
final class BackslashEscapes {

    /** RTF's {@code \'hh} by its byte: the Windows-1252 character, or null for none or one that is not read. */
    private static final String[] WINDOWS_1252 = windows1252();
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~";
    /** The last code point a CSS escape is read for: Latin Extended-B, past every Dutch letter. */
    private static final int LAST_CSS = 0x24F;

    private BackslashEscapes() {
    }

    /**
     * Replacements of every escape in {@code s}, sorted and not overlapping, then the copies {@link KeptApartEdits} adds;
     * none when {@code s} has no backslash.
     */
    static List<Edit> edits(String s) {
        int slash = s.indexOf('\\');
        if (slash < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (; slash >= 0 && slash + 1 < n; slash = s.indexOf('\\', slash + 1)) {
            char kind = s.charAt(slash + 1);
            if (kind == '\\') {
                slash++; // an escaped backslash: what follows is text
                continue;
            }
            int end;
            if (kind == 'u' || kind == 'U' || kind == 'x') {
                end = codeEscape(s, slash, edits);
            } else if (kind == '\'' && slash + 3 < n && hexDigit(s.charAt(slash + 2)) >= 0 && hexDigit(s.charAt(slash + 3)) >= 0) {
                end = rtfByte(s, slash, edits);
            } else if (hexDigit(kind) >= 0) {
                end = cssEscape(s, slash, edits);
            } else if (PUNCTUATION.indexOf(kind) >= 0) {
                edits.add(s, slash, slash + 2, kind == ',' ? " " : String.valueOf(kind));
                end = slash + 2;
            } else {
                end = slash;
            }
            if (end > slash) {
                slash = end - 1;
            }
        }
        return edits.list();
    }

    /** Backslash-u, -U or -x and its hexadecimal digits at {@code slash}; the end of what was read, or {@code slash}. */
    private static int codeEscape(String s, int slash, KeptApartEdits edits) {
        int n = s.length();
        char kind = s.charAt(slash + 1);
        int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 2;
        int value = hex(s, slash + 2, digits);
        if (value < 0 || value > Character.MAX_CODE_POINT) {
            return slash;
        }
        int end = slash + 2 + digits;
        if (Character.isHighSurrogate((char) value) && kind == 'u') {
            int low = end + 6 <= n && s.charAt(end) == '\\' && s.charAt(end + 1) == 'u' ? hex(s, end + 2, 4) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                return slash;
            }
            value = Character.toCodePoint((char) value, (char) low);
            end += 6;
        } else if (value >= 0xD800 && value <= 0xDFFF) {
            return slash;
        }
        edits.add(s, slash, end, TextNormalizer.characters(Character.toString(value)));
        return end;
    }

    /** A CSS escape at {@code slash} (see the class comment); the end of what was read, or {@code slash}. */
    private static int cssEscape(String s, int slash, KeptApartEdits edits) {
        int n = s.length();
        int i = slash + 1;
        int value = 0;
        boolean decimal = false;
        while (i < n && i - slash <= 6 && hexDigit(s.charAt(i)) >= 0) {
            value = value * 16 + hexDigit(s.charAt(i));
            decimal |= s.charAt(i) <= '9';
            i++;
        }
        if (!decimal || value > LAST_CSS || (i < n && Character.isLetterOrDigit(s.charAt(i))) || !readable(value)) {
            return slash;
        }
        int end = i;
        if (end < n && (s.charAt(end) == ' ' || s.charAt(end) == '\t' || s.charAt(end) == '\n')) {
            end++;
        } else if (end + 1 < n && s.charAt(end) == '\r' && s.charAt(end + 1) == '\n') {
            end += 2;
        }
        String decoded = TextNormalizer.characters(Character.toString(value));
        if (end > i && end < n && digit(s.charAt(end)) && !decoded.isEmpty() && digit(decoded.charAt(decoded.length() - 1))) {
            // the ending space would join a decoded digit to the digits after it: "\30 111222333" read as 0111222333
            // hid a BSN behind a phone number (review51); read as written, the space stays
            end = i;
        }
        edits.add(s, slash, end, decoded);
        return end;
    }

    /** RTF's {@code \'hh} at {@code slash}: the Windows-1252 character, or {@code slash} when it is none or a control. */
    private static int rtfByte(String s, int slash, KeptApartEdits edits) {
        String decoded = WINDOWS_1252[hexDigit(s.charAt(slash + 2)) * 16 + hexDigit(s.charAt(slash + 3))];
        if (decoded == null) {
            return slash;
        }
        edits.add(s, slash, slash + 4, decoded);
        return slash + 4;
    }

    private static String[] windows1252() {
        CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT).onMalformedInput(CodingErrorAction.REPORT);
        String[] table = new String[256];
        for (int b = 0; b < table.length; b++) {
            try {
                String decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
                table[b] = decoded.isEmpty() || !readable(decoded.codePointAt(0)) ? null : TextNormalizer.characters(decoded);
            } catch (CharacterCodingException e) {
                table[b] = null; // undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D)
            }
        }
        return table;
    }

    /** A character that can be read: no control, format, private-use or unassigned code point. */
    private static boolean readable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED && type != Character.SURROGATE;
    }

    /** The value of {@code count} hexadecimal digits from {@code from}, or -1 when there are fewer. */
    private static int hex(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < from + count; i++) {
            int d = hexDigit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
