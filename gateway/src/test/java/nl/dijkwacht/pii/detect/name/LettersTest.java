package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link Letters} answers as the JDK does for every {@code char}; its ASCII branch is only a shortcut. */
class LettersTest {

    @Test
    void sameAnswersAsTheJdkForEveryChar() {
        int differ = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (Letters.letter(c) != Character.isLetter(c) || Letters.upper(c) != Character.isUpperCase(c)
                    || Letters.whitespace(c) != Character.isWhitespace(c)) {
                differ++;
            }
        }
        assertThat(differ).isZero();
    }

    @Test
    void tokensKeepTheirLowerCaseAndCapital() {
        String text = "Geachte mevrouw Özdemir, ik ben Jan-Willem de Vries uit 's-Hertogenbosch; ΣΟΦΙΑ ΟΔΥΣΣΕΑΣ schreef."
                + " J.P. van 't Hof\tbelde\u001Cterug.";
        for (TextToken t : TextToken.tokenize(text)) {
            assertThat(t.lower()).isEqualTo(t.text().toLowerCase(Locale.ROOT));
            assertThat(t.capitalised()).isEqualTo(t.kind() == TextToken.Kind.WORD && Character.isUpperCase(t.text().charAt(0)));
        }
    }
}
