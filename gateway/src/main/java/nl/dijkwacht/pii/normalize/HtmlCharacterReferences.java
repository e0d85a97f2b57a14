package nl.dijkwacht.pii.normalize;

import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import org.unbescape.html.HtmlEscape;

/**
 * HTML character references read as the characters a browser shows (redteam48): {@code 111&nbsp;222&nbsp;333},
 * {@code &#49;&#49;&#49;…}, {@code jan&period;jansen&commat;example&period;nl}. Tools that pass on the HTML body of an
 * e-mail or a web page (n8n, Power Automate's Outlook actions, an IDE plugin reading a template) send such text, and the
 * model reads the references as the characters they stand for. Decimal ({@code &#49;}, the {@code ;} may be left out as
 * browsers allow, and with any number of leading zeros) and hexadecimal ({@code &#x31;}) references, every named one
 * of HTML5 with its {@code ;} ({@code &nbsp;}, {@code &commat;}, {@code &eacute;}; read by unbescape, as the purpose
 * guard's {@code PurposeText} reads them) and the legacy names of HTML 4 without it ({@code &nbsp222}, pii49) are
 * read; the character then goes through the code-point pass like any other
 * ({@link TextNormalizer#characters}), so {@code &nbsp;} becomes a space and {@code &shy;} nothing. One layer only:
 * {@code &amp;#49;} is {@code &#49;}, not {@code 1}.
 */
final class HtmlCharacterReferences {

    private HtmlCharacterReferences() {
    }

    /** The longest name of an HTML5 named reference ({@code &CounterClockwiseContourIntegral;} has 31 letters). */
    private static final int LONGEST_NAME = 32;

    /** Replacements of every reference in {@code s}, sorted and not overlapping; none when {@code s} has no {@code &}. */
    static List<Edit> edits(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return List.of();
        }
        KeptApartEdits edits = new KeptApartEdits();
        int n = s.length();
        for (; amp >= 0 && amp + 2 < n; amp = s.indexOf('&', amp + 1)) {
            int end;
            String chars;
            if (s.charAt(amp + 1) == '#') {
                boolean hex = s.charAt(amp + 2) == 'x' || s.charAt(amp + 2) == 'X';
                int from = amp + (hex ? 3 : 2);
                int i = from;
                while (i < n && s.charAt(i) == '0') {
                    i++; // "&#0000000049;": leading zeros do not count towards the eight digits (browsers read any number)
                }
                int significant = i;
                long value = 0;
                while (i < n && i - significant < 8 && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0 && s.charAt(i) < 0x80) {
                    value = value * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10);
                    i++;
                }
                if (i == from || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
                    continue;
                }
                if (i < n && s.charAt(i) == ';') {
                    i++;
                } else if (hex) {
                    continue; // browsers read "&#x31" too, but a hex digit run ends ambiguously in text: the ';' is asked
                }
                end = i;
                chars = Character.toString((int) value);
            } else {
                int semi = amp + 1;
                while (semi < n && semi - amp <= LONGEST_NAME && asciiLetterOrDigit(s.charAt(semi))) {
                    semi++;
                }
                if (semi == amp + 1) {
                    continue;
                }
                String named = semi < n && s.charAt(semi) == ';' ? known(s.substring(amp, semi + 1)) : null;
                if (named != null) {
                    end = semi + 1;
                    chars = named;
                } else {
                    end = legacyEnd(s, amp, semi);
                    if (end < 0) {
                        continue; // no name of HTML5's list
                    }
                    chars = HtmlEscape.unescapeHtml(s.substring(amp, end));
                }
            }
            edits.add(s, amp, end, TextNormalizer.characters(chars)); // "111222333&#65;" stays apart (review50)
            amp = end - 1;
        }
        return edits.list();
    }

    /** The character(s) of a whole reference with its {@code ;}, null when HTML5 has no such name. */
    private static String known(String reference) {
        String named = HtmlEscape.unescapeHtml(reference);
        return named.equals(reference) ? null : named;
    }

    /**
     * Where a legacy name read without its {@code ;} ends ({@code &nbsp222}, {@code &copy 2026}, {@code &eacutex}): HTML
     * lets the 106 names of HTML 4 (Latin-1, {@code &amp}, {@code &lt}, {@code &quot} …) go without it, browsers show
     * them as the character in text, and unbescape reads them so: the longest such name that opens the run of letters
     * and digits {@code [amp + 1, runEnd)}. As in an attribute value, a name followed by {@code =} is left
     * ({@code ?id=5&copy=2} in a link). -1 when the run opens with none.
     */
    private static int legacyEnd(String s, int amp, int runEnd) {
        String run = s.substring(amp, runEnd);
        String read = HtmlEscape.unescapeHtml(run);
        if (read.equals(run) || read.isEmpty()) {
            return -1;
        }
        // every legacy name stands for one character, and unbescape leaves what follows the name as it was
        int end = amp + run.length() - (read.length() - 1);
        if (end <= amp + 1 || !read.substring(1).equals(s.substring(end, runEnd))) {
            return -1;
        }
        return end == runEnd && end < s.length() && s.charAt(end) == '=' ? -1 : end;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
