package nl.dijkwacht.policy;

/**
 * A forbidden purpose's pattern read more of a text than its {@link MatchBudget} allows: whether the rule matches is not
 * known, so the purpose guard refuses the request (fail closed) and the audit names the rule. Carries the rule's id,
 * never the text.
 */
public final class MatchBudgetExceeded extends RuntimeException {

    private final String ruleId;

    public MatchBudgetExceeded(String ruleId) {
        super("pattern of forbidden purpose '" + ruleId + "' exceeded its work budget", null, false, false);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
