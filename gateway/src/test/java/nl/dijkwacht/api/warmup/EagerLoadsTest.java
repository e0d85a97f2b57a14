package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.limits.TokenEstimator;
import nl.dijkwacht.policy.PolicySet;
import org.junit.jupiter.api.Test;

/**
 * The warm-up loads the token encoding of every catalogue model before readiness, so the first request that has its
 * prompt counted (a streamed answer without usage, settled in {@code CallerLimits.settle}) does not load it.
 */
class EagerLoadsTest {

    private static ModelDefinition model(String id, String upstream) {
        return new ModelDefinition(id, null, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://x"), upstream, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), true, id + ".yaml");
    }

    @Test
    void loadsTheEncodingOfEveryCatalogueModel() {
        // names of their own: the estimator's table is the process's, other tests may have asked for "gpt-4o"
        String gpt4o = "gpt-4o-" + UUID.randomUUID();
        String other = "eigen-model-" + UUID.randomUUID();
        ModelDefinition openAi = model("extern", gpt4o);
        ModelDefinition own = model("lokaal", other);
        PolicySet set = new PolicySet("v", Map.of(), Map.of(), new ModelCatalog(List.of(openAi, own, model("zonder", null))), List.of());
        assertThat(TokenEstimator.loaded(gpt4o)).isFalse();
        assertThat(TokenEstimator.loaded(other)).isFalse();

        assertThat(EagerLoads.tokenizers(set)).containsExactlyInAnyOrder(gpt4o, other);

        assertThat(TokenEstimator.loaded(gpt4o)).isTrue();
        assertThat(TokenEstimator.loaded(other)).isTrue();
        assertThat(new TokenEstimator().encodingFor(openAi).getName()).as("gpt-4o's own table").isEqualTo("o200k_base");
        assertThat(new TokenEstimator().encodingFor(own).getName()).as("the fallback").isEqualTo("cl100k_base");
    }
}
