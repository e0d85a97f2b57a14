package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.pii.detect.BsnPatterns;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.Recognizer;
import org.junit.jupiter.api.Test;

class PiiEngineTest {

    private static final String TEXT = """
            Geachte mevrouw J.P. de Vries,

            Uw BSN 111222333 en IBAN NL91ABNA0417164300 zijn ontvangen. Wij bellen u op 06-12345678.
            Uw adres: Kerkstraat 12a, 3511 AB Utrecht. U heeft een indicatie voor huishoudelijke hulp.

            Met vriendelijke groet,
            Sanne Visser
            """;

    @Test
    void detectsAcrossTypesWithoutOverlaps() {
        List<Finding> found = PiiEngine.dutchDefault().detect(TEXT);
        assertThat(found).extracting(Finding::type).contains(EntityType.PERSON, EntityType.BSN, EntityType.IBAN,
                EntityType.PHONE, EntityType.ADDRESS, EntityType.POSTCODE, EntityType.SPECIAL_CATEGORY);
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
        assertThat(PiiEngine.structuredOnly().detect(TEXT)).extracting(Finding::type).doesNotContain(EntityType.PERSON);
    }

    @Test
    void isThreadSafe() throws Exception {
        PiiEngine engine = PiiEngine.dutchDefault();
        List<Finding> expected = engine.detect(TEXT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> engine.detect(TEXT)));
            }
            for (Future<List<Finding>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outputScanReportsOnlyDataThatWasNotInThePrompt() {
        PiiEngine engine = PiiEngine.dutchDefault();
        PlaceholderVault vault = new PlaceholderVault();
        String prompt = "Schrijf een brief aan mevrouw Fatima el Amrani, BSN 111222333.";
        new Anonymizer("0123456789abcdef".getBytes()).apply(prompt, engine.detect(prompt),
                OperatorPolicy.pseudonymiseAll(), vault);
        String answer = "Beste mevrouw Fatima el Amrani, uw BSN 111222333 is bekend. Bel Jan de Vries op 06-12345678.";
        List<String> fresh = engine.scanOutput(answer, vault).stream()
                .map(f -> answer.substring(f.start(), f.end())).toList();
        assertThat(fresh).containsExactlyInAnyOrder("Jan de Vries", "06-12345678");
    }

    @Test
    void failsClosedWhenARecognizerBreaksAndNeverLeaksTheText() {
        Recognizer broken = new Recognizer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> find(String text) {
                throw new IllegalStateException("boom: " + text);
            }
        };
        PiiEngine engine = new PiiEngine(List.of(BsnPatterns.bsn(), broken));
        assertThatThrownBy(() -> engine.detect("BSN 111222333 van Jan"))
                .isInstanceOf(PiiEngineException.class)
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("111222333").doesNotContain("Jan");
                    }
                });
        assertThatThrownBy(() -> engine.detect(null)).isInstanceOf(PiiEngineException.class);
        assertThatThrownBy(() -> new PiiEngine(List.of())).isInstanceOf(PiiEngineException.class);
    }
}
