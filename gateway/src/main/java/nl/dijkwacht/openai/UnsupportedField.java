package nl.dijkwacht.openai;

/**
 * A field (or value) of a translated request (Responses API, legacy completions) that the gateway cannot serve or
 * does not know. It becomes a 400 in the OpenAI error format: {@link #code()}, the Dutch message and {@link #param()}
 * — which names the field, never its value.
 */
public final class UnsupportedField extends RuntimeException {

    private final String code;
    private final String param;

    public UnsupportedField(String code, String message, String param) {
        super(message, null, false, false);
        this.code = code;
        this.param = param;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** A field name from the request as an error may show it: only an OpenAI API field name, else {@code …}. */
    public static String safe(String name) {
        return FieldPath.shown(name);
    }
}
