package nl.dijkwacht.purpose;

import java.util.List;
import nl.dijkwacht.pii.normalize.TextNormalizer;
import nl.dijkwacht.words.Letters;
import org.unbescape.html.HtmlEscape;

/**
 * A message as the purpose guard reads it: the disguises a writer (or a tool) can put into a request undone, so that
 * the guard decides the disguised request as it decides the plain one (guard27). In order:
 * <ol>
 *   <li>HTML tags read as a browser shows them ({@code ver<b>blijfs</b>vergunning}; the PII engine's markup pass,
 *       {@link TextNormalizer#withoutMarkup}, guard50), only when the text holds a {@code <};</li>
 *   <li>HTML character references decoded ({@code &#112;rofiel}, {@code &eacute;}, {@code &nbsp;}; unbescape), only
 *       when the text holds an {@code &};</li>
 *   <li>the PII engine's code-point pass ({@link TextNormalizer#characters}): NFKC (full-width letters), zero-width
 *       characters, soft hyphens and other invisible characters removed, combining accents put on their letter;</li>
 *   <li>the PII engine's word repairs ({@link TextNormalizer#wordsClosedUp}): letter-spaced words closed up
 *       ({@code p r o f i e l}), a word hyphenated over a line break joined;</li>
 *   <li>Cyrillic and Greek letters that look like Latin ones ({@code рrоfiеl}) read as those, inside a word that has a
 *       Latin letter too or is drawn in look-alikes only, the accents taken off with them;</li>
 *   <li>markdown marks taken off a word's edges ({@code **profiel**}, {@code _profiel_}, {@code `profiel`},
 *       {@code ~~profiel~~}) and off a line's start ({@code ## }, {@code > }).</li>
 * </ol>
 * before them the encodings a model reads undone ({@link EncodedReading}, encoded28: base64, hex and percent-encoded runs,
 * digits for letters inside words, lines in ROT13); then a text in capitals read in ordinary case ({@link CapitalsRead}), and the accents taken off (the guard folds
 * them away for its words; its rules and the term list read them so too). An ordinary text ({@link #plain}) comes back
 * as it is, the same object, after one cheap look. Stateless.
 */
final class PurposeText {

    private PurposeText() {
    }

