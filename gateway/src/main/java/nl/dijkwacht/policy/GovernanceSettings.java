package nl.dijkwacht.policy;

import java.util.List;

/**
 * Municipality-wide governance rules from policies/governance.yaml: what happens when a model is past its
 * evaluation date, and the forbidden purposes.
 */
public record GovernanceSettings(OverdueAction evaluationOverdue, List<ForbiddenPurpose> forbiddenPurposes) {

    public enum OverdueAction { WARN, REFUSE }

    public GovernanceSettings {
        evaluationOverdue = evaluationOverdue == null ? OverdueAction.REFUSE : evaluationOverdue;
        forbiddenPurposes = forbiddenPurposes == null ? List.of() : List.copyOf(forbiddenPurposes);
    }

    /** No governance.yaml: overdue models are refused, no purposes are forbidden beyond the use-cases' own lists. */
    public static GovernanceSettings defaults() {
        return new GovernanceSettings(OverdueAction.REFUSE, List.of());
    }
}
