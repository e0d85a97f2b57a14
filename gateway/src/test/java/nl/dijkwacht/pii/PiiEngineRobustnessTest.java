package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import nl.dijkwacht.pii.detect.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or odd input must neither hang the engine (regex backtracking) nor break it. */
class PiiEngineRobustnessTest {

    static Stream<String> hostile() {
        return Stream.of(
                "1 ".repeat(20_000),
                "0".repeat(50_000),
                "06-".repeat(10_000),
                "+31 ".repeat(10_000),
                "Aa ".repeat(15_000) + "straat 1",
                "Willem de ".repeat(5_000) + "Zwijgerlaan 12",
                "a@".repeat(20_000),
                "[PERSOON_".repeat(5_000),
                "NL91".repeat(10_000),
                "J.".repeat(20_000),
                "van der ".repeat(6_000) + "Berg",
                "mevrouw ".repeat(6_000),
                "1234 AB ".repeat(5_000),
                "2001:db8:".repeat(5_000),
                "\n\n,\n".repeat(10_000),
                "é".repeat(30_000),
                "\uD83D\uDE00 Jan de Vries \uD83D\uDE00 06-12345678 ".repeat(2_000));
    }

    /**
     * "; , " made the surname-comma list rule cut a string backwards (StringIndexOutOfBoundsException), so any prompt or
     * answer with it was refused as a PII failure (500); found by rewrite27's answer-path comparison in a model's output.
     */
    @org.junit.jupiter.api.Test
    void aSemicolonBeforeACommaDoesNotBreakTheNameRules() {
        PiiEngine engine = PiiEngine.dutchDefault();
        for (String text : java.util.List.of("; , ", "Jansen; , Piet", "Beste mevrouw; , groet", "de Vries, Jan; , Bakker, Els")) {
            assertThat(engine.detect(text)).as(text).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(text.length()));
        }
        assertThat(engine.detect("Bakker, Els; , jan.devries@example.nl")).extracting(Finding::type)
                .contains(nl.dijkwacht.pii.detect.EntityType.EMAIL);
    }

    /** Every prefix and suffix (in steps) of the hand-written texts: boundaries must never break a recognizer. */
    @org.junit.jupiter.api.Test
    void neverThrowsOnCutTexts() throws Exception {
        PiiEngine engine = PiiEngine.dutchDefault();
        int calls = 0;
        for (HandwrittenCheckTest.Doc d : HandwrittenCheckTest.load()) {
            String t = d.text();
            for (int i = 0; i <= t.length(); i += 3) {
                for (Finding f : engine.detect(t.substring(0, i))) {
                    assertThat(f.end()).isLessThanOrEqualTo(i);
                }
                for (Finding f : engine.detect(t.substring(i))) {
                    assertThat(f.end()).isLessThanOrEqualTo(t.length() - i);
                }
                calls += 2;
            }
        }
        assertThat(calls).isGreaterThan(1000);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void finishesQuicklyOnHostileInput(String text) {
        var found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PiiEngine.dutchDefault().detect(text));
        for (Finding f : found) {
            assertThat(f.end()).isLessThanOrEqualTo(text.length());
        }
    }
}
