package nl.dijkwacht.pii.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a text into the one form the recognizers read, so that disguises do not hide personal data:
 * <ol>
 *   <li>Unicode NFKC (full-width and other compatibility forms: {@code １２３} → {@code 123}, {@code ＠} → {@code @},
 *       no-break and thin spaces → space), digits of every script → ASCII digits, dashes → {@code -};</li>
 *   <li>invisible characters removed: zero-width spaces and joiners, soft hyphens, bidi controls, variation
 *       selectors, control characters including NUL (tab, line feed and carriage return stay);</li>
 *   <li>HTML tags of phrasing elements read as nothing, of blocks as a line break ({@code 111<span>222</span>333},
 *       {@code jan.jansen<wbr>@example.nl}; {@link HtmlMarkup});</li>
 *   <li>HTML character references read as their characters ({@code 111&nbsp;222}, {@code &#49;},
 *       {@code &commat;}; {@link HtmlCharacterReferences}), then as in the first step;</li>
 *   <li>quoted-printable as pasted from a mail's source ({@code =31=31=31}, a soft line break inside a value;
 *       {@link QuotedPrintable}), an RTF document's groups and control words ({@link RtfText}) and backslash escapes
 *       from JSON, code, CSS, Markdown and RTF ({@code \x31}, backslash-u and four hex digits, {@code \31 },
 *       {@code \-}, {@code \'31}; {@link BackslashEscapes}) read as their characters, then as in the first step;</li>
 *   <li>Markdown and BBCode emphasis inside a number read away ({@code 111**222333}, {@code 1_1_1},
 *       {@code [b]111[/b]222333}) and BBCode's link tags as HTML's {@code <a>} ({@link EmphasisMarks});</li>
 *   <li>each decoding reads joined in place, and also, at the text's end, reads a value kept apart where the join
 *       puts a letter against a digit and as written where it joins the value to more digits
 *       ({@link KeptApartEdits});</li>
 *   <li>obfuscated e-mail addresses written plainly: {@code jan (at) example (dot) nl}, {@code jan[at]example.nl},
 *       {@code jan(a)example.nl}, {@code jan @ example.nl}, {@code jan&#64;example.nl}, {@code jan%40example.nl}
 *       → {@code jan@example.nl};</li>
 *   <li>separators inside digit runs made single: {@code 111 - 222 - 333} and {@code 06 -  31} → {@code 111-222-333},
 *       {@code 111 . 222 . 333} → {@code 111.222.333}, {@code 111_222_333} → {@code 111-222-333} (runs of spaces
 *       alone stay: they part the columns of a fixed-width table);</li>
 *   <li>scanned text repaired, one class per kind of damage: letter-spaced text closed up
 *       ({@link LetterSpacingRepair}), OCR letters in a Dutch IBAN ({@link IbanLetterRepair}), boxes parted by bars
 *       ({@link BoxRepair}), {@code O}/{@code o} → {@code 0} and {@code I}/{@code l} → {@code 1} in numbers
 *       ({@code 772l CD}, {@code O6-79406318}, {@code ll maart}; {@link NumberLetterRepair}), {@code B} → {@code 8}
 *       and {@code S} → {@code 5} where a number leaves no other reading ({@link EightAndFiveRepair}), hyphenation
 *       across a line break joined ({@code Wolt-\nhuis}) and an identifier broken over two lines bridged
 *       ({@code 06 4755\n5810}; {@link LineBreakRepair}), {@code 0}/{@code 1} → letters inside words
 *       ({@code K1aas}; {@link WordDigitRepair}).</li>
 * </ol>
 * Every character of the result maps back to the range of the original it came from ({@link NormalizedText}), so a
 * finding replaces the original span, disguise included. Case is kept: names need it. Stateless and thread-safe.
 */
public final class TextNormalizer {

    private static final String LOCAL = "[\\p{L}\\d][\\p{L}\\d._%+-]*";
    private static final String LABEL = "[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?";
    private static final String OPEN = "[(\\[{<]";
    private static final String CLOSE = "[)\\]}>]";
    /**
     * '@' as an HTML character reference or percent-encoded, as copied from a web page or a mailto link, or as a single
     * quoted-printable escape (redteam51: {@code jan=40example.nl}; only where an address forms around it, so an
     * assignment {@code x=40} stays).
     */
    private static final String ENCODED_AT = "&#0*64;|&#x0*40;|&commat;|%40|=40";
    private static final String AT = "(?:\\s*" + OPEN + "\\s*(?:at|@|a|apenstaartje)\\s*" + CLOSE + "\\s*"
            + "|[ \\t]+(?:at|apenstaartje)[ \\t]+|[ \\t]+@[ \\t]*|[ \\t]*@[ \\t]+|" + ENCODED_AT + "|@)";
    /** A dot of an address: written out, bracketed ("defanged": {@code [.]}), spaced, quoted-printable, or plain. */
    private static final String DOT = "(?:\\s*" + OPEN + "\\s*(?:dot|punt|\\.)\\s*" + CLOSE + "\\s*|[ \\t]+(?:dot|punt|\\.)[ \\t]+|=2E|\\.)";
    /** An e-mail address with its '@' and dots possibly written out; groups: local, at, rest. */
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?i)(?<![\\p{L}\\d._%+-])(" + LOCAL + ")(" + AT + ")("
            + LABEL + "(?:" + DOT + LABEL + "){0,126}" + DOT + "[a-z]{2,24})(?![\\p{L}\\d])");
    private static final Pattern DOT_IN_DOMAIN = Pattern.compile("(?i)" + DOT);
    /** Gate: something that may be a written-out or spaced '@'; tried only where {@link #mayStartAtMarker} says. */
    private static final Pattern AT_MARKER = Pattern.compile("(?i)" + OPEN + "\\s*(?:at|@|a|dot|punt)\\s*" + CLOSE
            + "|\\s(?:at|apenstaartje)\\s|\\s@|@\\s|" + ENCODED_AT);

    public NormalizedText normalize(String original) {
        if (original == null) {
            throw new IllegalArgumentException("no text");
        }
        Draft draft = codePoints(original);
        draft = draft.apply(HtmlMarkup.edits(draft.text()));
        draft = draft.apply(HtmlCharacterReferences.edits(draft.text()));
        draft = draft.apply(QuotedPrintable.edits(draft.text()));
        draft = draft.apply(RtfText.edits(draft.text()));
        draft = draft.apply(BackslashEscapes.edits(draft.text()));
        draft = draft.apply(EmphasisMarks.edits(draft.text()));
        draft = draft.apply(emailEdits(draft.text()));
        draft = draft.apply(LetterSpacingRepair.edits(draft.text()));
        draft = draft.apply(IbanLetterRepair.edits(draft.text()));
        draft = draft.apply(BoxRepair.edits(draft.text()));
        draft = draft.apply(NumberLetterRepair.edits(draft.text()));
        draft = draft.apply(EightAndFiveRepair.edits(draft.text()));
        draft = draft.apply(SpacedAddressRepair.edits(draft.text()));
        draft = draft.apply(digitSeparatorEdits(draft.text()));
        draft = draft.apply(LineBreakRepair.edits(draft.text()));
        draft = draft.apply(WordDigitRepair.edits(draft.text()));
        return draft.finish(original);
    }

    /**
     * The code-point pass alone (the first step above: NFKC, digits of every script, dashes, invisible characters and
     * combining marks), for a reader of words rather than of personal data: the purpose guard ({@code
     * purpose.PurposeText}). The original itself when nothing changes.
     */
    public static String characters(String original) {
        return codePoints(original).text();
    }

    /**
     * HTML tags read as a browser shows them ({@link HtmlMarkup}: a phrasing element's tag as nothing, a block's as a line
     * break, a cell's as a tab), for the purpose guard as {@link #characters(String)} (guard50: {@code
     * ver<b>blijfs</b>vergunning} is one word to a reader). The text itself when nothing changes.
     */
    public static String withoutMarkup(String text) {
        List<Edit> edits = HtmlMarkup.edits(text);
        if (edits.isEmpty()) {
            return text;
        }
        // copies and kept-apart readings are for the recognizers (KeptApartEdits); words need none
        return Draft.unchanged(text).apply(edits.stream().filter(e -> e.text() != null && !e.readingOnly()).toList()).text();
    }

    /**
     * Words a scan or a writer broke apart closed up again — letter-spaced text ({@link LetterSpacingRepair}) and a word
     * hyphenated over a line break ({@link LineBreakRepair}, numbers not bridged) — for the purpose guard as
     * {@link #characters(String)}. The text itself when nothing changes.
     */
    public static String wordsClosedUp(String text) {
        Draft draft = Draft.unchanged(text);
        draft = draft.apply(LetterSpacingRepair.edits(draft.text()));
        draft = draft.apply(LineBreakRepair.edits(draft.text(), false));
        return draft.text();
    }

    // ---- pass 1: code points ----

    private static Draft codePoints(String s) {
        int n = s.length();
        int firstChange = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!plain(c) && !stableAlone(c)) { // a surrogate is never stableAlone
                firstChange = i;
                break;
            }
        }
        if (firstChange < 0) {
            return Draft.unchanged(s);
        }
        Draft d = Draft.copyOf(s, firstChange, n + 8);
        int i = firstChange;
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp < 0x80 && plain((char) cp)) {
                d.add((char) cp, i, i + 1);
                i++;
                continue;
            }
            if (cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                d.add('\n', i, i + len);
                i += len;
                continue;
            }
            if (invisible(cp)) {
                i += len;
                continue;
            }
            if (cp == 0x3002 || cp == 0xFF61) {
                d.add('.', i, i + len); // an ideographic full stop: IDNA reads it as a domain's dot (redteam51)
                i += len;
                continue;
            }
            if (dash(cp)) {
                d.add('-', i, i + len);
                i += len;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                d.add((char) ('0' + Character.digit(cp, 10)), i, i + len);
                i += len;
                continue;
            }
            if (isMark(type)) {
                int baseFrom = d.lastLetterFrom();
                if (baseFrom < 0) {
                    i += len; // a mark on a digit, a space or punctuation only disguises it
                    continue;
                }
                int end = i + len;
                while (end < n && isMark(Character.getType(s.codePointAt(end)))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                String cluster = withoutInvisibles(s, baseFrom, end);
                d.removeLast();
                d.add(Normalizer.normalize(cluster, Normalizer.Form.NFKC), baseFrom, end);
                i = end;
                continue;
            }
            if (cp < 0x80) {
                i += len; // other ASCII controls (NUL, BEL, ESC, DEL …)
                continue;
            }
            String single = s.substring(i, i + len);
            d.add(stableAlone(cp) ? single : clean(Normalizer.normalize(single, Normalizer.Form.NFKC)), i, i + len);
            i += len;
        }
        return d;
    }

    /** ASCII that needs no work: printable characters, tab, line feed, carriage return. */
    private static boolean plain(char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r';
    }

    /** Latin-1 letters and the typography of ordinary Dutch text, which NFKC leaves as they are. */
    private static boolean stableAlone(int cp) {
        return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7 && cp != 0x132 && cp != 0x133 && cp != 0x13F
                && cp != 0x140 && cp != 0x149 && cp != 0x17F && cp != 0x1C4 && !(cp >= 0x1C4 && cp <= 0x1CC)
                && !(cp >= 0x1F1 && cp <= 0x1F3))
                || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x20AC || cp == 0x2022
                || cp == 0xA7 || cp == 0xA9 || cp == 0xAB || cp == 0xBB || cp == 0xB0;
    }

    private static String clean(String normalized) {
        for (int i = 0; i < normalized.length(); i++) {
            if (invisible(normalized.charAt(i)) || (normalized.charAt(i) < 0x20 && !plain(normalized.charAt(i)))) {
                return withoutInvisibles(normalized, 0, normalized.length());
            }
        }
        return normalized;
    }

    private static String withoutInvisibles(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; ) {
            int cp = s.codePointAt(i);
            if (!invisible(cp) && !(cp < 0x20 && !plain((char) cp))) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Zero-width and format characters, controls, variation selectors, the combining grapheme joiner. */
    static boolean invisible(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || (type == Character.CONTROL && cp != 0x85)
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x180B
                || cp == 0x180C || cp == 0x180D || cp == 0x180F;
    }

    private static boolean dash(int cp) {
        return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2043 || cp == 0xFE58 || cp == 0xFE63
                || cp == 0xFF0D || cp == 0x2E3A || cp == 0x2E3B || cp == 0x058A || cp == 0x1806;
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    // ---- pass 2: written-out and spaced '@' ----

    private static List<Edit> emailEdits(String s) {
        if (!hasAtMarker(s)) {
            return List.of();
        }
        List<Edit> edits = new ArrayList<>();
        Matcher m = OBFUSCATED_EMAIL.matcher(s);
        while (m.find()) {
            List<Edit> local = new ArrayList<>();
            if (!m.group(2).equals("@")) {
                local.add(new Edit(m.start(2), m.end(2), "@"));
            }
            Matcher dot = DOT_IN_DOMAIN.matcher(s).region(m.start(3), m.end(3));
            while (dot.find()) {
                if (!dot.group().equals(".")) {
                    local.add(new Edit(dot.start(), dot.end(), "."));
                }
            }
            edits.addAll(local);
        }
        return edits;
    }

    /**
     * Same answer as {@code AT_MARKER.matcher(s).find()}, but the pattern is only tried where one of its
     * alternatives can start: a regex scan tries every branch at every character, which cost a sixth of
     * {@code detect()} on an ordinary letter.
     */
    static boolean hasAtMarker(String s) {
        int n = s.length();
        Matcher m = null;
        for (int i = 0; i < n; i++) {
            if (!mayStartAtMarker(s, i)) {
                continue;
            }
            if (m == null) {
                m = AT_MARKER.matcher(s);
            }
            if (m.region(i, n).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #AT_MARKER} can match from {@code i}: each alternative is checked up to the first character that
     * tells it apart (pii21: a bracket or an '@' in ordinary text, "(06-12345678)", "jan@example.nl", built a matcher
     * and ran the pattern for nothing). Case-insensitive as the pattern, which folds ASCII only.
     */
    static boolean mayStartAtMarker(String s, int i) {
        char c = s.charAt(i);
        return switch (c) {
            case '(', '[', '{', '<' -> bracketedWordMayFollow(s, i + 1);
            case '@' -> i + 1 < s.length() && white(s.charAt(i + 1));
            case '&' -> i + 1 < s.length() && (s.charAt(i + 1) == '#' || s.charAt(i + 1) == 'c' || s.charAt(i + 1) == 'C');
            case '%', '=' -> i + 1 < s.length() && s.charAt(i + 1) == '4';
            case ' ', '\t', '\n', '\u000B', '\f', '\r' -> i + 1 < s.length()
                    && (s.charAt(i + 1) == '@' || spacedAtWord(s, i + 1));
            default -> false;
        };
    }

    /** After an opening bracket: white space, then the first character of {@code at}, {@code @}, {@code a}, {@code dot} or {@code punt}. */
    private static boolean bracketedWordMayFollow(String s, int i) {
        int n = s.length();
        while (i < n && white(s.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        char c = s.charAt(i);
        return c == '@' || c == 'a' || c == 'A' || c == 'd' || c == 'D' || c == 'p' || c == 'P';
    }

    /** The pattern's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean white(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Whether "at" or "apenstaartje" and a white space starts at {@code i} (either case, ASCII only as the pattern):
     * the only ways {@code \s(?:at|apenstaartje)\s} can go on after its white space. Without this every word starting
     * with an "a" ("aan", "adres") was a candidate for the pattern, and until pii21 every word starting with "ap" ("app").
     */
    private static boolean spacedAtWord(String s, int i) {
        int n = s.length();
        if (i + 2 >= n || (s.charAt(i) != 'a' && s.charAt(i) != 'A')) {
            return false;
        }
        char second = s.charAt(i + 1);
        if (second == 'p' || second == 'P') {
            int end = i + APENSTAARTJE.length();
            if (end >= n || !white(s.charAt(end))) {
                return false;
            }
            for (int k = 2; k < APENSTAARTJE.length(); k++) {
                if ((s.charAt(i + k) | 0x20) != APENSTAARTJE.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
        if (second != 't' && second != 'T') {
            return false;
        }
        return white(s.charAt(i + 2));
    }

    private static final String APENSTAARTJE = "apenstaartje";

    /** The answer {@link #hasAtMarker} must give: the pattern searched everywhere (for tests). */
    static boolean hasAtMarkerByPattern(String s) {
        return AT_MARKER.matcher(s).find();
    }

    // ---- pass 3: separators inside digit runs ----

    private static List<Edit> digitSeparatorEdits(String s) {
        List<Edit> edits = null;
        int n = s.length();
        for (int i = 0; i + 2 < n; i++) {
            if (!digit(s.charAt(i))) {
                continue;
            }
            int j = i + 1;
            int spaces = 0;
            char mark = 0;
            while (j < n && j - i <= 4) {
                char c = s.charAt(j);
                if (c == ' ') {
                    spaces++; // spaces alone stay: columns of a fixed-width table are apart by spaces
                } else if ((c == '-' || c == '.' || c == '_') && mark == 0) {
                    mark = c;
                } else {
                    break;
                }
                j++;
            }
            int length = j - i - 1;
            boolean needed = mark != 0 && (spaces > 0 || mark == '_');
            if (length > 0 && length <= 4 && needed && j < n && digit(s.charAt(j))) {
                if (edits == null) {
                    edits = new ArrayList<>();
                }
                String replacement = mark == 0 ? " " : mark == '_' ? "-" : String.valueOf(mark);
                edits.add(new Edit(i + 1, j, replacement));
                i = j - 1;
            }
        }
        return edits == null ? List.of() : edits;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Replace [start, end) of the current text by {@code text}. Edits are sorted and do not overlap, but for copies
     * ({@link #copy}), which come after the others. A {@code moved} edit also puts what it replaced at the end of the
     * text, after a line break, mapped to where it came from: a tag's attributes are scanned there without splitting the
     * value the tag sits in (redteam50).
     */
    record Edit(int start, int end, String text, boolean moved, Reading reading) {
        /** Whether an edit is a piece of another reading, put at the text's end only, and where its line starts. */
        enum Reading { NONE, OPENS_LINE, CONTINUES_LINE }

        Edit(int start, int end, String text) {
            this(start, end, text, false, Reading.NONE);
        }

        Edit(int start, int end, String text, boolean moved) {
            this(start, end, text, moved, Reading.NONE);
        }

        /** A piece of another reading: it replaces nothing in place. */
        boolean readingOnly() {
            return reading != Reading.NONE;
        }

        /** Writes at the text's end: what a moved edit replaced, or a piece of another reading. */
        boolean atEnd() {
            return moved || readingOnly();
        }

        /** Starts a line at the text's end. */
        boolean opensEndLine() {
            return moved || reading == Reading.OPENS_LINE;
        }

        /**
         * A piece of another reading of the text, put only at the text's end: [start, end) as written ({@code null}
         * text) or read as {@code text}, after a line break when it opens the line ({@link KeptApartEdits}). Listed
         * after the other edits, in the order the reading goes.
         */
        static Edit reading(int start, int end, String text, boolean opensLine) {
            return new Edit(start, end, text, false, opensLine ? Reading.OPENS_LINE : Reading.CONTINUES_LINE);
        }

        /**
         * [start, end) left in place and also put as written at the text's end (a {@code null} text): a reading of the
         * original a decoding joined away ({@link KeptApartEdits}). May overlap other edits; listed after them.
         */
        static Edit copy(int start, int end) {
            return new Edit(start, end, null, true);
        }
    }
}
