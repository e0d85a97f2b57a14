package nl.dijkwacht.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Letters} answers as the JDK does for every {@code char}; its ASCII branch is only a shortcut. */
class LettersTest {

    @Test
    void sameAnswersAsTheJdkForEveryChar() {
        int differ = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (Letters.letter(c) != Character.isLetter(c) || Letters.upper(c) != Character.isUpperCase(c)
                    || Letters.lower(c) != Character.toLowerCase(c)
                    || Letters.letterOrDigit(c) != Character.isLetterOrDigit(c)
                    || Letters.whitespace(c) != Character.isWhitespace(c)) {
                differ++;
            }
        }
        assertThat(differ).isZero();
    }
}
