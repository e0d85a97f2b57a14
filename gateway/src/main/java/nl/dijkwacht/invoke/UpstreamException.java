package nl.dijkwacht.invoke;

/** A model upstream did not give a usable answer. Messages never contain prompt or answer text. */
public class UpstreamException extends RuntimeException {

    public enum Kind { TIMEOUT, UNREACHABLE, ERROR_STATUS, MALFORMED, STREAM_CUT, UNSUPPORTED }

    private final Kind kind;
    private final Integer status;
    private final String upstreamMessage;

    public UpstreamException(Kind kind, Integer status, String upstreamMessage, Throwable cause) {
        super(kind + (status == null ? "" : " " + status), cause);
        this.kind = kind;
        this.status = status;
        this.upstreamMessage = upstreamMessage;
    }

    public UpstreamException(Kind kind, String detail) {
        this(kind, null, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    public Integer status() {
        return status;
    }

    /** The upstream's own error message where it sent one (it saw only redacted text), for the tool developer. */
    public String upstreamMessage() {
        return upstreamMessage;
    }
}
