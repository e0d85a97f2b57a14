package nl.dijkwacht.policy;

/** A policy or catalogue file could not be read or is invalid; the message names the file and the field. */
public class PolicyLoadException extends RuntimeException {

    public PolicyLoadException(String message) {
        super(message);
    }

    public PolicyLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
