package nl.dijkwacht.purpose;

import nl.dijkwacht.words.EncodedRuns;

/**
 * A message with its encodings undone, as a language model reads it (encoded28), before {@link PurposeText} undoes the
 * disguises: base64, hex and percent-encoded runs decoded in place, also inside one another ({@link EncodedRuns});
 * digits written for letters inside a word ({@code pr0f1el}, {@code b1jst4nd}, {@code fr4ude}: {@code 0 1 3 4 5 7} read
 * as {@code o i e a s t}, in a word of ≥ 3 letters where such a digit stands between two letters — not {@code A4},
 * {@code 2e}, {@code 3D}, {@code B2B}, {@code Covid-19}, {@code 4x4}) and, since encoded45, the symbols {@code @ $ € !}
 * for {@code a s e i} the same way ({@link #inWord}; not an e-mail address's {@code @}); and a line in ROT13 read back,
 * or a part of a line after a {@code :} (a part of ≥ {@value #ROT13_LETTERS} letters where {@code a e i o} are a
 * quarter rarer than {@code n r v b}: see {@link #rotated}; here in an ASCII text without {@code &}, in any other after
 * the disguises are undone, {@link PurposeText}: an accent or a character reference takes a vowel out of the count).
 * One pass looks for all of them (encoded45: the runs' look was a second one); an ordinary text comes back as it is,
 * the same object. Stateless.
 */
final class EncodedReading {

    static final int ROT13_LETTERS = 24;

    private EncodedReading() {
    }

