package nl.dijkwacht.api.warmup;

import java.util.Set;
import java.util.TreeSet;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.limits.TokenEstimator;
import nl.dijkwacht.policy.PolicySet;

/**
 * What a first request would otherwise load in its own path, loaded by the start-up warm-up before readiness, where
 * made-up requests do not reach it.
 */
final class EagerLoads {

    private EagerLoads() {
    }

    /**
     * jtokkit's encoding of every catalogue model's upstream model ({@link TokenEstimator#encodingFor}; o200k_base for
     * gpt-4o, a table of its own). The budget counts a prompt with it only near a budget's end or when a streamed
     * answer ends without usage ({@code CallerLimits.settle}: a client that went away, a server that ignores
     * {@code include_usage}); the first such request loaded the table in its path (~100 ms, once per process).
     *
     * @return the upstream models whose encoding is now loaded
     */
    static Set<String> tokenizers(PolicySet set) {
        TokenEstimator estimator = new TokenEstimator();
        Set<String> loaded = new TreeSet<>();
        for (ModelDefinition model : set.catalog().all()) {
            estimator.encodingFor(model);
            if (model.upstreamModel() != null && !model.upstreamModel().isBlank()) {
                loaded.add(model.upstreamModel());
            }
        }
        return loaded;
    }
}
