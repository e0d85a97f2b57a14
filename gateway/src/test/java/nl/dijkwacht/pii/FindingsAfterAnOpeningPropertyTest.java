package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: the engine finds in a text what it finds in the same text after a short neutral opening and a paragraph
 * break, at the same places (and before a paragraph break and the same closings). A search loop that stops at a match
 * at index 0 (pii25, fuzz26) loses every finding of its rule after an opening that holds its character; the
 * hand-written check set's texts and every eighth generated evaluation text stand in for real ones. Not among the openings: {@code *}, a birth date's context word ("* 3-4-1961"),
 * which rightly makes a date after it a birth date.
 */
class FindingsAfterAnOpeningPropertyTest {

    private static final String[] OPENINGS = {"(", "|", "\n", "5", "0", "15", ",", ", ", "@", "-", ".", ":", "x", "NL",
        "  ", "'", "\"", "[", "#", "\t", "ë", "\u00A0", "\r\n", "(1)", "| a | b |", "naam", "van", "İ", "İİİ", "ΣΑ", "ẞ", "ﬁ", "\uD835\uDC00"};
    private static final String BREAK = "\n\n";
    /** What the OCR repairs and the bracket links read, which few evaluation texts hold. */
    private static final List<String> SHAPES = List.of("Bel mevrouw De Vries op 06 4755\n5810 voor de afspraak.",
            "BSN: 1|2|3|4|5|6|7|8|2 staat op het formulier.", "Ik sprak gisteren met mevrouw Jan5en over de aanvraag.",
            "Zijn moeder (12-03-1961) woont sinds kort bij hem in.", "Woonachtig Kerke wijk  190, 7131  PK Lichtenvoorde.",
            "IBAN NL91 ABNA O4l7 l643 00 van de heer Bakker.", "Geboren op l2-O3-l961 te Utrecht, S i m o n e Bergkamp.");

    @Test
    void findingsAfterAnOpeningAreThoseOfTheTextAlone() throws IOException {
        PiiEngine engine = PiiEngine.dutchDefault();
        List<String> mismatches = new ArrayList<>();
        int findings = 0;
        List<String> texts = texts();
        for (String text : texts) {
            List<String> alone = spans(engine, text, 0);
            findings += alone.size();
            for (String opening : OPENINGS) {
                String o = opening + BREAK;
                List<String> after = spans(engine, o + text, o.length());
                if (!after.equals(alone)) {
                    mismatches.add("text " + texts.indexOf(text) + ", opening " + opening.codePoints().mapToObj(c -> "U+" + Integer.toHexString(c)).toList()
                            + ": alone " + alone + " after " + after);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(findings).isGreaterThan(400);
    }

    @Test
    void findingsBeforeAClosingAreThoseOfTheTextAlone() throws IOException {
        PiiEngine engine = PiiEngine.dutchDefault();
        List<String> texts = texts();
        List<String> mismatches = new ArrayList<>();
        for (String text : texts) {
            List<String> alone = spans(engine, text, 0);
            for (String closing : OPENINGS) {
                List<String> before = engine.detect(text + BREAK + closing).stream().filter(f -> f.end() <= text.length())
                        .map(f -> f.type() + " " + f.start() + "-" + f.end()).toList();
                if (!before.equals(alone)) {
                    mismatches.add("text " + texts.indexOf(text) + ", closing "
                            + closing.codePoints().mapToObj(c -> "U+" + Integer.toHexString(c)).toList() + ": alone " + alone
                            + " before " + before);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The findings at or after {@code from}, as type and offsets counted from there. */
    private static List<String> spans(PiiEngine engine, String text, int from) {
        return engine.detect(text).stream().filter(f -> f.start() >= from)
                .map(f -> f.type() + " " + (f.start() - from) + "-" + (f.end() - from)).toList();
    }

    /** Every {@code step}th text of the generated evaluation set. */
    private static List<String> evaluationTexts(int step) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = FindingsAfterAnOpeningPropertyTest.class.getResourceAsStream("/pii/eval/municipal-eval.jsonl")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (int i = 0; i < lines.length; i += step) {
                texts.add(json.readTree(lines[i]).get("text").asText());
            }
        }
        return texts;
    }

    /** The hand-written check set's texts, every eighth generated evaluation text, the shapes. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(HandwrittenCheckTest.load().stream().map(HandwrittenCheckTest.Doc::text).toList());
        texts.addAll(evaluationTexts(8));
        texts.addAll(SHAPES);
        return texts;
    }
}
