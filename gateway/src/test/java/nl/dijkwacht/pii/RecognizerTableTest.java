package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import nl.dijkwacht.pii.detect.Recognizer;
import org.junit.jupiter.api.Test;

/**
 * The recognizer table in docs/pii-evaluation.md is what the registry generates, so it cannot go stale. To rewrite
 * it: {@code ./mvnw -q -B -pl gateway test -Dtest=RecognizerTableTest -Dpii.docs.regenerate=true}.
 */
class RecognizerTableTest {

    @Test
    void docTableIsGeneratedFromTheRegistry() throws IOException {
        if (Boolean.getBoolean("pii.docs.regenerate")) {
            RecognizerTableWriter.main(new String[0]);
        }
        String doc = Files.readString(RecognizerTableWriter.doc(), StandardCharsets.UTF_8);
        assertThat(RecognizerTableWriter.withTable(doc, RecognizerTableWriter.generated()))
                .as("docs/pii-evaluation.md differs from the registry; regenerate it with"
                        + " ./mvnw -q -B -pl gateway test -Dtest=RecognizerTableTest -Dpii.docs.regenerate=true")
                .isEqualTo(doc);
    }

    @Test
    void everyRegisteredRecognizerDescribesItself() {
        for (Recognizer r : RecognizerRegistry.dutch(false)) {
            Recognizer.Description d = r.describe();
            assertThat(d.type()).as(r.name()).isNotNull();
            assertThat(d.how()).as(r.name()).isNotBlank();
            assertThat(d.decisions()).as(r.name()).isNotBlank();
        }
    }
}
