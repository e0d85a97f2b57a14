package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.words.Letters;

/**
 * A token with its offsets. The same tokenisation is used to train the name model and to run it, so they agree:
 * initials stay together ({@code J.P.}), hyphenated surnames stay together ({@code Jansen-de}), {@code 't} is one
 * token, and dots after words are separate tokens.
 */
record TextToken(String text, String lower, int start, int end, Kind kind, boolean sentenceStart,
        boolean capitalised) {

    enum Kind { WORD, INITIALS, NUMBER, PUNCT }

    /*
     * capitalised: a word whose first character is upper case, decided once here; the rules asked it several times
     * per token (Character.isUpperCase at every ask, a call through the JDK's CharacterData that the gateway's other
     * code makes megamorphic).
     */

    boolean isWord() {
        return kind == Kind.WORD;
    }

    /** The ASCII characters as strings: a token of one (punctuation, a digit) needs no string of its own. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c = 0; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf(c);
        }
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
            String t = end == start + 1 && c < ONE_CHAR.length ? ONE_CHAR[c] : text.substring(start, end);
            boolean sentence = nextStartsSentence && kind != Kind.PUNCT;
            boolean capitalised = kind == Kind.WORD && Letters.upper(c);
            out.add(new TextToken(t, lowerCase(t, kind, c), start, end, kind, sentence, capitalised));
            if (kind == Kind.PUNCT) {
                char p = t.charAt(0);
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

    /**
     * {@code t.toLowerCase(Locale.ROOT)}: a number (digits and {@code .,:/-}) and ASCII punctuation have no case and
     * are their own lower case; words and initials ask the JDK, whose loop over the bytes is the quicker one.
     */
    private static String lowerCase(String t, Kind kind, char first) {
        if (kind == Kind.NUMBER || kind == Kind.PUNCT && first < 128) {
            return t;
        }
        return t.toLowerCase(Locale.ROOT);
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
            if (t.kind == Kind.PUNCT && (t.text.equals(".") || t.text.equals("!") || t.text.equals("?"))) {
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
