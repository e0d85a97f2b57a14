package nl.dijkwacht.words;

/**
 * {@link Character#isLetter(char)}, {@link Character#isLetterOrDigit(char)}, {@link Character#isUpperCase(char)},
 * {@link Character#isWhitespace(char)} and {@link Character#toLowerCase(char)} with ASCII answered here: the PII engine asks them of every character of a text
 * (the name rules, the word starts, the special-category terms, the letter-spacing repair), and in the gateway each
 * JDK ask is a call through {@code CharacterData} that the application's other code has made megamorphic (a virtual
 * call per character). Same answers as the JDK's for every {@code char} ({@code LettersTest}).
 */
public final class Letters {

    private Letters() {
    }

    public static boolean letter(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c);
    }

    public static boolean letterOrDigit(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    public static boolean upper(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z';
        }
        return Character.isUpperCase(c);
    }

    /** Tab, line feed, vertical tab, form feed, carriage return, the four separators 0x1C–0x1F and the space. */
    public static boolean whitespace(char c) {
        if (c < 128) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c);
    }

    public static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }
}