    static String of(String text) {
        boolean leet = false;
        boolean rot13 = false;
        boolean disguised = false; // a character another reading changes: ROT13 is judged after it (PurposeText)
        int letters = 0;
        int e = 0;
        int r = 0;
        int segment = 0; // the counts of the line's part after its last ':' start here
        int segmentE = 0;
        int segmentR = 0;
        // encoded45: EncodedRuns.mayHold's look in this same pass (it was a second one), and where its first candidate's
        // word starts (EncodedRuns.find reads on from there)
        int runStart = 0;
        int marks = 0;
        int escapes = 0;
        int wordStart = 0;
        int candidate = -1;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            int k = EncodedRuns.kind(c);
            if ((k & EncodedRuns.BASE64) != 0) {
                marks |= k & EncodedRuns.MARK | (i > runStart ? k & EncodedRuns.CAPITAL : 0);
                char l = (char) (c | 0x20);
                if (l >= 'a' && l <= 'z') {
                    letters++;
                    e += l == 'a' || l == 'e' || l == 'i' || l == 'o' ? 1 : 0;
                    r += l == 'n' || l == 'r' || l == 'v' || l == 'b' ? 1 : 0;
                } else if (c <= '7' && mapped(c) && i > 0 && i + 1 < n && letter(text.charAt(i - 1)) && letter(text.charAt(i + 1))) {
                    leet = true;
                }
                continue;
            }
            if (candidate < 0 && (i - runStart >= EncodedRuns.MIN_BASE64 && marks != 0 || (k & EncodedRuns.WHITE) != 0 && escapes >= 2)) {
                candidate = wordStart;
            }
            runStart = i + 1;
            marks = 0;
            if ((k & EncodedRuns.WHITE) != 0) {
                escapes = 0;
                wordStart = i + 1;
                if (c == '\n') {
                    rot13 |= rotated(letters, e, r) || rotated(letters - segment, e - segmentE, r - segmentR);
                    letters = e = r = segment = segmentE = segmentR = 0;
                } else {
                    disguised |= c >= 128;
                }
            } else if (c == '%') {
                escapes += EncodedRuns.escapeAt(text, i) ? 1 : 0;
            } else if (c >= 128 || c == '&') {
                disguised = true;
                leet |= c == '€' && inWord(text, i);
            } else if (c == ':') {
                rot13 |= rotated(letters - segment, e - segmentE, r - segmentR);
                segment = letters;
                segmentE = e;
                segmentR = r;
            } else if (symbol(c) && inWord(text, i)) {
                leet = true;
            }
        }
        String t = candidate < 0 ? text : EncodedRuns.decoded(text, EncodedRuns.find(text, candidate));
        if (leet) {
            t = leet(t);
        }
        // after the runs: a decoded run may be ROT13 too ("Decodeer: " + base64 of a ROT13 line)
        if (rot13 && !disguised || t != text) {
            t = rot13Lines(t);
        }
        return t;
    }

    /**
     * Whether a line reads as ROT13: {@code a e i o} (about 39 % of Dutch letters, 35 % of English) are rarer than
     * their ROT13 images {@code n r v b} (20 %, 15 %) by a quarter or more; in ROT13 of either it is the other way round.
     */
    private static boolean rotated(int letters, int vowels, int images) {
        return letters >= ROT13_LETTERS && 4 * vowels < 3 * images;
    }

    private static boolean letter(char c) {
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'z';
    }

    private static boolean mapped(char c) {
        return c == '0' || c == '1' || c == '3' || c == '4' || c == '5' || c == '7';
    }

    /** A symbol written for a letter (encoded45): {@code @ $ € !} for {@code a s e i}. */
    private static boolean symbol(char c) {
        return c == '@' || c == '$' || c == '€' || c == '!';
    }

    /**
     * Whether the symbol at {@code i} stands inside a word: a letter before it, and after it a letter or another symbol
     * ({@code prec!€s}); a {@code !} only before a lower-case letter ({@code mee!Let op} is a sentence's end).
     */
    private static boolean inWord(String s, int i) {
        if (i == 0 || i + 1 >= s.length() || !letter(s.charAt(i - 1)) && !symbol(s.charAt(i - 1))) {
            return false;
        }
        char next = s.charAt(i + 1);
        return s.charAt(i) == '!' ? next >= 'a' && next <= 'z' || symbol(next)
                : (letter(next) || symbol(next)) && !(s.charAt(i) == '@' && beforeDomain(s, i + 1));
    }

    /** Whether a domain ({@code gemeente.nl}) starts at {@code i}: an e-mail address's {@code @} is no letter. */
    private static boolean beforeDomain(String s, int i) {
        int k = i;
        while (k < s.length() && (letter(s.charAt(k)) || s.charAt(k) >= '0' && s.charAt(k) <= '9' || s.charAt(k) == '-')) {
            k++;
        }
        return k + 1 < s.length() && s.charAt(k) == '.' && letter(s.charAt(k + 1));
    }

    private static char asLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '@' -> 'a';
            case '$' -> 's';
            case '€' -> 'e';
            case '!' -> 'i';
            default -> c;
        };
    }

    /**
     * Each word of letters, digits and symbols inside it ({@link #inWord}) with ≥ 3 letters and a mapped digit or a
     * symbol between letters written in letters; not a word with another digit, nor an e-mail address's name
     * ({@code jan@gemeente.nl}: a {@code @} before a domain).
     */
    static String leet(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9')) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            boolean other = false;
            boolean at = false;
            while (i < n && (letter(s.charAt(i)) || s.charAt(i) >= '0' && s.charAt(i) <= '9' || symbol(s.charAt(i)) && inWord(s, i))) {
                char d = s.charAt(i);
                letters += letter(d) ? 1 : 0;
                other |= d >= '0' && d <= '9' && !mapped(d);
                at |= d == '@';
                i++;
            }
            boolean between = false;
            for (int k = start + 1; k < i - 1 && !between; k++) {
                // a mapped digit or a symbol (or a row of them) with a letter on both sides
                if (readAsLetter(s.charAt(k)) && letter(s.charAt(k - 1))) {
                    int m = k;
                    while (m < i && readAsLetter(s.charAt(m))) {
                        m++;
                    }
                    between = m < i && letter(s.charAt(m));
                }
            }
            boolean email = at && i + 1 < n && s.charAt(i) == '.' && letter(s.charAt(i + 1));
            if (between && letters >= 3 && !other && !email) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, start);
                }
                for (int k = start; k < i; k++) {
                    out.append(asLetter(s.charAt(k)));
                }
            } else if (out != null) {
                out.append(s, start, i);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean readAsLetter(char c) {
        return mapped(c) || symbol(c);
    }

    /**
     * Each line that reads as ROT13 (see the class comment) rotated back; in a line that does not, each part after a
     * {@code :} that does ({@code Ontcijfer en voer uit: <ROT13>}, encoded45). The text itself when none does.
     */
    static String rot13Lines(String s) {
        StringBuilder out = null;
        int n = s.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = s.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            boolean whole = rotated(s, lineStart, lineEnd);
            int part = lineStart;
            while (part <= lineEnd) {
                int partEnd = part;
                while (partEnd < lineEnd && s.charAt(partEnd) != ':') {
                    partEnd++;
                }
                partEnd = partEnd >= lineEnd ? lineEnd : partEnd + 1;
                boolean rotate = rotatedPart(s, part, partEnd, whole);
                if (rotate && out == null) {
                    out = new StringBuilder(n).append(s, 0, part);
                }
                if (out != null) {
                    for (int k = part; k < partEnd; k++) {
                        char c = s.charAt(k);
                        out.append(rotate ? rot13(c) : c);
                    }
                }
                part = partEnd == lineEnd ? lineEnd + 1 : partEnd;
            }
            if (out != null && lineEnd < n) {
                out.append('\n');
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? s : out.toString();
    }

    /**
     * Whether a part of a line (up to and with a {@code :}; a line without one is one part) is ROT13: one of
     * ≥ {@value #ROT13_LETTERS} letters by its own count; a shorter one when the whole line is and it does not read as
     * plain text itself ({@code Ontcijfer en voer uit: <ROT13>} keeps its instruction).
     */
    private static boolean rotatedPart(String s, int from, int to, boolean line) {
        int letters = 0;
        int e = 0;
        int r = 0;
        for (int k = from; k < to; k++) {
            char l = (char) (s.charAt(k) | 0x20);
            if (l >= 'a' && l <= 'z') {
                letters++;
                e += l == 'a' || l == 'e' || l == 'i' || l == 'o' ? 1 : 0;
                r += l == 'n' || l == 'r' || l == 'v' || l == 'b' ? 1 : 0;
            }
        }
        return letters >= ROT13_LETTERS ? rotated(letters, e, r) : line && 4 * e < 3 * r;
    }

    private static boolean rotated(String s, int from, int to) {
        return rotatedPart(s, from, to, false);
    }

    private static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 13) % 26);
        }
        return c;
    }
}
