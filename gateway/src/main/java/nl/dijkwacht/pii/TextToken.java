package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token with its offsets. The same tokenisation is used to train the name model and to run it, so they agree:
 * initials stay together ({@code J.P.}), hyphenated surnames stay together ({@code Jansen-de}), {@code 't} is one
 * token, and dots after words are separate tokens.
 */
record TextToken(String text, String lower, int start, int end, Kind kind, boolean sentenceStart) {

    enum Kind { WORD, INITIALS, NUMBER, PUNCT }

    private static final Pattern TOKEN = Pattern.compile(
            "(\\p{Lu}\\.(?:\\s?\\p{Lu}\\.){0,4})"
                    + "|(['’]t(?![\\p{L}]))"
                    + "|([\\p{L}][\\p{L}\\p{M}'’]*(?:-[\\p{L}][\\p{L}\\p{M}'’]*)*)"
                    + "|(\\d+(?:[.,:/-]\\d+)*)"
                    + "|(\\S)");

    boolean capitalised() {
        return kind == Kind.WORD && Character.isUpperCase(text.charAt(0));
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    static List<TextToken> tokenize(String text) {
        List<TextToken> out = new ArrayList<>(text.length() / 5 + 4);
        Matcher m = TOKEN.matcher(text);
        boolean nextStartsSentence = true;
        int previousEnd = 0;
        while (m.find()) {
            Kind kind;
            if (m.group(1) != null) {
                kind = Kind.INITIALS;
            } else if (m.group(2) != null || m.group(3) != null) {
                kind = Kind.WORD;
            } else if (m.group(4) != null) {
                kind = Kind.NUMBER;
            } else {
                kind = Kind.PUNCT;
            }
            if (hasBlankLine(text, previousEnd, m.start())) {
                nextStartsSentence = true;
            }
            String t = m.group();
            boolean start = nextStartsSentence && kind != Kind.PUNCT;
            out.add(new TextToken(t, t.toLowerCase(Locale.ROOT), m.start(), m.end(), kind, start));
            if (kind == Kind.PUNCT) {
                char c = t.charAt(0);
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '(' || c == '-'
                        || c == '•' || c == '*' || c == '>') {
                    nextStartsSentence = true;
                }
            } else {
                nextStartsSentence = false;
            }
            previousEnd = m.end();
        }
        return out;
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
    static List<int[]> sentences(String text, List<TextToken> tokens) {
        List<int[]> out = new ArrayList<>();
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
                out.add(new int[] {from, i + 1});
                from = i + 1;
            }
        }
        return out;
    }
}
