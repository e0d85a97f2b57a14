package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTML tags read as a browser lays them out (redteam49), and left as written where what they say must be scanned. */
class HtmlMarkupTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    static Stream<Arguments> tags() {
        return Stream.of(
                Arguments.of("a span inside a number", "BSN 111<span>222</span>333",
                        "BSN 111222333\nBSN 111<span>\n222</span>"),
                Arguments.of("Outlook's spans with layout attributes",
                        "<p class=MsoNormal><span lang=NL style='font-size:11.0pt;font-family:\"Calibri\",sans-serif'>111222</span>"
                                + "<span lang=NL>333</span><o:p></o:p></p>", "\n111222333\n\n111222</span><span lang=NL>"),
                Arguments.of("a line-wrap hint in an address", "jan.jansen<wbr>@example.nl", "jan.jansen@example.nl"),
                Arguments.of("self-closing and capitals", "06-<B>1234</B><WBR/>5678", "06-12345678\n1234</B><WBR/>"),
                Arguments.of("blocks become line breaks", "<div>Jan</div><p>Piet</p>a<br>b<br />c", "\nJan\n\nPiet\nab".replace("ab", "a\nb\nc")),
                Arguments.of("table cells become tabs", "<tr><td width=307 valign=top>Naam</td><td>BSN</td></tr>", "\n\tNaam\t\tBSN\t\n"),
                Arguments.of("empty and conditional comments", "111<!-- -->222<!--[if !supportLists]-->333<![endif]>",
                        "111222333\n111<!-- -->\n222<!--[if !supportLists]-->"),
                Arguments.of("a link's tag is moved to the end, its address read there", "<a href=\"mailto:jan@example.nl\">Jan</a>",
                        "Jan\n<a href=\"mailto:jan@example.nl\">"),
                Arguments.of("a link inside a number splits it no more", "111<a href=\"https://x.nl/z?id=4\">222</a>333 en <b title=t>x</b>",
                        "111222333 en x\n<a href=\"https://x.nl/z?id=4\">\n<b title=t>\n111<a href=\"https://x.nl/z?id=4\">\n222</a>"),
                Arguments.of("a comment with text inside a number", "BSN 111<!-- zie dossier -->222333",
                        "BSN 111222333\n<!-- zie dossier -->\nBSN 111<!-- zie dossier -->"),
                Arguments.of("a title keeps its name", "<span title=\"Jan Jansen\">x</span>", "x\n<span title=\"Jan Jansen\">"),
                Arguments.of("a layout value with a number stays", "<span class=\"111222333\">x</span>", "x\n<span class=\"111222333\">"),
                Arguments.of("a layout value with an at sign stays", "<span style='x:jan@example.nl'>x</span>", "x\n<span style='x:jan@example.nl'>"),
                // redteam51: read away as a browser shows it, its words moved to the end and scanned there as before
                Arguments.of("a comment with words is moved", "111<!-- zie dossier -->222",
                        "111222\n<!-- zie dossier -->\n111<!-- zie dossier -->"),
                Arguments.of("an unclosed comment stays", "111<!-- zie 222 <!--x 333", "111<!-- zie 222 <!--x 333"),
                Arguments.of("a comment of a thousand characters is moved", "a <!--" + "x".repeat(1000) + "--> b",
                        "a  b\n<!--" + "x".repeat(1000) + "-->"),
                Arguments.of("a longer comment stays", "a <!--" + "x".repeat(1001) + "--> b", "a <!--" + "x".repeat(1001) + "--> b"),
                Arguments.of("a comment's length counted in characters, not UTF-16 units",
                        "a <!--" + "\uD83D\uDE00".repeat(1000) + "--> b", "a  b\n<!--" + "\uD83D\uDE00".repeat(1000) + "-->"),
                Arguments.of("a longer comment in characters stays", "a <!--" + "\uD83D\uDE00".repeat(1001) + "--> b",
                        "a <!--" + "\uD83D\uDE00".repeat(1001) + "--> b"),
                Arguments.of("angle brackets that are no tag", "Jan Jansen <jan@example.nl>, <Jan Jansen>, a < b > c, <x>",
                        "Jan Jansen <jan@example.nl>, <Jan Jansen>, a < b > c, <x>"),
                Arguments.of("an escaped tag is text", "111&lt;b&gt;222", "111<b>222"),
                // tagjoin51: between a letter and a digit joined in place, and read kept apart at the end
                Arguments.of("a bold digit inside a passport number", "NW3F<b>4</b>2B71", "NW3F42B71\nNW3F 4\n4</b>"),
                Arguments.of("a bold number after a word", "BSN<b>111222333</b> graag", "BSN111222333 graag\nBSN 111222333"),
                Arguments.of("a bold letter after a number", "111222333<b>A</b>", "111222333A\n111222333 A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tags")
    void readsTagsAsABrowserShowsThem(String name, String original, String normal) {
        assertThat(normalizer.normalize(original).text()).isEqualTo(normal);
    }

    @Test
    void aFindingInTheNormalFormCoversTheTagsInTheOriginal() {
        OriginalSpans.assertCovers("<p>BSN: 111<span>222</span>333</p>", "111222333", "111<span>222</span>333");
    }

    @Test
    void aFindingInAMovedTagMapsBackToTheTag() {
        String original = "BSN 111<a href=\"mailto:jan@example.nl\">222</a>333.";
        NormalizedText text = normalizer.normalize(original);
        int at = text.text().indexOf("jan@");
        assertThat(original.substring(text.originalStart(at), text.originalEnd(at + "jan@example.nl".length())))
                .isEqualTo("jan@example.nl");
        int bsn = text.text().indexOf("111222333");
        assertThat(original.substring(text.originalStart(bsn), text.originalEnd(bsn + 9)))
                .isEqualTo("111<a href=\"mailto:jan@example.nl\">222</a>333");
    }

    @Test
    void textWithoutATagIsLeftAsItIs() {
        assertThat(HtmlMarkup.edits("BSN 111 222 333")).isEmpty();
        assertThat(HtmlMarkup.edits("a <")).isEmpty();
        assertThat(HtmlMarkup.edits("3 < 4 en 5 > 2")).isEmpty();
    }
}
