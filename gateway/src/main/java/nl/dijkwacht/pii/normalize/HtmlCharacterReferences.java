package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;
import org.unbescape.html.HtmlEscape;

/**
 * HTML character references read as the characters a browser shows (redteam48): {@code 111&nbsp;222&nbsp;333},
 * {@code &#49;&#49;&#49;…}, {@code jan&period;jansen&commat;example&period;nl}. Tools that pass on the HTML body of an
 * e-mail or a web page (n8n, Power Automate's Outlook actions, an IDE plugin reading a template) send such text, and the
 * model reads the references as the characters they stand for. Decimal ({@code &#49;}, the {@code ;} may be left out as
 * browsers allow) and hexadecimal ({@code &#x31;}) references and every named one of HTML5 with its {@code ;}
 * ({@code &nbsp;}, {@code &commat;}, {@code &eacute;}; read by unbescape, as the purpose guard's {@code PurposeText}
 * reads them) are read; the character then goes through the code-point pass like any other
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
        List<Edit> edits = null;
        int n = s.length();
        for (; amp >= 0 && amp + 2 < n; amp = s.indexOf('&', amp + 1)) {
            int end;
            String chars;
            if (s.charAt(amp + 1) == '#') {
                boolean hex = s.charAt(amp + 2) == 'x' || s.charAt(amp + 2) == 'X';
                int from = amp + (hex ? 3 : 2);
                int i = from;
                long value = 0;
                while (i < n && i - from < 8 && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0 && s.charAt(i) < 0x80) {
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
                if (semi == amp + 1 || semi >= n || s.charAt(semi) != ';') {
                    continue;
                }
                String reference = s.substring(amp, semi + 1);
                String named = HtmlEscape.unescapeHtml(reference);
                if (named.equals(reference)) {
                    continue; // no name of HTML5's list
                }
                end = semi + 1;
                chars = named;
            }
            if (edits == null) {
                edits = new ArrayList<>();
            }
            edits.add(new Edit(amp, end, TextNormalizer.characters(chars)));
            amp = end - 1;
        }
        return edits == null ? List.of() : edits;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
