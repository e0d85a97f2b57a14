package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.dijkwacht.pii.PieceTexts;
import nl.dijkwacht.pii.PiiEngineBenchmark;
import nl.dijkwacht.pii.PiiEngineCostComparison;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import nl.dijkwacht.pii.evalforms.FormsEvalSet.Doc;
import org.junit.jupiter.api.Test;

/**
 * The normaliser gives the same normal form and the same offset map as before its passes were skipped by what the
 * text holds ({@link TenPassTextNormalizer}): on every development text of the PII corpora, in lower and upper case
 * too, and on generated texts of every disguise it undoes. Failures name a text by its id or number, never its content.
 */
class TextNormalizerSameOutputTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final TenPassTextNormalizer reference = new TenPassTextNormalizer();

    /** The disguises the passes undo and the characters their checks look for, to be glued together at random. */
    private static final String[] PIECES = {
        // plain words, spaces, line ends, tabs
        "Jan", "jansen", "aan", "Dorp", "de", " ", " ", " ", "  ", "   ", "\n", "\n", "\t", "\r\n", ", ", ". ", ":",
        // NFKC compatibility characters, other scripts' digits, no-break and thin spaces, surrogate pairs
        "１２３", "＠", "﹫", "ﬁ", "ﬀ", "²", "½", "①", "\u00A0", "\u2009", "\u202F", "\u0661\u0662", "\uD835\uDFCF",
        "\uD83D\uDE00", "\uD800", "\uDC00", "Ⅻ", "㎏", "ｅ", "Ａ", "€", "é", "ü", "ß", "Ĳ", "ŀ", "ǅ", "µ", "×",
        // combining marks (on letters, digits, spaces, at the start), invisibles and controls
        "\u0301", "\u0308", "\u0332", "\u20DD", "\u0903", "e\u0301", "a\u0308\u0301", "\u200B", "\u200C", "\u200D",
        "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u202C", "\uFE0F", "\u034F", "\u0000", "\u0007", "\u001B", "\u007F",
        "\u0085", "\u000B", "\u000C", "\u2028", "\u2029", "\u180E", "\u3164", "\u2800", "\uDB40\uDD00",
        // dashes
        "\u2013", "\u2014", "\u2212", "\u2010", "\uFE63", "\uFF0D", "-", "--",
        // written-out and spaced '@' and dots
        "(at)", "[at]", "{at}", "<at>", "( at )", "(a)", "(@)", " at ", " AT ", " apenstaartje ", " @ ", "@ ", " @",
        "@", "&#64;", "&#064;", "&#x40;", "&commat;", "%40", "(dot)", "[punt]", " dot ", " punt ", ".", "nl", "com",
        "example", "jan.jansen", "j_an+x", "(", ")", "[", "<", "&", "%", "#",
        // numbers, OCR letters, separators, boxes, IBANs, street words, months, line breaks
        "0", "1", "2", "5", "9", "06", "12", "111", "2222", "06-1234", "O", "o", "I", "l", "ll", "lO", "B", "S", "3B",
        "1B", "S12", "_", "/", " - ", " . ", "|", "2|9|O|4|1|9|3|6", "NL91ABNA0417164300", "NL12ABNA23O4856O47", "NL",
        "ABNA", "9I", " straat ", "laan", " gracht", "Kerkewijk  190", "7131  PK", "Zwaluw straat 30", " maart",
        " mei ", "april", "Wolt-\nhuis", "06 4755\n5810", "K1aas", "M0HAMED", "0UATTARA", "Vrie5", "Roe11laan",
        "S i m o n e", "9 7 1 1 R S", "a b c d e f", "x", "y", "A", "Z",
    };

    @Test
    void sameNormalFormAndOffsetsOnEveryCorpusText() throws IOException {
        Map<String, String> texts = corpus();
        int changed = 0;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            changed += assertSame(e.getKey(), e.getValue()) ? 1 : 0;
        }
        assertThat(texts).hasSizeGreaterThan(4_000);
        assertThat(changed).as("texts the normaliser changes").isGreaterThan(100);
    }

    @Test
    void sameNormalFormAndOffsetsOnGeneratedDisguises() {
        Random random = new Random(22);
        int changed = 0;
        for (int i = 0; i < 60_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, 24);
            changed += assertSame("generated #" + i, s) ? 1 : 0;
        }
        assertThat(changed).as("texts the normaliser changes").isGreaterThan(30_000);
    }

    @Test
    void sameOnTextsWithoutDigitsOrWithoutNonAsciiCharacters() {
        Random random = new Random(2022);
        String[] ascii = Arrays.stream(PIECES).filter(p -> p.chars().allMatch(c -> c >= 0x20 && c < 0x7F))
                .toArray(String[]::new);
        String[] noDigits = Arrays.stream(PIECES).filter(p -> p.chars().noneMatch(Character::isDigit))
                .toArray(String[]::new);
        for (int i = 0; i < 30_000; i++) {
            assertSame("ascii #" + i, PieceTexts.next(random, ascii, 1, 24));
            assertSame("no digits #" + i, PieceTexts.next(random, noDigits, 1, 24));
        }
    }

    /** Whether the reference changed the text; fails when the two normal forms or offset maps differ. */
    private boolean assertSame(String id, String text) {
        NormalizedText expected = reference.normalize(text);
        NormalizedText actual = normalizer.normalize(text);
        // compared as booleans: a failure names the text, never shows its content (corpus texts hold personal data)
        assertThat(actual.text().equals(expected.text())).as("normal form of %s", id).isTrue();
        assertThat(actual.changed()).as("changed %s", id).isEqualTo(expected.changed());
        assertThat(Arrays.equals(actual.from(), expected.from())).as("starts of %s", id).isTrue();
        assertThat(Arrays.equals(actual.to(), expected.to())).as("ends of %s", id).isTrue();
        return expected.changed();
    }

    /** The texts of {@code exec:exec@pii-equivalence}: the forms set's seen parts, the letter-like set, the benchmark texts. */
    private static Map<String, String> corpus() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String split : FormsEvalSet.SPLITS) {
            if (FormsEvalSet.UNSEEN.contains(split)) {
                continue; // an unseen part is run once by the lead, never read here
            }
            for (Doc d : FormsEvalSet.load(split)) {
                texts.put(split + "/" + d.id(), d.text());
            }
        }
        try (InputStream in = TextNormalizerSameOutputTest.class.getResourceAsStream("/pii/eval/municipal-eval.jsonl")) {
            for (Doc d : FormsEvalSet.readJsonl(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                texts.put("letters/" + d.id(), d.text());
            }
        }
        List<String> harness = new ArrayList<>(PiiEngineCostComparison.HARNESS_REQUEST);
        harness.add(PiiEngineBenchmark.text(1024));
        harness.add(PiiEngineBenchmark.text(10 * 1024));
        harness.add(PiiEngineBenchmark.table(10 * 1024));
        for (int k = 0; k < harness.size(); k++) {
            texts.put("bench/" + k, harness.get(k));
        }
        Map<String, String> all = new LinkedHashMap<>(texts);
        texts.forEach((id, t) -> {
            all.put(id + "#lower", t.toLowerCase(Locale.ROOT));
            all.put(id + "#upper", t.toUpperCase(Locale.ROOT));
        });
        return all;
    }
}
