package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.Recognizer;
import org.junit.jupiter.api.Test;

class RepeatedTextsTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();
    private static final List<String> TEXTS = List.of(
            "Je bent een behulpzame assistent van de gemeente.",
            "Mijn naam is Jan Jansen, ik woon op Dorpsstraat 12, 1234 AB Utrecht. IBAN NL91ABNA0417164300, "
                    + "mail jan.jansen@example.nl of bel 06-12345678.",
            "Mevrouw De Vries (BSN 111222333) vroeg om een afspraak.",
            "");

    /** An engine that counts its calls and finds every digit. */
    private static PiiEngine counting(AtomicInteger calls) {
        Recognizer digits = new Recognizer() {
            @Override
            public String name() {
                return "digits";
            }

            @Override
            public List<Finding> find(String text) {
                calls.incrementAndGet();
                java.util.ArrayList<Finding> out = new java.util.ArrayList<>();
                for (int i = 0; i < text.length(); i++) {
                    if (Character.isDigit(text.charAt(i))) {
                        out.add(new Finding(nl.dijkwacht.pii.detect.EntityType.PHONE, i, i + 1, 0.9, "digits"));
                    }
                }
                return out;
            }
        };
        return new PiiEngine(List.of(digits));
    }

    @Test
    void aTextSeenBeforeGivesTheEnginesFindingsWithoutAnalysingItAgain() {
        RepeatedTexts repeated = new RepeatedTexts(ENGINE, 64);
        for (int round = 0; round < 3; round++) {
            for (String text : TEXTS) {
                assertThat(repeated.detect(text)).containsExactlyElementsOf(ENGINE.detect(text));
            }
        }
        assertThat(repeated.detect(TEXTS.get(1))).isNotEmpty();

        AtomicInteger calls = new AtomicInteger();
        RepeatedTexts counted = new RepeatedTexts(counting(calls), 64);
        assertThat(counted.detect("bel 06 12")).hasSize(4);
        assertThat(counted.detect("bel 06 12")).hasSize(4);
        assertThat(calls).hasValue(1);
        assertThat(counted.detect("bel 06 13")).hasSize(4);
        assertThat(calls).hasValue(2);
    }

    @Test
    void textsThatAnEncodingWouldMakeEqualKeepTheirOwnFindings() {
        AtomicInteger calls = new AtomicInteger();
        RepeatedTexts repeated = new RepeatedTexts(counting(calls), 64);
        repeated.detect("a?1");
        repeated.detect("a\uD8001"); // a lone surrogate: UTF-8 would write it as '?'
        assertThat(calls).hasValue(2);
    }

    @Test
    void aTableOfOneSlotStillGivesEachTextItsOwnFindings() {
        RepeatedTexts repeated = new RepeatedTexts(ENGINE, 1);
        for (int round = 0; round < 2; round++) {
            for (String text : TEXTS) {
                assertThat(repeated.detect(text)).containsExactlyElementsOf(ENGINE.detect(text));
            }
        }
    }

    @Test
    void sizeZeroAnalysesEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        RepeatedTexts repeated = new RepeatedTexts(counting(calls), 0);
        repeated.detect("1");
        repeated.detect("1");
        assertThat(calls).hasValue(2);
    }
}
