package nl.dijkwacht.pipeline;

/**
 * What the tool said about the call outside the JSON body. Header names are documented in docs/architecture.md.
 */
public record CallerHeaders(
        String bearerToken,
        String useCase,
        String user,
        String department,
        String tenant,
        String roles,
        String task) {

    /** Without roles (tools that send no {@value #ROLES} header). */
    public CallerHeaders(String bearerToken, String useCase, String user, String department, String tenant) {
        this(bearerToken, useCase, user, department, tenant, null, null);
    }

    /** Without a task header ({@value #TASK}). */
    public CallerHeaders(String bearerToken, String useCase, String user, String department, String tenant, String roles) {
        this(bearerToken, useCase, user, department, tenant, roles, null);
    }

    /** The comma-separated roles the tool sent in {@value #ROLES}, trimmed; empty when none. */
    public java.util.List<String> roleList() {
        if (roles == null || roles.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    public static final String USE_CASE = "X-Dijkwacht-Use-Case";
    public static final String USER = "X-Dijkwacht-User";
    public static final String DEPARTMENT = "X-Dijkwacht-Department";
    public static final String TENANT = "X-Dijkwacht-Tenant";
    public static final String ROLES = "X-Dijkwacht-Roles";
    public static final String TRACE_ID = "X-Dijkwacht-Trace-Id";
    /** The task for task routing (e.g. {@code samenvatten}); or OpenAI {@code metadata.dw_task}. */
    public static final String TASK = "X-Dijkwacht-Task";
}
