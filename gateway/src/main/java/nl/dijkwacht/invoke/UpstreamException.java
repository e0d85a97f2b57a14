package nl.dijkwacht.invoke;

import java.time.Duration;
import nl.dijkwacht.openai.ParamPath;

/** A model upstream did not give a usable answer. Messages never contain prompt or answer text. */
public class UpstreamException extends RuntimeException {

    /**
     * What went wrong. {@link #UNAVAILABLE}: no call was made at all, because every upstream of the model has an open
     * circuit breaker or is at its concurrency limit.
     */
    public enum Kind { TIMEOUT, UNREACHABLE, ERROR_STATUS, MALFORMED, STREAM_CUT, UNSUPPORTED, UNAVAILABLE }

    private final Kind kind;
    private final Integer status;
    private final String upstreamMessage;
    private final Duration retryAfter;
    private final boolean connectFailure;
    private final ParamPath param;

    public UpstreamException(Kind kind, Integer status, String upstreamMessage, Throwable cause) {
        this(kind, status, upstreamMessage, cause, null, false);
    }

    public UpstreamException(Kind kind, Integer status, String upstreamMessage, Throwable cause, Duration retryAfter,
                             boolean connectFailure) {
        this(kind, status, upstreamMessage, null, cause, retryAfter, connectFailure);
    }

    /** An error answer of the model that names a parameter of the request. */
    public UpstreamException(Kind kind, Integer status, String upstreamMessage, ParamPath param, Throwable cause,
                             Duration retryAfter, boolean connectFailure) {
        super(kind + (status == null ? "" : " " + status), cause);
        this.kind = kind;
        this.status = status;
        this.upstreamMessage = upstreamMessage;
        this.param = param;
        this.retryAfter = retryAfter;
        this.connectFailure = connectFailure;
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

    /**
     * The parameter the model's error answer names, by its name in the (chat-completions) request the gateway was
     * given — where the provider's dialect renamed it, named back — or {@code null} when it names none of them.
     */
    public ParamPath param() {
        return param;
    }

    /** How long the upstream asked us to wait ({@code Retry-After} / {@code retry-after-ms}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The connection was never established, so the request never reached the upstream: safe to send elsewhere. */
    public boolean connectFailure() {
        return connectFailure;
    }

    /** Short lower-case name for audit rules and route logs, e.g. {@code timeout}, {@code error_status}. */
    public String kindName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
