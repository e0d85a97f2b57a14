package nl.dijkwacht.pii.normalize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * Quoted-printable read as the text it encodes (redteam50), as pasted from a mail's raw source: {@code =31=31=31…}
 * for digits, {@code =C3=A9} for an {@code é}, and a soft line break ({@code =} at the end of a line) that the mail
 * program joins, wherever it falls inside a value ({@code 111222=}&#10;{@code 333}). The model reads the value whole.
 *
 * <p>Read: a run of two or more escapes of two upper-case hexadecimal digits ({@code =3D} and RFC 2045 ask upper case)
 * as UTF-8 when the bytes are well-formed (each character then as the code-point pass reads it), and a soft line break
 * between two characters that are not white space. A single escape is left: {@code bsn=311222333} and {@code x=12} in
 * ordinary text or code are an assignment, not an encoding, and reading {@code =31} there would break the value it
 * sits before.
 */
final class QuotedPrintable {

    private QuotedPrintable() {
    }

    /**
     * Replacements of every escape run and soft line break in {@code s}, then the copies {@link KeptApartEdits} adds;
     * none when {@code s} has no {@code =}.
     */
    static List<Edit> edits(String s) {
        int eq = s.indexOf('=');
        if (eq < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (; eq >= 0 && eq + 2 < n; eq = s.indexOf('=', eq + 1)) {
            int end = softLineBreak(s, eq);
            if (end > eq) {
                // a letter against a digit stays apart: "111222333=" at a line's end and "volgt" on the next (review50)
                edits.add(s, eq, end, "");
            } else {
                end = escapeRun(s, eq, edits);
            }
            if (end > eq) {
                eq = end - 1;
            }
        }
        return edits.list();
    }

    /** The end of a soft line break at {@code eq}, or {@code eq}. */
    private static int softLineBreak(String s, int eq) {
        int end = s.charAt(eq + 1) == '\n' ? eq + 2
                : s.charAt(eq + 1) == '\r' && eq + 2 < s.length() && s.charAt(eq + 2) == '\n' ? eq + 3 : -1;
        if (end < 0 || eq == 0 || end >= s.length() || white(s.charAt(eq - 1)) || white(s.charAt(end))) {
            return eq;
        }
        return end;
    }

    /** A run of at least two escapes (soft line breaks may fall between them) decoded; its end, or {@code eq}. */
    private static int escapeRun(String s, int eq, KeptApartEdits edits) {
        int n = s.length();
        byte[] bytes = new byte[16];
        int count = 0;
        int i = eq;
        int end = eq;
        while (i + 2 < n && s.charAt(i) == '=') {
            if (count > 0 && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                i += s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n' ? 3 : 2; // a soft line break inside the run
                continue;
            }
            int hi = upperHex(s.charAt(i + 1));
            int lo = upperHex(s.charAt(i + 2));
            if (hi < 0 || lo < 0) {
                break;
            }
            if (count == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, count * 2);
            }
            bytes[count++] = (byte) (hi * 16 + lo);
            i += 3;
            end = i;
        }
        if (count < 2) {
            return eq;
        }
        String text = wellFormedUtf8(bytes, count);
        if (text == null) {
            return eq;
        }
        edits.add(s, eq, end, TextNormalizer.characters(text));
        return end;
    }

    private static String wellFormedUtf8(byte[] bytes, int count) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes, 0, count)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static int upperHex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean white(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
