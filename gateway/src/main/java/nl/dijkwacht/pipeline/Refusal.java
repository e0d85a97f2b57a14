package nl.dijkwacht.pipeline;

/**
 * Why a request is not served, in the terms an OpenAI client understands: HTTP status, error type and a
 * stable machine code, plus a Dutch message a person can act on. Never contains raw prompt text.
 *
 * @param upstreamMessage the model's own error message, untranslated, when the model refused the request: given to
 *                        the tool beside the Dutch message (it is often what the developer needs), never logged or
 *                        recorded; {@code null} otherwise
 */
public record Refusal(int status, String type, String code, String message, String param, Long retryAfterSeconds,
                      String upstreamMessage) {

    public Refusal(int status, String type, String code, String message, String param) {
        this(status, type, code, message, param, null, null);
    }

    public Refusal withRetryAfter(long seconds) {
        return new Refusal(status, type, code, message, param, seconds, upstreamMessage);
    }

    public Refusal withParam(String param) {
        return new Refusal(status, type, code, message, param, retryAfterSeconds, upstreamMessage);
    }

    public Refusal withUpstreamMessage(String upstreamMessage) {
        return new Refusal(status, type, code, message, param, retryAfterSeconds, upstreamMessage);
    }

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String UPSTREAM = "upstream_error";
    public static final String SERVER = "server_error";

    public static Refusal badRequest(String code, String message, String param) {
        return new Refusal(400, INVALID_REQUEST, code, message, param);
    }

    public static Refusal unauthorized(String code, String message) {
        return new Refusal(401, AUTHENTICATION, code, message, null);
    }

    public static Refusal forbidden(String code, String message, String param) {
        return new Refusal(403, PERMISSION, code, message, param);
    }

    public static Refusal notFound(String code, String message, String param) {
        return new Refusal(404, NOT_FOUND, code, message, param);
    }

    public static Refusal tooLarge(String message) {
        return new Refusal(413, INVALID_REQUEST, "request_too_large", message, null);
    }

    public static Refusal rateLimited(String code, String message) {
        return new Refusal(429, RATE_LIMIT, code, message, null);
    }

    public static Refusal badGateway(String code, String message) {
        return new Refusal(502, UPSTREAM, code, message, null);
    }

    public static Refusal gatewayTimeout(String code, String message) {
        return new Refusal(504, UPSTREAM, code, message, null);
    }

    public static Refusal internal(String code, String message) {
        return new Refusal(500, SERVER, code, message, null);
    }

    public static Refusal unavailable(String code, String message) {
        return new Refusal(503, SERVER, code, message, null);
    }
}
