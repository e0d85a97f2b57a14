package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.Recognizer;
import org.junit.jupiter.api.Test;

class DetectionAheadTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();
    private static final List<String> TEXTS = List.of(
            "Je bent een behulpzame assistent van de gemeente.",
            "Beste collega, mijn naam is Jan Jansen, ik woon op Dorpsstraat 12, 1234 AB Utrecht. Mijn IBAN is "
                    + "NL91ABNA0417164300 en u kunt mij mailen op jan.jansen@example.nl of bellen op 06-12345678.",
            "Mevrouw De Vries (BSN 111222333) vroeg om een afspraak.",
            "Mevrouw De Vries (BSN 111222333) vroeg om een afspraak.");

    private static void assertSameAsTheEngine(DetectionAhead ahead) {
        for (String text : TEXTS) {
            List<Finding> expected = ENGINE.detect(text);
            assertThat(ahead.findings(text)).containsExactlyElementsOf(expected);
        }
        assertThat(ENGINE.detect(TEXTS.get(1))).isNotEmpty(); // the texts do hold personal data
    }

    @Test
    void theHelpersFindingsAreTheEnginesFindings() {
        List<Runnable> queued = new ArrayList<>();
        DetectionAhead ahead = DetectionAhead.start(ENGINE, TEXTS, queued::add);
        assertThat(queued).hasSize(1);
        queued.getFirst().run(); // the helper takes every text
        assertThat(ahead.claimed()).isEqualTo(3); // the repeated text once

        assertSameAsTheEngine(ahead);
    }

    @Test
    void whatTheHelperHasNotStartedTheRequestThreadDetectsItself() {
        DetectionAhead ahead = DetectionAhead.start(ENGINE, TEXTS, task -> { }); // a helper that never runs
        assertThat(ahead.claimed()).isZero();

        assertSameAsTheEngine(ahead);
        assertThat(ahead.claimed()).isEqualTo(3);
    }

    @Test
    void onARealSecondThreadBothSidesGiveTheEnginesFindings() throws Exception {
        ExecutorService helper = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < 50; i++) {
                assertSameAsTheEngine(DetectionAhead.start(ENGINE, TEXTS, helper));
            }
        } finally {
            helper.shutdown();
            assertThat(helper.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void resentTextsComeFromTheTableOfRepeatsAndNewTextsFromTheEngine() {
        java.util.concurrent.atomic.AtomicInteger analysed = new java.util.concurrent.atomic.AtomicInteger();
        Recognizer counting = new Recognizer() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public List<Finding> find(String text) {
                analysed.incrementAndGet();
                return ENGINE.detect(text);
            }
        };
        PiiEngine engine = new PiiEngine(List.of(counting));
        RepeatedTexts repeated = new RepeatedTexts(engine, 64);
        String system = TEXTS.get(0);
        String user = TEXTS.get(1);
        List<Finding> systemFindings = repeated.detect(system); // an earlier request's system prompt
        List<Finding> userFindings = engine.detect(user);
        assertThat(userFindings).isNotEmpty();
        assertThat(analysed).hasValue(2);

        for (boolean helperRuns : List.of(true, false)) {
            List<Runnable> queued = new ArrayList<>();
            DetectionAhead ahead = DetectionAhead.start(engine, repeated,
                    List.of(new DetectionAhead.Text(system, true), new DetectionAhead.Text(user, false)), queued::add);
            if (helperRuns) {
                queued.getFirst().run();
            }
            assertThat(ahead.findings(system)).isEqualTo(systemFindings);
            assertThat(ahead.findings(user)).containsExactlyElementsOf(userFindings);
        }
        assertThat(analysed).hasValue(4); // the user's text on each request, the system prompt only the first time
    }

    @Test
    void aTextChangedAfterTheStartIsDetectedAsItIsNow() {
        List<Runnable> queued = new ArrayList<>();
        DetectionAhead ahead = DetectionAhead.start(ENGINE, List.of("Bel Jan op 06-12345678."), queued::add);
        queued.getFirst().run();

        String changed = "Mail jan@example.nl.";
        assertThat(ahead.findings(changed)).containsExactlyElementsOf(ENGINE.detect(changed));
    }

    @Test
    void aFailureInTheHelperReachesTheRequestThreadAsTheEngineWouldThrowIt() {
        Recognizer broken = new Recognizer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> find(String text) {
                throw new IllegalStateException("model file missing");
            }
        };
        PiiEngine engine = new PiiEngine(List.of(broken));
        List<Runnable> queued = new ArrayList<>();
        DetectionAhead ahead = DetectionAhead.start(engine, List.of("BSN 111222333"), queued::add);
        queued.getFirst().run();

        assertThatThrownBy(() -> ahead.findings("BSN 111222333")).isInstanceOf(PiiEngineException.class);
    }
}
