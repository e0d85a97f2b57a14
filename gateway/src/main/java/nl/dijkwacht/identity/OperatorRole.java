package nl.dijkwacht.identity;

/** What a person at the management side may do: administer policy, review the audit trail. */
public enum OperatorRole {
    /** IT administrator: reload, suspend, explain. */
    ADMIN,
    /** Auditor, privacy officer, ethics committee: read and export the audit trail, verify it. */
    AUDITOR
}
