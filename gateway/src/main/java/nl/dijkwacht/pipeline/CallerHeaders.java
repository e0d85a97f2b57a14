package nl.dijkwacht.pipeline;

/**
 * What the tool said about the call outside the JSON body that is not about identity. Who is calling (tool, staff
 * member, department, roles, tenant) is never read from here: it is the verified {@code identity.Caller} on the
 * exchange. Header names are documented in docs/architecture.md.
 *
 * @param useCase the {@value #USE_CASE} header: the use-case the request falls under
 * @param task    the {@value #TASK} header: the task for task routing (or OpenAI {@code metadata.dw_task})
 */
public record CallerHeaders(String useCase, String task) {

    public static final String USE_CASE = "X-Dijkwacht-Use-Case";
    public static final String TASK = "X-Dijkwacht-Task";
    public static final String TRACE_ID = "X-Dijkwacht-Trace-Id";

    public static final CallerHeaders NONE = new CallerHeaders(null, null);

    /** Without a task header. */
    public CallerHeaders(String useCase) {
        this(useCase, null);
    }
}
