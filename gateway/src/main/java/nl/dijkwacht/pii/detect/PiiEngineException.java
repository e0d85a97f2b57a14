package nl.dijkwacht.pii.detect;

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

    /** The failure's type and stack trace without its message, which may quote analysed text. */
    public static Throwable scrubbed(Throwable e) {
        RuntimeException clean = new RuntimeException(e.getClass().getName() + " (message withheld)");
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }
}
