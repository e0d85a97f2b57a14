package nl.dijkwacht.pii.anonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiEngineException;
import org.junit.jupiter.api.Test;

class AnonymizerTest {

    private static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);
    private static final String TEXT = "Mevrouw Fatima el Amrani (BSN 111222333) belde. Fatima el Amrani woont in Utrecht.";

    private final PiiEngine engine = PiiEngine.dutchDefault();

    @Test
    void pseudonymisesWithStablePlaceholdersAndRestores() {
        PlaceholderVault vault = new PlaceholderVault();
        AnonymizedText out = new Anonymizer(KEY).apply(TEXT, engine.detect(TEXT), OperatorPolicy.pseudonymiseAll(), vault);
        assertThat(out.text()).isEqualTo("Mevrouw [PERSOON_1] (BSN [BSN_1]) belde. [PERSOON_1] woont in Utrecht.");
        assertThat(out.counts()).containsEntry(EntityType.PERSON, 2).containsEntry(EntityType.BSN, 1);
        assertThat(out.blocked()).isFalse();
        assertThat(new PlaceholderRestorer(vault).restoreAll(out.text())).isEqualTo(TEXT);
    }

    @Test
    void redactsHashesAllowsAndBlocksPerType() {
        OperatorPolicy policy = new OperatorPolicy(Map.of(EntityType.BSN, Operator.BLOCK, EntityType.PERSON,
                Operator.HASH), Operator.REDACT);
        AnonymizedText out = new Anonymizer(KEY).apply(TEXT, engine.detect(TEXT), policy, new PlaceholderVault());
        assertThat(out.text()).doesNotContain("Fatima").doesNotContain("111222333").contains("[BSN]")
                .containsPattern("\\[PERSOON:[0-9a-f]{12}]");
        assertThat(out.blockedTypes()).containsExactly(EntityType.BSN);
        assertThat(out.refusalMessage()).contains("BSN").doesNotContain("111222333");
        // keyed: the same value gets the same hash, another key another hash
        String again = new Anonymizer(KEY).apply(TEXT, engine.detect(TEXT), policy, new PlaceholderVault()).text();
        assertThat(again).isEqualTo(out.text());
        String otherKey = new Anonymizer("another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8))
                .apply(TEXT, engine.detect(TEXT), policy, new PlaceholderVault()).text();
        assertThat(otherKey).isNotEqualTo(out.text());

        OperatorPolicy allow = new OperatorPolicy(Map.of(), Operator.ALLOW);
        assertThat(new Anonymizer(KEY).apply(TEXT, engine.detect(TEXT), allow, new PlaceholderVault()).text()).isEqualTo(TEXT);
    }

    @Test
    void rejectsOverlappingFindingsWithoutLeakingText() {
        List<Finding> overlapping = List.of(new Finding(EntityType.PERSON, 8, 24, 1, "t"),
                new Finding(EntityType.PERSON, 10, 20, 1, "t"));
        assertThatThrownBy(() -> new Anonymizer(KEY).apply(TEXT, overlapping, OperatorPolicy.pseudonymiseAll(),
                new PlaceholderVault()))
                .isInstanceOf(PiiEngineException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Fatima"));
    }
}
