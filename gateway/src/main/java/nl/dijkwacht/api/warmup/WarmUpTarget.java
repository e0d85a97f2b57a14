package nl.dijkwacht.api.warmup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.ToolPolicy;
import nl.dijkwacht.policy.UseCasePolicy;

/**
 * The tool and use-case the warm-up speaks as; the model is the dry-run one when the use-case allows it. Only such a
 * use-case's requests go on to a model and an answer: no network model is ever called.
 */
record WarmUpTarget(String tool, String useCase, boolean dryRun) {

    static final String DRY_RUN = "dry-run";

    /**
     * The first use-case (tools by id, each tool's default use-case first) that is not suspended and allows the built-in
     * dry-run model; without one, the first that is not suspended (the warm-up then skips the model and answer part);
     * empty when no tool has a use-case.
     */
    static Optional<WarmUpTarget> choose(PolicySet set) {
        WarmUpTarget withoutModel = null;
        for (ToolPolicy tool : set.tools().values().stream().sorted(Comparator.comparing(ToolPolicy::id)).toList()) {
            List<String> useCases = new ArrayList<>();
            if (tool.defaultUseCase() != null) {
                useCases.add(tool.defaultUseCase());
            }
            useCases.addAll(tool.useCases());
            for (String id : useCases) {
                Optional<UseCasePolicy> useCase = set.useCase(id);
                if (useCase.isEmpty() || useCase.get().suspended()) {
                    continue;
                }
                boolean dryRun = useCase.get().models().contains(DRY_RUN)
                        && set.catalog().find(DRY_RUN).map(ModelDefinition::provider).orElse(null) == ProviderKind.DRY_RUN;
                if (dryRun) {
                    return Optional.of(new WarmUpTarget(tool.id(), id, true));
                }
                if (withoutModel == null) {
                    withoutModel = new WarmUpTarget(tool.id(), id, false);
                }
            }
        }
        return Optional.ofNullable(withoutModel);
    }
}
