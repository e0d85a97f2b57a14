package nl.dijkwacht.pii.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.pii.normalize.TextNormalizer.Edit;

/**
 * HTML character references read as the characters a browser shows (redteam48): {@code 111&nbsp;222&nbsp;333},
 * {@code &#49;&#49;&#49;…}, {@code jan&period;jansen&commat;example&period;nl}. Tools that pass on the HTML body of an
 * e-mail or a web page (n8n, Power Automate's Outlook actions, an IDE plugin reading a template) send such text, and the
 * model reads the references as the characters they stand for. Decimal ({@code &#49;}, the {@code ;} may be left out as
 * browsers allow) and hexadecimal ({@code &#x31;}) references and the named ones text copied from HTML uses for spaces,
 * dashes and punctuation are read; the character then goes through the code-point pass like any other
 * ({@link TextNormalizer#characters}), so {@code &nbsp;} becomes a space and {@code &shy;} nothing. One layer only:
 * {@code &amp;#49;} is {@code &#49;}, not {@code 1}.
 */
final class HtmlCharacterReferences {

    private HtmlCharacterReferences() {
    }

    /** Named references (HTML5, case as written there) that disguise digits, addresses and names when left unread. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", "\u00A0"), Map.entry("NonBreakingSpace", "\u00A0"), Map.entry("ensp", "\u2002"),
            Map.entry("emsp", "\u2003"), Map.entry("thinsp", "\u2009"), Map.entry("ThinSpace", "\u2009"),
            Map.entry("hairsp", "\u200A"), Map.entry("numsp", "\u2007"), Map.entry("puncsp", "\u2008"),
            Map.entry("MediumSpace", "\u205F"), Map.entry("shy", "\u00AD"), Map.entry("zwnj", "\u200C"),
            Map.entry("zwj", "\u200D"), Map.entry("ZeroWidthSpace", "\u200B"), Map.entry("NoBreak", "\u2060"),
            Map.entry("lrm", "\u200E"), Map.entry("rlm", "\u200F"), Map.entry("amp", "&"), Map.entry("AMP", "&"),
            Map.entry("lt", "<"), Map.entry("LT", "<"), Map.entry("gt", ">"), Map.entry("GT", ">"),
            Map.entry("quot", "\""), Map.entry("QUOT", "\""), Map.entry("apos", "'"), Map.entry("commat", "@"),
            Map.entry("period", "."), Map.entry("comma", ","), Map.entry("colon", ":"), Map.entry("semi", ";"),
            Map.entry("hyphen", "\u2010"), Map.entry("dash", "\u2010"), Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"), Map.entry("minus", "\u2212"), Map.entry("horbar", "\u2015"),
            Map.entry("num", "#"), Map.entry("plus", "+"), Map.entry("sol", "/"), Map.entry("bsol", "\\"),
            Map.entry("lowbar", "_"), Map.entry("UnderBar", "_"), Map.entry("lpar", "("), Map.entry("rpar", ")"),
            Map.entry("lsqb", "["), Map.entry("rsqb", "]"), Map.entry("lcub", "{"), Map.entry("rcub", "}"),
            Map.entry("excl", "!"), Map.entry("quest", "?"), Map.entry("percnt", "%"), Map.entry("equals", "="),
            Map.entry("ast", "*"), Map.entry("verbar", "|"), Map.entry("vert", "|"));

    /** The longest name in {@link #NAMED}. */
    private static final int LONGEST_NAME = 16;

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
                int semi = s.indexOf(';', amp + 2);
                if (semi < 0 || semi - amp - 1 > LONGEST_NAME) {
                    continue;
                }
                String named = NAMED.get(s.substring(amp + 1, semi));
                if (named == null) {
                    continue;
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
}
