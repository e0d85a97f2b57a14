package nl.dijkwacht.pii;

/**
 * The engine could not do its job (missing model, broken resource, internal error). Callers must fail closed:
 * refuse the request, never forward it. Messages never contain analysed text.
 */
public class PiiEngineException extends RuntimeException {

    public PiiEngineException(String message) {
        super(message);
    }

    public PiiEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
