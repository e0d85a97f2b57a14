package nl.dijkwacht.api;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values the model reads whole while the scan saw them split or encoded (redteam50): a link's tag inside a number,
 * backslash escapes as pasted from JSON or code, quoted-printable as pasted from a mail's raw source. Before, each of
 * these reached the model raw; so did a number split by Markdown or BBCode emphasis.
 */
class EscapedValueDoorsTest extends ExternModelDoorsTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BSN, a link inside it        | <p>BSN: 111<a href=\"https://dossier.example.nl/zaak/7\">222</a>333</p>      | 222</a>333      | BSN",
            "e-mail in a link, BSN after  | Zie <a href=\"mailto:jan.jansen@example.nl\">hier</a>; BSN 111<a href=x>222</a>333 | jan.jansen      | EMAIL",
            "BSN after an e-mail link     | Zie <a href=\"mailto:jan.jansen@example.nl\">hier</a>; BSN 111<a href=x>222</a>333 | 222</a>333      | BSN",
            "BSN, JSON escapes            | BSN \\u0031\\u0031\\u0031\\u0032\\u0032\\u0032\\u0033\\u0033\\u0033        | u0032           | BSN",
            "BSN, hexadecimal escapes     | BSN \\x31\\x31\\x31\\x32\\x32\\x32\\x33\\x33\\x33                          | x32             | BSN",
            "e-mail, escaped at sign      | Mail jan.jansen\\u0040example.nl vandaag                                   | example.nl      | EMAIL",
            "BSN, quoted-printable        | BSN =31=31=31=32=32=32=33=33=33 graag                                      | =32=32          | BSN",
            "e-mail, soft line break      | Mail jan.jansen@exam=\\nple.nl vandaag                                     | exam            | EMAIL",
            "name, json.dumps             | {\"naam\": \"Ren\\u00e9 de Vries\", \"woonplaats\": \"Utrecht\"}    | Vries           | PERSON",
            "BSN, Markdown bold           | BSN **111**222333 graag                                                     | 111**222333     | BSN",
            "BSN, underscores             | BSN 1_1_1_2_2_2_3_3_3                                                       | 2_2_2           | BSN",
            "BSN, BBCode                  | BSN [b]111[/b]222333                                                        | [/b]222333      | BSN",
            "IBAN, soft line break        | Rekening NL91ABNA04171=\\n64300 graag terugstorten                          | 64300           | IBAN",
            // review50: an escape or a soft line break that would glue a letter onto the value (found before redteam50)
            "BSN, an escaped letter after | BSN 111222333\\x41 volgt                                                 | 111222333       | BSN",
            "BSN, quoted-printable after  | BSN 111222333=41=42 volgt                                                 | 111222333       | BSN",
            "BSN, a word after a soft break | BSN 111222333=\\nvolgt                                                  | 111222333       | BSN",
            "IBAN, a word after a soft break | Rekening NL91ABNA0417164300=\\nDank                                    | 0417164300      | IBAN",
            "BSN, a letter reference after | BSN 111222333&#65; volgt                                                 | 111222333       | BSN",
            "BSN, bold before a word      | BSN **111222333**volgt                                                    | 111222333       | BSN"})
    void personalDataEscapedOrSplitIsGoverned(String name, String text, String raw, String entity) throws Exception {
        assertGovernedOnTheWay(text.replace("\\n", "\n"), raw, entity);
    }

    /**
     * redteam51: CSS, Markdown, RTF and LaTeX escapes, a single quoted-printable or defanged '@', a BBCode link, an
     * ideographic full stop in a domain, and a decoding that glued a digit onto a whole value (1112223331: the escape,
     * tag or mark after it was read, and the longer number matched nothing; also on session 50's passes).
     */
    static Stream<Arguments> walkArounds() {
        return Stream.of(
                Arguments.of("BSN, CSS escapes", "BSN \\31 \\31 \\31 \\32 \\32 \\32 \\33 \\33 \\33 graag", "\\32 \\32", "BSN"),
                Arguments.of("BSN, a CSS-escaped digit before it", "BSN: \\30 111222333 graag", "111222333", "BSN"),
                Arguments.of("e-mail, CSS-escaped at", "Mail jan.jansen\\40 example.nl vandaag", "example.nl", "EMAIL"),
                Arguments.of("e-mail, one quoted-printable at", "Mail jan.jansen=40example.nl vandaag", "example.nl", "EMAIL"),
                Arguments.of("e-mail, defanged", "Mail jan.jansen[@]example[.]nl vandaag", "example", "EMAIL"),
                Arguments.of("e-mail, ideographic full stop", "Mail jan.jansen@example\u3002nl vandaag", "jansen", "EMAIL"),
                Arguments.of("phone, Markdown-escaped", "Bel 06\\-12345678 vandaag", "12345678", "PHONE"),
                Arguments.of("e-mail, Markdown-escaped", "Mail jan\\.jansen\\@example\\.nl vandaag", "example", "EMAIL"),
                Arguments.of("BSN, LaTeX thin spaces", "BSN $111\\,222\\,333$", "222\\,333", "BSN"),
                Arguments.of("BSN, a BBCode link inside it", "BSN [url=https://x.nl]111[/url]222333 graag", "222333", "BSN"),
                Arguments.of("BSN, an HTML comment inside it", "BSN 111<!-- zie dossier -->222333 graag", "222333", "BSN"),
                Arguments.of("BSN, RTF bytes", "{\\rtf1\\ansi BSN \\'31\\'31\\'31\\'32\\'32\\'32\\'33\\'33\\'33}", "\\'32", "BSN"),
                Arguments.of("BSN, an RTF control word's long parameter", "{\\rtf1 Het BSN is \\fs111222333 klaar}", "111222333", "BSN"),
                Arguments.of("BSN, RTF bold inside it", "{\\rtf1\\ansi BSN 111{\\b 222}333\\par}", "222}333", "BSN"),
                Arguments.of("BSN, an escaped digit after it", "BSN 111222333\\x31 volgt", "111222333", "BSN"),
                Arguments.of("BSN, a bold digit after it", "BSN 111222333<b>1</b> volgt", "111222333", "BSN"),
                Arguments.of("BSN, a Markdown mark and a digit after it", "BSN 111222333**1 volgt", "111222333", "BSN"),
                Arguments.of("BSN, a soft line break and a digit after it", "BSN 111222333=\n1 volgt", "111222333", "BSN"),
                Arguments.of("IBAN, a digit reference after it", "IBAN NL91ABNA0417164300&#49; graag", "0417164300", "IBAN"),
                // tagjoin51: an escaped digit between a letter and a digit, read joined as the model reads it
                Arguments.of("passport, a digit reference inside it", "Paspoortnummer NW3F&#52;2B71 graag", "NW3F", "ID_DOCUMENT"),
                Arguments.of("passport, an escaped digit inside it", "Paspoortnummer NW3F\\x342B71 graag", "NW3F", "ID_DOCUMENT"),
                Arguments.of("licence plate, escaped digits inside it", "Kenteken GX\\x32\\x31\\x34T graag", "x31", "LICENCE_PLATE"),
                // bsnglue51: a label glued onto the number, and a BSN as a folder in a file path
                Arguments.of("BSN, its label glued on", "Mijn gegevens: BSN111222333 graag", "111222333", "BSN"),
                Arguments.of("BSN, a folder in a path", "Open D:\\dossiers\\111222333\\brief.pdf graag", "111222333", "BSN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walkArounds")
    void personalDataBehindOtherEscapesIsGoverned(String name, String text, String raw, String entity) throws Exception {
        assertGovernedOnTheWay(text, raw, entity);
    }
}
