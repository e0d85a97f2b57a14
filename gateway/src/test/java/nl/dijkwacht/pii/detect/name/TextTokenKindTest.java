package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each token's kind, held as a byte since pii25, reads back as the kind the tokeniser gave it. */
class TextTokenKindTest {

    @Test
    void everyKindReadsBack() {
        List<TextToken> tokens = TextToken.tokenize("J.P. de Vries, 't Hoen: 06-12345678 en Anne-Marie.");
        assertThat(tokens).extracting(TextToken::kind).containsExactly(
                TextToken.Kind.INITIALS, TextToken.Kind.WORD, TextToken.Kind.WORD, TextToken.Kind.PUNCT,
                TextToken.Kind.WORD, TextToken.Kind.WORD, TextToken.Kind.PUNCT, TextToken.Kind.NUMBER,
                TextToken.Kind.WORD, TextToken.Kind.WORD, TextToken.Kind.PUNCT);
        assertThat(tokens).extracting(TextToken::isWord).containsExactly(
                false, true, true, false, true, true, false, false, true, true, false);
        assertThat(tokens.get(7).lower()).isSameAs(tokens.get(7).text()); // a number is its own lower case
    }
}