    /** {@link #of} of each text; the list itself when none changes. */
    static List<String> of(List<String> texts) {
        String[] read = null;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            String r = t == null ? null : of(t);
            if (r != t && read == null) {
                read = texts.toArray(String[]::new);
            }
            if (read != null) {
                read[i] = r;
            }
        }
        return read == null ? texts : java.util.Arrays.asList(read);
    }

    static String of(String text) {
        // guard50: HTML tags as a browser shows them, first: the encodings are read in the text as shown (a word split by
        // tags looked like a line in ROT13), and before the references (an escaped "&lt;b&gt;" is text, as the PII
        // engine reads it)
        String shown = text.indexOf('<') >= 0 ? TextNormalizer.withoutMarkup(text) : text;
        // encoded28: the encodings first (a decoded run may carry any disguise below)
        String read = EncodedReading.of(shown);
        if (plain(read)) {
            return read;
        }
        String t = TextNormalizer.characters(read);
        if (t.indexOf('&') >= 0) {
            // after the code points (a full-width "＆＃１１２；" is one too), and again after it (a reference to a
            // zero-width or a full-width character)
            String decoded = HtmlEscape.unescapeHtml(t);
            t = decoded == t ? t : TextNormalizer.characters(decoded);
        }
        if (!PurposeTokens.isAscii(t)) {
            // the accents first: "і" and a diaeresis are one Cyrillic letter, "ї"; the look-alikes before the capitals
            // ("Β" lower-cased is a Greek "β"); and before the markdown marks: a combining mark with no precomposed
            // letter ("s" + U+0308, which the code-point pass leaves as two) is no word character, so an underscore
            // after it looked like a mark at a word's edge ("transfers̈_abroad" read "transfersabroad", session 46)
            t = lookAlikes(withoutAccents(t));
        }
        // the marks before the repairs: "**p r o f i e l**", "afw-\n**ijzen**"
        t = markdown(t);
        // the capitals before the repairs: a word hyphenated over a line break keeps its hyphen before a capital
        // encoded28: a line in ROT13 judged with its disguises undone (its vowels counted as letters)
        return EncodedReading.rot13Lines(TextNormalizer.wordsClosedUp(CapitalsRead.of(t)));
    }

    /**
     * What an ASCII character is to {@link #plain}: 1 a letter, digit or hyphen (what letter-spaced text is made of),
     * 2 white space, 3 a character the reading changes (a control character but tab, line feed and carriage return, DEL,
     * {@code & * _ ~ ` <}), 0 anything else.
     */
    private static final byte[] KIND = new byte[128];
    private static final int WHITE = 2;
    /** Five characters' kinds, two bits each, the newest lowest: white, single, white, single, white ("x y"). */
    private static final int TWO_SINGLES = WHITE << 8 | 1 << 6 | WHITE << 4 | 1 << 2 | WHITE;
    private static final int ALL_WHITE = WHITE << 8 | WHITE << 6 | WHITE << 4 | WHITE << 2 | WHITE;

    static {
        for (char c = 0; c < 128; c++) {
            KIND[c] = (byte) (Letters.letterOrDigit(c) || c == '-' ? 1
                    : c == '\t' || c == '\n' || c == '\r' || c == ' ' ? WHITE
                    : c < 0x20 || c == 0x7F || "&*_~`<".indexOf(c) >= 0 ? 3 : 0);
        }
    }

    /**
     * Whether {@link #of} leaves {@code s} as it is, asked cheaply (it runs on every message of every request): ASCII
     * without control characters (the code-point pass changes nothing), none of {@code & * _ ~ `}, no two single
     * letters, digits or hyphens one white space apart (a letter-spaced run has them), in one branch-free pass; then no
     * {@code #} or {@code >} at a line's start, no hyphen before a line break, not in capitals (a count that stops as
     * soon as lower case rules them out). {@code PurposeTextTest} checks that {@link #of} returns such a text unchanged.
     */
    static boolean plain(String s) {
        int all = 0;
        int stop = 0;
        int twoSingles = 0;
        int window = ALL_WHITE; // the text's start counts as white space
        for (int k = 0; k < s.length(); k++) {
            int c = s.charAt(k);
            all |= c;
            int kind = KIND[c & 127];
            stop |= (kind + 1) >> 2;
            window = (window << 2 | kind) & 0x3FF;
            twoSingles |= window == TWO_SINGLES ? 1 : 0;
        }
        window = (window << 2 | WHITE) & 0x3FF; // and so does its end
        twoSingles |= window == TWO_SINGLES ? 1 : 0;
        if (all >= 128 || stop != 0 || twoSingles != 0 || s.indexOf("-\n") >= 0) {
            return false;
        }
        int n = s.length();
        for (int line = 0; ; ) {
            if (line < n && (s.charAt(line) == '#' || s.charAt(line) == '>')) {
                return false;
            }
            int next = s.indexOf('\n', line);
            if (next < 0) {
                break;
            }
            line = next + 1;
        }
        return !CapitalsRead.inCapitals(s);
    }

    /**
     * Accents taken off (NFD, combining marks dropped): the guard's words are folded without them already, and its rules
     * and the special-category term list read them so too ({@code sollicitánt} is {@code sollicitant}).
     */
    static String withoutAccents(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        StringBuilder out = null;
        for (int k = 0; k < d.length(); k++) {
            char c = d.charAt(k);
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (mark && out == null) {
                out = new StringBuilder(d.length()).append(d, 0, k);
            } else if (!mark && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC);
    }

    // ---- look-alike letters ----

    /** Cyrillic and Greek letters drawn as a Latin letter (Unicode confusables.txt, single letters only), and that letter. */
    private static final String LOOK_ALIKE_FROM =
            "аеіјорсѕухһԁԛԝӏ" + "АВЕКМНОРСТХУІЈЅҮԚԜӀ" + "αονικυχρ" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
    private static final String LOOK_ALIKE_TO =
            "aeijopcsyxhdqwl" + "ABEKMHOPCTXYIJSYQWI" + "aovikuxp" + "ABEZHIKMNOPTYX";

    private static char latin(char c) {
        int k = c < 0x370 ? -1 : LOOK_ALIKE_FROM.indexOf(c);
        return k < 0 ? 0 : LOOK_ALIKE_TO.charAt(k);
    }

    private static boolean latinLetter(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    /** Each word with a look-alike and a Latin letter, or with look-alikes only, written in Latin letters. */
    static String lookAlikes(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(s.charAt(i))) {
                if (out != null) {
                    out.append(s.charAt(i));
                }
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean alike = false;
            boolean other = false;
            while (i < n && (Character.isLetter(s.charAt(i)) || Character.getType(s.charAt(i)) == Character.NON_SPACING_MARK)) {
                char c = s.charAt(i);
                if (latinLetter(c)) {
                    latin = true;
                } else if (latin(c) != 0) {
                    alike = true;
                } else if (Character.isLetter(c)) {
                    other = true;
                }
                i++;
            }
            if (alike && (latin || !other)) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, start);
                }
                for (int k = start; k < i; k++) {
                    char l = latin(s.charAt(k));
                    out.append(l != 0 ? l : s.charAt(k));
                }
            } else if (out != null) {
                out.append(s, start, i);
            }
        }
        return out == null ? s : out.toString();
    }

    // ---- markdown ----

    private static boolean emphasis(char c) {
        return c == '*' || c == '_' || c == '~' || c == '`';
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Marks of emphasis at a word's edge and of a heading or a quote at a line's start taken off. */
    static String markdown(String s) {
        int n = s.length();
        boolean any = false;
        for (int k = 0; k < n && !any; k++) {
            char c = s.charAt(k);
            any = emphasis(c) || c == '#' || c == '>';
        }
        if (!any) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean lineStart = i == 0 || s.charAt(i - 1) == '\n';
            if (lineStart && (c == '#' || c == '>')) {
                int k = i;
                while (k < n && s.charAt(k) == c) {
                    k++;
                }
                if (k < n && s.charAt(k) == ' ' && (c == '#' ? k - i <= 6 : true)) {
                    i = k + 1;
                    continue;
                }
            }
            if (emphasis(c)) {
                int k = i;
                while (k < n && emphasis(s.charAt(k))) {
                    k++;
                }
                boolean wordBefore = i > 0 && wordChar(s.charAt(i - 1));
                boolean wordAfter = k < n && wordChar(s.charAt(k));
                // at a word's edge a mark; inside a word too, but for an underscore ("jan_jansen"); alone it stays
                if (wordBefore != wordAfter || wordBefore && (c != '_' || s.charAt(k - 1) != '_')) {
                    i = k;
                    continue;
                }
                out.append(s, i, k);
                i = k;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
