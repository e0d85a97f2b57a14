package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import nl.dijkwacht.pii.anonymize.AnonymizedText;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.normalize.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Disguised personal data (issue #9: "small changes of form hide data from the detector") is found, the placeholder
 * replaces the whole disguised original, the answer gets the original back (whole and streamed), and what may be
 * stored ({@link PiiEngine#redactAll}) holds no form of the value.
 */
class NormalFormEvasionTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();
    private static final Anonymizer ANONYMIZER = new Anonymizer("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));
    private static final TextNormalizer NORMAL = new TextNormalizer();

    static Stream<Arguments> evasions() {
        return Stream.of(
                // the evasions reported in issue #9
                row("BSN with hyphens", "Mijn BSN is ", "111-222-333", EntityType.BSN, "111222333"),
                row("BSN in full-width digits", "Mijn BSN is ", "１１１２２２３３３", EntityType.BSN, "111222333"),
                row("zero-width space in a BSN", "Mijn BSN is ", "111\u200B222\u200B333", EntityType.BSN, "111222333"),
                row("NUL in a BSN", "Mijn BSN is ", "111\u0000222333", EntityType.BSN, "111222333"),
                row("zero-width space in an e-mail address", "Mail ", "jan.jansen\u200B@example.nl", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("NUL in an e-mail address", "Mail ", "jan.jansen@exam\u0000ple.nl", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("full-width at", "Mail ", "jan.jansen＠example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("(at)", "Mail ", "jan.jansen(at)example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                // ones we would try ourselves
                row("BSN with dots", "BSN ", "111.222.333", EntityType.BSN, "111222333"),
                row("BSN with spaced hyphens", "Mijn BSN is ", "111 - 222 - 333", EntityType.BSN, "111222333"),
                row("BSN with underscores", "Mijn BSN is ", "111_222_333", EntityType.BSN, "111222333"),
                row("BSN with en dashes", "Mijn BSN is ", "111–222–333", EntityType.BSN, "111222333"),
                row("BSN in Arabic-Indic digits", "BSN ", "١١١٢٢٢٣٣٣", EntityType.BSN, "111222333"),
                row("BSN in mathematical digits", "BSN ", "\uD835\uDFCF\uD835\uDFCF\uD835\uDFCF222333", EntityType.BSN,
                        "111222333"),
                row("soft hyphens and word joiners", "BSN ", "111\u00AD222\u2060333", EntityType.BSN, "111222333"),
                row("right-to-left override", "BSN ", "111\u202E222\u202C333", EntityType.BSN, "111222333"),
                row("combining marks on digits", "BSN ", "1\u03321\u03321\u0332222333", EntityType.BSN, "111222333"),
                row("OCR letters for digits", "BSN ", "l1l222333", EntityType.BSN, "111222333"),
                row("BSN 1234 56 782 grouping", "BSN ", "1234 56 782", EntityType.BSN, "123456782"),
                row("[at] and [dot]", "Mail ", "jan.jansen [at] example [dot] nl", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("spelled out at and dot", "Mail ", "jan.jansen at example dot nl", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("spaced @", "Mail ", "jan.jansen @ example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("Dutch apenstaartje", "Mail ", "jan.jansen apenstaartje example punt nl", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("full-width e-mail address", "Mail ", "ｊａｎ．ｊａｎｓｅｎ＠ｅｘａｍｐｌｅ．ｎｌ", EntityType.EMAIL,
                        "jan.jansen@example.nl"),
                row("no-break spaces in an IBAN", "Rekening ", "NL91\u00A0ABNA\u00A00417\u00A01643\u00A000",
                        EntityType.IBAN, "NL91ABNA0417164300"),
                row("full-width IBAN", "Rekening ", "ＮＬ９１ＡＢＮＡ０４１７１６４３００", EntityType.IBAN, "NL91ABNA0417164300"),
                row("zero-width space in an IBAN", "Rekening ", "NL91ABNA\u200B0417164300", EntityType.IBAN,
                        "NL91ABNA0417164300"),
                row("full-width phone number", "Bel ", "０６-１２３４５６７８", EntityType.PHONE, "0612345678"),
                row("phone with spaced dashes", "Bel ", "06 - 123 - 456 - 78", EntityType.PHONE, "0612345678"),
                row("zero-width joiner in a phone number", "Bel ", "06\u200D12345678", EntityType.PHONE, "0612345678"),
                row("full-width postcode", "Postcode ", "３５１１ＡＢ", EntityType.POSTCODE, "3511AB"),
                // look-alikes and encodings of '@' (issue #9, second session)
                row("small commercial at", "Mail ", "jan.jansen\uFE6Bexample.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("(a) for at", "Mail ", "jan.jansen(a)example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("[a] for at", "Mail ", "jan.jansen [a] example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("{at} for at", "Mail ", "jan.jansen{at}example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("HTML character reference", "Mail ", "jan.jansen&#64;example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("hexadecimal HTML reference", "Mail ", "jan.jansen&#x40;example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("named HTML reference", "Mail ", "jan.jansen&commat;example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("percent-encoded at", "Mail ", "jan.jansen%40example.nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("AT and DOT in capitals", "Mail ", "jan.jansen AT example DOT nl", EntityType.EMAIL, "jan.jansen@example.nl"),
                row("Cyrillic letters in the address", "Mail ", "j\u0430n.j\u0430nsen@ex\u0430mple.nl", EntityType.EMAIL,
                        "jаn.jаnsen@exаmple.nl"),
                row("circled digits", "BSN ", "①①①②②②③③③", EntityType.BSN, "111222333"),
                row("superscript digits", "BSN ", "¹¹¹²²²³³³", EntityType.BSN, "111222333"),
                row("subscript digits", "BSN ", "₁₁₁₂₂₂₃₃₃", EntityType.BSN, "111222333"),
                row("zero-width non-joiner", "BSN ", "1112223\u200C33", EntityType.BSN, "111222333"),
                row("variation selector", "BSN ", "111\uFE0F222333", EntityType.BSN, "111222333"),
                row("thin spaces", "BSN ", "111\u2009222\u2009333", EntityType.BSN, "111222333"));
    }

    private static Arguments row(String what, String before, String disguised, EntityType type, String plainDigits) {
        return Arguments.of(what, before, disguised, type, plainDigits);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("evasions")
    void disguisedValueIsFoundReplacedWholeAndRestored(String what, String before, String disguised, EntityType type,
            String plain) {
        String text = before + disguised + " graag verwerken.";
        List<Finding> findings = ENGINE.detect(text);
        assertThat(findings).as("findings").anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(type);
            assertThat(f.start()).isEqualTo(before.length());
            assertThat(f.end()).isEqualTo(before.length() + disguised.length());
        });

        PlaceholderVault vault = new PlaceholderVault();
        AnonymizedText out = ANONYMIZER.apply(text, findings, OperatorPolicy.pseudonymiseAll(), vault);
        assertThat(compact(out.text())).as("what leaves").doesNotContain(plain.toLowerCase(java.util.Locale.ROOT));
        assertThat(out.text()).contains("[" + type.label() + "_1]");

        String answer = "Verwerkt: " + out.text();
        assertThat(new PlaceholderRestorer(vault).restoreAll(answer)).isEqualTo("Verwerkt: " + text);
        PlaceholderRestorer stream = new PlaceholderRestorer(vault);
        StringBuilder streamed = new StringBuilder();
        for (int i = 0; i < answer.length(); i++) {
            stream.onChunk(answer.substring(i, i + 1), streamed::append);
        }
        stream.onComplete(streamed::append);
        assertThat(streamed.toString()).isEqualTo("Verwerkt: " + text);

        assertThat(vault.containsValue(plain)).as("output scan knows the value in any form").isTrue();
        assertThat(ENGINE.scanOutput("Verwerkt: " + plain, vault)).isEmpty();

        String stored = ENGINE.redactAll(text);
        assertThat(compact(stored)).as("what is stored").doesNotContain(plain.toLowerCase(java.util.Locale.ROOT));
        assertThat(stored).isEqualTo(before + "[" + type.label() + "] graag verwerken.");
    }

    /** The normal form without separators: what a reader of the text could still recover. */
    private static String compact(String s) {
        return NORMAL.normalize(s).text().replaceAll("[\\s.\\-_]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
