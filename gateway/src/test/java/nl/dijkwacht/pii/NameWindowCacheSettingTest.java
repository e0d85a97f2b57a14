package nl.dijkwacht.pii;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import org.junit.jupiter.api.Test;

/**
 * The name model's window cache is the engine's constructor argument (the gateway's {@code dijkwacht.pii.name-window-cache},
 * the standalone tools' JVM option): one engine per number of slots, and off it finds what it finds on.
 */
class NameWindowCacheSettingTest {

    @Test
    void oneEnginePerNumberOfSlotsAndTheDefaultIsTheSharedOne() {
        assertThat(PiiEngine.dutch(16_384)).isSameAs(PiiEngine.dutchDefault());
        assertThat(PiiEngine.dutch(0)).isSameAs(PiiEngine.dutch(0)).isNotSameAs(PiiEngine.dutchDefault());
    }

    @Test
    void withoutTheCacheTheEngineFindsWhatItFindsWithIt() throws java.io.IOException {
        PiiEngine off = PiiEngine.dutch(0);
        PiiEngine on = PiiEngine.dutchDefault();
        int findings = 0;
        for (FormsEvalSet.Doc d : FormsEvalSet.load("dev")) {
            on.detect(d.text()); // every window now kept by the engine with the cache
            var kept = on.detect(d.text());
            assertThat(off.detect(d.text())).as("doc %s", d.id()).isEqualTo(kept);
            findings += kept.size();
        }
        assertThat(findings).isGreaterThan(100);
    }
}
