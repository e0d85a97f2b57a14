package nl.dijkwacht.audit;

/** The audit record could not be stored; the request must not be served without one. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(Throwable cause) {
        super("audit store unavailable", cause);
    }
}
