package nl.dijkwacht.pipeline;

/** The overall verdict on a request, as the audit trail records it. */
public enum Decision {
    ALLOWED,
    REDACTED,
    REROUTED,
    REFUSED,
    FAILED
}
