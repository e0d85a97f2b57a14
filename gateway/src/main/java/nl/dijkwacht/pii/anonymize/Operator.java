package nl.dijkwacht.pii.anonymize;

/** What policy says to do with a finding of a given type. */
public enum Operator {
    /** Replace with a stable placeholder such as {@code [PERSOON_1]} and restore it in the answer. */
    PSEUDONYMISE,
    /** Replace with {@code [TYPE]}; not restored. */
    REDACT,
    /** Replace with a keyed hash of the value; not restored. */
    HASH,
    /** Refuse the whole request. */
    BLOCK,
    /** Leave as is. */
    ALLOW
}
