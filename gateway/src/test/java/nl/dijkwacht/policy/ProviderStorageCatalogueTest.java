package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provider-storage:} in a models-config entry (leftover28): whether a request may ask the provider to keep its
 * completion ({@code store: true}). Not allowed unless the entry says so; a wrong value stops the load with a Dutch
 * problem that names file, line and field.
 */
class ProviderStorageCatalogueTest {

    private static final String EU_GROOT = "models-config/eu-groot.yaml";

    @TempDir
    Path dir;

    private int packs;

    private TestPack pack() {
        return TestPack.copyOfDefault(dir.resolve("pack" + packs++));
    }

    @Test
    void providerStorageIsNotAllowedUnlessTheEntrySaysSo() {
        PolicySet set = pack().load();
        assertThat(set.catalog().find("eu-groot").orElseThrow().governance().providerStorage()).isFalse();

        PolicySet allowed = pack().replace(EU_GROOT, "hosting: eu-cloud", "hosting: eu-cloud\nprovider-storage: allowed").load();
        assertThat(allowed.catalog().find("eu-groot").orElseThrow().governance().providerStorage()).isTrue();
        PolicySet notAllowed = pack().replace(EU_GROOT, "hosting: eu-cloud", "hosting: eu-cloud\nprovider-storage: not-allowed").load();
        assertThat(notAllowed.catalog().find("eu-groot").orElseThrow().governance().providerStorage()).isFalse();
    }

    @Test
    void aWrongValueIsADutchLoadProblemAtTheField() {
        List<PolicyProblem> problems;
        try {
            pack().replace(EU_GROOT, "hosting: eu-cloud", "hosting: eu-cloud\nprovider-storage: ja").load();
            throw new AssertionError("the pack loaded without problems");
        } catch (PolicyLoadException e) {
            problems = e.problems();
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().toString()).endsWith("eu-groot.yaml");
            assertThat(p.field()).isEqualTo("provider-storage");
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).contains("allowed").contains("not-allowed").contains("opsomming");
        });
    }
}
