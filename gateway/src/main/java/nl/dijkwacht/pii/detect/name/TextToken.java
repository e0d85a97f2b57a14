package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.dijkwacht.words.Letters;
import nl.dijkwacht.words.Utf8;
import nl.dijkwacht.words.WordSet;

/**
 * A token with its offsets. The same tokenisation is used to train the name model and to run it, so they agree:
 * initials stay together ({@code J.P.}), hyphenated surnames stay together ({@code Jansen-de}), {@code 't} is one
 * token, and dots after words are separate tokens.
 *
 * <p>A token is its offsets into the text: its text and its lower case are made as strings only when asked
 * ({@link #text()}, {@link #lower()}). The rules ask word lists about nearly every token; {@link #in} asks a
 * {@link WordSet} about the token's characters in place, with the lower case's hash worked out at the first ask,
 * so that most tokens never become strings (pii24: a substring and a lower-case copy per token before).
 */
final class TextToken {

    enum Kind { WORD, INITIALS, NUMBER, PUNCT }

    private static final Kind[] KINDS = Kind.values();

    private final String source;
    private final int start;
    private final int end;
    private final byte kind; // the Kind's ordinal: with a reference a token took 48 bytes, with a byte 40 (pii25)
    private final boolean sentenceStart;
    private final boolean capitalised;
    /*
     * capitalised: a word whose first character is upper case, decided once here; the rules asked it several times
     * per token (Character.isUpperCase at every ask, a call through the JDK's CharacterData that the gateway's other
     * code makes megamorphic).
     *
     * lowerHash: String.hashCode of the lower case, worked out at the first ask (numbers and punctuation are rarely
     * asked) and valid when lowerState is CHAR_WISE: no character of the token is one whose lower case
     * String.toLowerCase(Locale.ROOT) works out otherwise than Character.toLowerCase(char) does (the dotted capital I,
     * the capital sigma, a surrogate); such a token (NOT_CHAR_WISE) is asked through its lower-case string.
     */
    private int lowerHash;
    private byte lowerState; // UNKNOWN, CHAR_WISE or NOT_CHAR_WISE
    private static final byte UNKNOWN = 0;
    private static final byte CHAR_WISE = 1;
    private static final byte NOT_CHAR_WISE = 2;
    private String text;
    private String lower;

