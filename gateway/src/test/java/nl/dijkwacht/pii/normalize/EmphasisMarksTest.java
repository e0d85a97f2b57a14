package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown and BBCode emphasis read away inside a number (redteam50), and left in ordinary text. */
class EmphasisMarksTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    static Stream<Arguments> marks() {
        return Stream.of(
                Arguments.of("bold inside a number", "BSN 111**222**333", "BSN 111222333\nBSN 111**\n222**"),
                Arguments.of("bold opening a number", "BSN **111**222333", "BSN **111222333\n111**"),
                Arguments.of("strike-through", "111~~222~~333", "111222333\n111~~\n222~~"),
                Arguments.of("underscores between single digits", "1_1_1_2_2_2_3_3_3",
                        "111222333\n1_\n1_\n1_\n2_\n2_\n2_\n3_\n3_"),
                Arguments.of("BBCode", "[b]111[/b]222[color=red]333[/color]",
                        "111222333\n111[/b]\n222[color=red]"),
                Arguments.of("BBCode in capitals, a tag opening the text", "[B]06[/B]-12345678", "06-12345678"),
                Arguments.of("a date keeps its separators", "12_03_1985 en 111_222_333", "12-03-1985 en 111-222-333"),
                Arguments.of("arithmetic stays", "2*3 = 6, 3 * 4, ~100 euro", "2*3 = 6, 3 * 4, ~100 euro"),
                Arguments.of("emphasis around words stays", "**Let op**: __niet__ doen, snake_case en file_2024_v2",
                        "**Let op**: __niet__ doen, snake_case en file_2024_v2"),
                // redteam51: a link's tag is read away as HTML's, what it says moved to the text's end and scanned there
                Arguments.of("a link inside a number", "BSN [url=https://x.nl]111[/url]222333",
                        "BSN 111222333\n[url=https://x.nl]\n111[/url]"),
                Arguments.of("a link and a number in a value", "[url=https://x.nl]a[/url] [size=111222333]x",
                        "a [size=111222333]x\n[url=https://x.nl]"),
                Arguments.of("an e-mail tag", "[email]jan@example.nl[/email] en [email=jan@example.nl]Jan[/email]",
                        "jan@example.nl en Jan\n[email=jan@example.nl]"),
                Arguments.of("placeholders and brackets stay", "[BSN] en [bijlage 2] en [i", "[BSN] en [bijlage 2] en [i"),
                // review50: a mark read away between a number and a word leaves them apart (the number's edge held)
                Arguments.of("bold between a number and a word", "BSN 111222333**volgt", "BSN 111222333volgt\nBSN 111222333 volgt"),
                Arguments.of("BBCode between a number and a word", "BSN [b]111222333[/b][i]volgt", "BSN 111222333volgt\n111222333 volgt"),
                Arguments.of("strike-through between a word and a number", "BSN~~111222333", "BSN111222333\nBSN 111222333"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("marks")
    void readsEmphasisAwayInsideNumbers(String name, String original, String normal) {
        assertThat(normalizer.normalize(original).text()).isEqualTo(normal);
    }
}
