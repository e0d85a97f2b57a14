package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A token's lower case and capital, decided in {@link TextToken#tokenize} with {@code Letters}, are the JDK's. */
class TextTokenCaseTest {

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
