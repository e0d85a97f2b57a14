package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** HTML character references read as a browser shows them (redteam48), and left alone where they are none. */
class HtmlCharacterReferencesTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("no-break spaces in a number", "BSN 111&nbsp;222&nbsp;333", "BSN 111 222 333"),
                Arguments.of("decimal references", "BSN &#49;&#49;&#49;&#50;&#50;&#50;&#51;&#51;&#51;", "BSN 111222333"),
                Arguments.of("decimal without the semicolon", "BSN &#49&#49&#49;222333", "BSN 111222333"),
                Arguments.of("hexadecimal references", "BSN &#x31;&#X31;&#x031;222333", "BSN 111222333"),
                Arguments.of("named punctuation in an address", "jan&period;jansen&commat;example&period;nl", "jan.jansen@example.nl"),
                Arguments.of("non-breaking hyphen as a number", "06&#8209;12345678", "06-12345678"),
                Arguments.of("dash and soft hyphen", "111&ndash;222&shy;333", "111-222333\n222&shy;"),
                Arguments.of("a full-width digit as a reference", "&#65297;11222333", "111222333"),
                Arguments.of("a named letter", "Ren&eacute; Jansen", "René Jansen"),
                Arguments.of("one layer only", "&amp;#49; &amp; co", "&#49; & co"),
                Arguments.of("ampersands that are no reference", "Jansen & Zn, R&D, &foo; &#; &#x; &#xZZ; &#1114112;",
                        "Jansen & Zn, R&D, &foo; &#; &#x; &#xZZ; &#1114112;"),
                Arguments.of("a hexadecimal reference asks its semicolon", "&#x31 2", "&#x31 2"),
                Arguments.of("legacy names without the semicolon (pii49)", "BSN 111&nbsp222&nbsp333", "BSN 111 222 333"),
                Arguments.of("a legacy name before letters", "Ren&eacutex &amp co", "Renéx & co"),
                Arguments.of("leading zeros beyond eight digits (pii49)", "BSN &#0000000049;&#x000000000031;1222333",
                        "BSN 111222333"),
                Arguments.of("a name that is no legacy one asks its semicolon", "jan&commatexample.nl", "jan&commatexample.nl"),
                Arguments.of("a legacy name before = in a link is left", "?zaak=5&copy=2&not=3", "?zaak=5&copy=2&not=3"),
                // review50: no letter glued onto a number, where no recognizer's edge would hold
                Arguments.of("a letter reference after a number: both readings", "BSN 111222333&#65; volgt", "BSN 111222333A volgt\nBSN 111222333 A volgt"),
                Arguments.of("a soft hyphen between a number and a word: both readings", "BSN 111222333&shy;volgt", "BSN 111222333volgt\nBSN 111222333 volgt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void readsReferencesAsTheirCharacters(String name, String original, String normal) {
        assertThat(normalizer.normalize(original).text()).isEqualTo(normal);
    }

    @Test
    void aFindingInTheNormalFormCoversTheReferencesInTheOriginal() {
        OriginalSpans.assertCovers("BSN 111&nbsp;222&nbsp;333.", "111 222 333", "111&nbsp;222&nbsp;333");
    }

    @Test
    void textWithoutAnAmpersandIsLeftAsItIs() {
        assertThat(HtmlCharacterReferences.edits("BSN 111 222 333")).isEmpty();
        assertThat(HtmlCharacterReferences.edits("&")).isEmpty();
        assertThat(HtmlCharacterReferences.edits("a &#")).isEmpty();
    }
}
