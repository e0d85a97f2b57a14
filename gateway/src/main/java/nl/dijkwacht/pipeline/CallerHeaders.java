package nl.dijkwacht.pipeline;

/**
 * What the tool said about the call outside the JSON body. Header names are documented in docs/architecture.md.
 */
public record CallerHeaders(
        String bearerToken,
        String useCase,
        String user,
        String department,
        String tenant) {

    public static final String USE_CASE = "X-Dijkwacht-Use-Case";
    public static final String USER = "X-Dijkwacht-User";
    public static final String DEPARTMENT = "X-Dijkwacht-Department";
    public static final String TENANT = "X-Dijkwacht-Tenant";
    public static final String TRACE_ID = "X-Dijkwacht-Trace-Id";
}
