package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.dijkwacht.catalog.BreakerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code circuit-breaker:} in a models-config entry: every field left out takes its documented default
 * (docs/policy-reference.md), the others keep their value. Before flake28 a block without {@code open-for} was
 * replaced as a whole by the defaults, so {@code minimum-calls: 10} silently became 3.
 */
class BreakerSettingsCatalogueTest {

    private static final String EU_GROOT = "models-config/eu-groot.yaml";

    @TempDir
    Path dir;

    private int packs;

    private BreakerSettings breaker(String block) {
        PolicySet set = TestPack.copyOfDefault(dir.resolve("pack" + packs++))
                .replace(EU_GROOT, "embeddings: false", "embeddings: false\n" + block).load();
        return set.catalog().find("eu-groot").orElseThrow().serving().breaker();
    }

    @Test
    void aBlockWithoutOpenForKeepsItsOtherFields() {
        assertThat(breaker("circuit-breaker:\n  minimum-calls: 10\n  window: 10\n"))
                .isEqualTo(new BreakerSettings(50, 10, 10, Duration.ofSeconds(30)));
        assertThat(breaker("circuit-breaker: {failure-rate: 80}\n"))
                .isEqualTo(new BreakerSettings(80, 3, 10, Duration.ofSeconds(30)));
    }

    @Test
    void everyFieldGivenIsTaken() {
        assertThat(breaker("circuit-breaker: {failure-rate: 25, minimum-calls: 4, window: 8, open-for: 2m}\n"))
                .isEqualTo(new BreakerSettings(25, 4, 8, Duration.ofMinutes(2)));
        assertThat(breaker("")).isEqualTo(BreakerSettings.DEFAULT);
    }
}
