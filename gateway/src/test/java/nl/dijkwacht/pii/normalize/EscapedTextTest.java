package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backslash escapes and quoted-printable read as the characters a model reads (redteam50), and left where they are none. */
class EscapedTextTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("JSON escapes of digits", "BSN \\u0031\\u0031\\u0031\\u0032\\u0032\\u0032\\u0033\\u0033\\u0033", "BSN 111222333"),
                Arguments.of("json.dumps in a name", "Ren\\u00e9 de Vries", "Ren\u00e9 de Vries"),
                Arguments.of("hexadecimal escapes", "\\x31\\x31\\x31-\\x32\\x32\\x32", "111-222"),
                Arguments.of("a surrogate pair is one character", "a\\ud83d\\ude00b", "a\uD83D\uDE00b"),
                Arguments.of("a lone surrogate stays", "a\\ud83db", "a\\ud83db"),
                Arguments.of("an escaped backslash is text", "C:\\\\u0031 en \\\\x31", "C:\\\\u0031 en \\\\x31"),
                Arguments.of("a path is no escape", "C:\\Users\\xampp\\new", "C:\\Users\\xampp\\new"),
                Arguments.of("quoted-printable digits", "BSN =31=31=31=32=32=32=33=33=33.", "BSN 111222333."),
                Arguments.of("quoted-printable UTF-8", "Ren=C3=A9 de Vries", "Ren\u00e9 de Vries"),
                Arguments.of("a soft line break inside a value", "BSN 111222=\n333 en 0612=\r\n345678",
                        "BSN 111222333 en 0612345678\nBSN 111222=\n\n333 en 0612=\r\n"),
                Arguments.of("a soft line break inside an escape run", "=31=31=\n=31", "111"),
                Arguments.of("a single escape is an assignment", "bsn=311222333, x=12, a=40", "bsn=311222333, x=12, a=40"),
                Arguments.of("lower case is no quoted-printable", "=3d=3d", "=3d=3d"),
                Arguments.of("an equals sign before a line break in text stays", "a =\nb en x=\n y", "a =\nb en x=\n y"),
                Arguments.of("bytes that are no UTF-8 stay", "=FF=FE", "=FF=FE"),
                // review50: a decoded letter or a joined line break never glues a letter onto a number (or a number
                // onto a word): the recognizers' edges must still hold where the escape or the break stood
                Arguments.of("a letter escaped after a number: joined, and kept apart at the end", "BSN 111222333\\x41 volgt", "BSN 111222333A volgt\nBSN 111222333 A volgt"),
                Arguments.of("a JSON-escaped letter after a number: both readings", "BSN 111222333\\u0041 volgt", "BSN 111222333A volgt\nBSN 111222333 A volgt"),
                Arguments.of("a digit escaped after a word: both readings", "NL91ABNA\\x30", "NL91ABNA0\nNL91ABNA 0"),
                Arguments.of("quoted-printable letters after a number: both readings", "BSN 111222333=41=42 volgt", "BSN 111222333AB volgt\nBSN 111222333 AB volgt"),
                Arguments.of("a soft line break between a number and a word: both readings", "BSN 111222333=\nvolgt", "BSN 111222333volgt\nBSN 111222333 volgt"),
                Arguments.of("an escaped name stays one word", "\\u004a\\u0061\\u006e 12", "Jan 12"),
                // redteam51: CSS escapes, a backslash before punctuation (Markdown, Telegram, regular expressions),
                // LaTeX's thin space, RTF's \'hh and an RTF document's control words
                Arguments.of("CSS escapes of digits", "BSN \\31 \\31 \\31 \\32 \\32 \\32 \\33 \\33 \\33", "BSN 111222333"),
                Arguments.of("CSS escapes without spaces", "BSN \\31\\31\\31\\32\\32\\32.", "BSN 111222."),
                // review51: a decoded digit is not joined over the ending space to more digits (0111222333 is a phone
                // number, and the BSN behind it went out where phones are allowed), so CSS.escape's id stays apart too
                Arguments.of("CSS.escape of an id that starts with a digit", "#\\31 11222333 { color: red }",
                        "#1 11222333 { color: red }"),
                Arguments.of("a digit escape before a number keeps the number apart", "BSN \\30 111222333", "BSN 0 111222333"),
                Arguments.of("a CSS escape of an at sign", "mail jan\\40 example.nl", "mail jan@example.nl"),
                Arguments.of("a CSS escape past Latin letters stays", "q::before { content: \"\\201C\"; } map \\1234 AB",
                        "q::before { content: \"\\201C\"; } map \\1234 AB"),
                Arguments.of("a CSS-escaped accent", "Ren\\e9  de Vries", "Ren\u00e9 de Vries"),
                Arguments.of("a path is no CSS escape", "C:\\Users\\Bea\\0201234567.pdf en \\0d\\0a",
                        "C:\\Users\\Bea\\0201234567.pdf en \\0d\\0a"),
                Arguments.of("a Markdown-escaped phone number", "bel 06\\-12345678", "bel 06-12345678"),
                Arguments.of("a Markdown-escaped e-mail address", "jan\\.jansen\\@example\\.nl", "jan.jansen@example.nl"),
                Arguments.of("a regular expression stays readable", "\\d{3}\\-\\d{4} en \\w+\\.nl", "\\d{3}-\\d{4} en \\w+.nl"),
                Arguments.of("LaTeX's thin space", "$111\\,222\\,333$", "$111 222 333$"),
                Arguments.of("RTF's hexadecimal escapes", "BSN \\'31\\'31\\'31\\'32 en Ren\\'e9", "BSN 1112 en Ren\u00e9"),
                Arguments.of("an apostrophe escaped in code stays", "'it\\'s' en \\'1f", "'it's' en \\'1f"),
                Arguments.of("RTF bytes Windows-1252 leaves undefined stay", "\\'81 \\'9d en \\'a0x\\'80", "\\'81 \\'9d en  x\u20ac"),
                Arguments.of("an RTF document's control words and groups", "{\\rtf1\\ansi BSN 111{\\b 222}333\\par Ren\\u233? de Vries}",
                        "BSN 111222333\nRen\u00e9 de Vries\nansi BSN 111{\\b \nb 222}"),
                Arguments.of("a parameter no RTF control word has stays as text", "{\\rtf1 Het BSN is \\fs111222333 klaar}",
                        "Het BSN is 111222333 klaar"),
                Arguments.of("an RTF control word between a number and a word", "{\\rtf1 BSN 111222333\\b volgt}", "BSN 111222333volgt\nBSN 111222333 volgt"),
                Arguments.of("control words outside an RTF document stay", "zie \\b en \\par hier", "zie \\b en \\par hier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void readsEscapesAsTheirCharacters(String name, String original, String normal) {
        assertThat(normalizer.normalize(original).text()).isEqualTo(normal);
    }

    @Test
    void aFindingInTheNormalFormCoversTheEscapesInTheOriginal() {
        String original = "BSN \\u0031\\u0031\\u0031222=\n=33=33=33 graag";
        NormalizedText text = normalizer.normalize(original);
        int start = text.text().indexOf("111");
        assertThat(text.text()).contains("111222333 graag");
        assertThat(original.substring(text.originalStart(start), text.originalEnd(start + 9)))
                .isEqualTo("\\u0031\\u0031\\u0031222=\n=33=33=33");
    }

    @Test
    void textWithoutTheTriggerCharacterIsLeftAtOnce() {
        assertThat(BackslashEscapes.edits("BSN 111 222 333 u0031")).isEmpty();
        assertThat(QuotedPrintable.edits("BSN 31 31 31")).isEmpty();
    }
}
