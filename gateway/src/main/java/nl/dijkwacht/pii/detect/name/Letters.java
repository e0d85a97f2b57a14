package nl.dijkwacht.pii.detect.name;

/**
 * {@link Character#isLetter(char)}, {@link Character#isUpperCase(char)} and {@link Character#isWhitespace(char)} with
 * ASCII answered here: the name rules ask them of every character of a text, and in the gateway each JDK ask is a
 * call through {@code CharacterData} that the application's other code has made megamorphic (a virtual call per
 * character). Same answers as the JDK's for every {@code char} ({@code LettersTest}).
 */
final class Letters {

    private Letters() {
    }

    static boolean letter(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c);
    }

    static boolean upper(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z';
        }
        return Character.isUpperCase(c);
    }

    /** Tab, line feed, vertical tab, form feed, carriage return, the four separators 0x1C–0x1F and the space. */
    static boolean whitespace(char c) {
        if (c < 128) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c);
    }
}
