package nl.dijkwacht.policy;

import java.util.List;

/**
 * Municipality-wide governance rules from policies/governance.yaml: what happens when a model is past its
 * evaluation date, the forbidden purposes, and AI literacy (with the use-cases that require it and the registry).
 */
public record GovernanceSettings(OverdueAction evaluationOverdue, List<ForbiddenPurpose> forbiddenPurposes,
                                 AiLiteracyPolicy aiLiteracy) {

    public enum OverdueAction { WARN, REFUSE }

    public GovernanceSettings {
        evaluationOverdue = evaluationOverdue == null ? OverdueAction.REFUSE : evaluationOverdue;
        // with one index over the patterns' literals, built anew with every policy (ForbiddenPurposes)
        forbiddenPurposes = ForbiddenPurposes.of(forbiddenPurposes == null ? List.of() : forbiddenPurposes);
        aiLiteracy = aiLiteracy == null ? AiLiteracyPolicy.NONE : aiLiteracy;
    }

    public GovernanceSettings(OverdueAction evaluationOverdue, List<ForbiddenPurpose> forbiddenPurposes) {
        this(evaluationOverdue, forbiddenPurposes, AiLiteracyPolicy.NONE);
    }

    /** The forbidden purposes that guard {@code useCase}, in the policy's order, with the policy's literal index. */
    public ForbiddenPurposes forbiddenPurposesGuarding(UseCasePolicy useCase) {
        return ((ForbiddenPurposes) forbiddenPurposes).guarding(useCase);
    }

    /** The same settings with the AI-literacy rules of the use-cases, governance.yaml and the registry. */
    public GovernanceSettings withAiLiteracy(AiLiteracyPolicy literacy) {
        return new GovernanceSettings(evaluationOverdue, forbiddenPurposes, literacy);
    }

    /** No governance.yaml: overdue models are refused, no purposes are forbidden beyond the use-cases' own lists. */
    public static GovernanceSettings defaults() {
        return new GovernanceSettings(OverdueAction.REFUSE, List.of());
    }
}
