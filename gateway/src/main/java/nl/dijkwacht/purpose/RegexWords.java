package nl.dijkwacht.purpose;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Words as {@code \b…\b} of java.util.regex sees them without UNICODE_CHARACTER_CLASS: runs of {@code \w} (ASCII
 * letters, digits and {@code _}). The purpose cues walk the folded text word by word with these instead of running a
 * pattern over it.
 */
final class RegexWords {

    private RegexWords() {
    }

    /** The words of {@code text}, in order. */
    static Iterable<String> of(String text) {
        return () -> new Iterator<>() {
            private int start = nextWordStart(text, 0);

            @Override
            public boolean hasNext() {
                return start < text.length();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = wordEnd(text, start, text.length());
                String word = text.substring(start, end);
                start = nextWordStart(text, end);
                return word;
            }
        };
    }

    /** End of the run of word characters from {@code from} (itself when none). */
    static int wordEnd(String s, int from, int to) {
        int i = from;
        while (i < to && isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Start of the run of word characters that ends at {@code to} ({@code to} itself when none). */
    static int wordStart(String s, int from, int to) {
        int i = to;
        while (i > from && isWordChar(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@code \w} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static int nextWordStart(String s, int from) {
        int i = from;
        while (i < s.length() && !isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
