package nl.dijkwacht.purpose;

/** Which layer of the purpose guard made the decision (recorded in the audit record and shown by /admin/explain). */
public enum Layer {
    /** The policy's regular expressions (governance.yaml), confirmed by the classifier not disagreeing strongly. */
    RULES,
    /** The in-process classifier, its score beyond the use-case's thresholds. */
    CLASSIFIER,
    /** The use-case's guard model, asked because the first layers were unsure. */
    GUARD_MODEL,
    /** The guard model was asked but did not answer in time or failed: the policy's outcome for that case. */
    GUARD_UNAVAILABLE;

    public String auditName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