    private TextToken(String source, int start, int end, Kind kind, boolean sentenceStart, boolean capitalised) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.kind = (byte) kind.ordinal();
        this.sentenceStart = sentenceStart;
        this.capitalised = capitalised;
    }

    /** Whether the lower case is the characters lowered one by one; works out lowerHash at the first ask. */
    private boolean charWiseLower() {
        if (lowerState == UNKNOWN) {
            int h = 0;
            byte state = CHAR_WISE;
            for (int k = start; k < end; k++) {
                char c = source.charAt(k);
                if (c >= 128 && lowersOtherwiseInAString(c)) {
                    state = NOT_CHAR_WISE;
                    break;
                }
                h = 31 * h + Letters.lower(c);
            }
            lowerHash = h;
            lowerState = state;
        }
        return lowerState == CHAR_WISE;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    Kind kind() {
        return KINDS[kind];
    }

    boolean sentenceStart() {
        return sentenceStart;
    }

    boolean capitalised() {
        return capitalised;
    }

    boolean isWord() {
        return kind() == Kind.WORD;
    }

    /** The token's characters; a string made at the first ask. */
    String text() {
        String t = text;
        if (t == null) {
            char c = source.charAt(start);
            t = end == start + 1 && c < ONE_CHAR.length ? ONE_CHAR[c] : source.substring(start, end);
            text = t;
        }
        return t;
    }

    /**
     * {@code text().toLowerCase(Locale.ROOT)}, made at the first ask: a number (digits and {@code .,:/-}) and ASCII
     * punctuation have no case and are their own lower case; words and initials ask the JDK, whose loop over the
     * bytes is the quicker one.
     */
    String lower() {
        String l = lower;
        if (l == null) {
            String t = text();
            l = kind() == Kind.NUMBER || kind() == Kind.PUNCT && t.charAt(0) < 128 ? t : t.toLowerCase(Locale.ROOT);
            lower = l;
        }
        return l;
    }

    /** {@code text().length()}. */
    int length() {
        return end - start;
    }

    /** The token's UTF-8 bytes at {@code out[at]} ({@link Utf8#put}); @return the index after them. */
    int utf8(byte[] out, int at) {
        return Utf8.put(source, start, end, out, at);
    }

    /** {@code text().charAt(k)}. */
    char charAt(int k) {
        return source.charAt(start + k);
    }

    /** {@code text().equals(s)}, without the string. */
    boolean is(String s) {
        return s.length() == end - start && source.startsWith(s, start);
    }

    /** {@code lower().equals(s)}, without the string. */
    boolean lowerIs(String s) {
        if (lower != null || !charWiseLower()) {
            return lower().equals(s);
        }
        int n = end - start;
        if (s.length() != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Letters.lower(source.charAt(start + k)) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code words.contains(lower())}; a {@link WordSet} is asked about the token's characters in place. */
    boolean in(Set<String> words) {
        if (lower == null && words instanceof WordSet set && charWiseLower()) {
            return set.containsLowerCase(source, start, end, lowerHash);
        }
        return words.contains(lower());
    }

    /** Whether {@link #lower()} may differ from the token's characters lowered one by one (see lowerHash). */
    boolean mayNotLowerCharWise() {
        return !charWiseLower();
    }

    /** {@code Character.toLowerCase(text().charAt(k))}. */
    char lowerCharAt(int k) {
        return Letters.lower(source.charAt(start + k));
    }

    /** {@code lower().indexOf(c) >= 0} for a character {@code c} that is no letter. */
    boolean holds(char c) {
        for (int k = start; k < end; k++) {
            if (source.charAt(k) == c) {
                return true;
            }
        }
        return false;
    }

    /** {@code NameParser.isAllCaps(text())}. */
    boolean allCaps() {
        if (end - start <= 1) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = source.charAt(k);
            if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return kind() + "[" + start + ", " + end + ")";
    }

    /** The ASCII characters as strings: a token of one (punctuation, a digit) needs no string of its own. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    /** Whether String.toLowerCase(Locale.ROOT) may lower {@code c} otherwise than Character.toLowerCase(c). */
    private static boolean lowersOtherwiseInAString(char c) {
        return c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c);
    }

    static List<TextToken> tokenize(String text) {
        List<TextToken> out = new ArrayList<>(text.length() / 5 + 4);
        boolean nextStartsSentence = true;
        int previousEnd = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Letters.whitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            int end;
            if ((end = initialsEnd(text, i)) > i) {
                kind = Kind.INITIALS;
            } else if ((c == '\'' || c == '’') && i + 1 < n && text.charAt(i + 1) == 't'
                    && (i + 2 >= n || !Letters.letter(text.charAt(i + 2)))) {
                kind = Kind.WORD;
                end = i + 2;
            } else if (Letters.letter(c)) {
                kind = Kind.WORD;
                end = wordEnd(text, i);
            } else if (c >= '0' && c <= '9') {
                kind = Kind.NUMBER;
                end = numberEnd(text, i);
            } else {
                kind = Kind.PUNCT;
                end = i + Character.charCount(text.codePointAt(i));
            }
            if (hasBlankLine(text, previousEnd, start)) {
                nextStartsSentence = true;
            }
            boolean sentence = nextStartsSentence && kind != Kind.PUNCT;
            boolean capitalised = kind == Kind.WORD && Letters.upper(c);
            out.add(new TextToken(text, start, end, kind, sentence, capitalised));
            if (kind == Kind.PUNCT) {
                char p = c;
                if (p == '.' || p == '!' || p == '?' || p == ':' || p == ';' || p == '"' || p == '(' || p == '-'
                        || p == '•' || p == '*' || p == '>') {
                    nextStartsSentence = true;
                }
            } else {
                nextStartsSentence = false;
            }
            previousEnd = end;
            i = end;
        }
        return out;
    }

    /** End of initials such as "J." or "J.P." or "J. P." (up to five), or {@code i} when there are none. */
    private static int initialsEnd(String text, int i) {
        int n = text.length();
        if (!(i + 1 < n && text.charAt(i + 1) == '.' && Letters.upper(text.charAt(i)))) {
            return i;
        }
        int end = i + 2;
        for (int k = 0; k < 4; k++) {
            int j = end;
            if (j < n && Letters.whitespace(text.charAt(j)) && text.charAt(j) != '\n') {
                j++;
            }
            if (j + 1 < n && text.charAt(j + 1) == '.' && Letters.upper(text.charAt(j))) {
                end = j + 2;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean wordChar(char c) {
        if (c < 128) {
            return Letters.letter(c) || c == '\'';
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK || c == '’';
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (true) {
            while (j < n && wordChar(text.charAt(j))) {
                j++;
            }
            if (j + 1 < n && text.charAt(j) == '-' && Letters.letter(text.charAt(j + 1))) {
                j += 2;
                continue;
            }
            return j;
        }
    }

    private static int numberEnd(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        while (j + 1 < n && ".,:/-".indexOf(text.charAt(j)) >= 0 && text.charAt(j + 1) >= '0' && text.charAt(j + 1) <= '9') {
            j++;
            while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
        }
        return j;
    }

    private static boolean hasBlankLine(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** True when only spaces (no line break, no punctuation) separate the two tokens. */
    static boolean adjacent(String text, TextToken a, TextToken b) {
        if (b.start - a.end > 2) {
            return false;
        }
        for (int i = a.end; i < b.start; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Splits token indices into sentences: after . ! ? and at line breaks. */
    static List<TokenRange> sentences(String text, List<TextToken> tokens) {
        List<TokenRange> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TextToken t = tokens.get(i);
            boolean boundary = false;
            if (t.kind() == Kind.PUNCT && (t.is(".") || t.is("!") || t.is("?"))) {
                boundary = true;
            } else if (i + 1 < tokens.size()) {
                for (int k = t.end; k < tokens.get(i + 1).start; k++) {
                    if (text.charAt(k) == '\n') {
                        boundary = true;
                        break;
                    }
                }
            }
            if (boundary || i == tokens.size() - 1) {
                out.add(new TokenRange(from, i + 1));
                from = i + 1;
            }
        }
        return out;
    }
}
