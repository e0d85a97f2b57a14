package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import org.junit.jupiter.api.Test;

/** The test route to another name model builds the engine that ships when given the bundled model. */
class NameModelEnginesTest {

    @Test
    void withTheBundledModelFindsWhatTheDefaultEngineFinds() throws IOException {
        PiiEngine route = NameModelEngines.shipped();
        PiiEngine shipped = PiiEngine.dutchDefault();
        int names = 0;
        for (FormsEvalSet.Doc d : FormsEvalSet.load("dev")) {
            assertThat(route.detect(d.text())).as(d.id()).isEqualTo(shipped.detect(d.text()));
            names += (int) shipped.detect(d.text()).stream().filter(f -> f.type().name().equals("PERSON")).count();
        }
        assertThat(names).isPositive();
    }
}
