package nl.dijkwacht.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of administrator and auditor actions, by HTTP method and path: the admin API, the auditor API and the
 * console pages that take the same actions. One table, so an action has the same name in the audit trail whether it
 * was taken through the API or the console, and whether it was carried out or refused (a refusal by the role check
 * happens before any handler runs). {@code docs/auditor-guide.md} lists them.
 */
public final class OperatorActions {

    /** An action and, when the path names one, its object ({@code model:extern}, {@code hold:12}). */
    public record Named(String action, String object) {
    }

    private record Row(String method, Pattern path, String action, String objectKind) {
        Row(String method, String path, String action, String objectKind) {
            this(method, Pattern.compile(path), action, objectKind);
        }
    }

    private static final String ID = "([^/]+)";

    private static final List<Row> ROWS = List.of(
            // admin API
            new Row("GET", "/admin/policy", "policy.status", null),
            new Row("POST", "/admin/policy/reload", "policy.reload", null),
            new Row("POST", "/admin/models/" + ID + "/suspend", "kill-switch.suspend", "model"),
            new Row("POST", "/admin/models/" + ID + "/resume", "kill-switch.resume", "model"),
            new Row("POST", "/admin/use-cases/" + ID + "/suspend", "kill-switch.suspend", "use_case"),
            new Row("POST", "/admin/use-cases/" + ID + "/resume", "kill-switch.resume", "use_case"),
            new Row("POST", "/admin/explain", "policy.explain", null),
            new Row("GET", "/admin/upstreams", "upstreams.status", null),
            new Row("POST", "/admin/pseudonyms", "identity.pseudonymise", null),
            // auditor API
            new Row("GET", "/audit/v1/records", "audit.search", null),
            new Row("GET", "/audit/v1/records/" + ID, "audit.trace", "trace"),
            new Row("GET", "/audit/v1/export\\.(?:csv|json)", "audit.export", null),
            new Row("GET", "/audit/v1/aggregates", "audit.aggregates", null),
            new Row("GET", "/audit/v1/verify", "chain.verify", null),
            new Row("GET", "/audit/v1/chain/head", "chain.head", null),
            new Row("POST", "/audit/v1/hash-check", "audit.hash-check", null),
            new Row("GET", "/audit/v1/auth-failures", "audit.auth-failures", null),
            new Row("GET", "/audit/v1/holds", "legal-hold.list", null),
            new Row("POST", "/audit/v1/holds", "legal-hold.place", null),
            new Row("DELETE", "/audit/v1/holds/" + ID, "legal-hold.release", "hold"),
            new Row("GET", "/audit/v1/retention/runs", "retention.list", null),
            new Row("POST", "/audit/v1/retention/run", "retention.run", null),
            new Row("GET", "/audit/v1/oversight", "oversight.stats", null),
            new Row("GET", "/audit/v1/oversight/unreviewed", "oversight.unreviewed", null),
            new Row("GET", "/audit/v1/complaints", "complaint.list", null),
            new Row("POST", "/audit/v1/complaints", "complaint.create", null),
            new Row("POST", "/audit/v1/complaints/" + ID + "/outcome", "complaint.outcome", "complaint"),
            // console: the same actions through the web pages
            new Row("POST", "/console/beheer/herladen", "policy.reload", null),
            new Row("POST", "/console/beheer/model/" + ID + "/opschorten", "kill-switch.suspend", "model"),
            new Row("POST", "/console/beheer/model/" + ID + "/hervatten", "kill-switch.resume", "model"),
            new Row("POST", "/console/beheer/toepassing/" + ID + "/opschorten", "kill-switch.suspend", "use_case"),
            new Row("POST", "/console/beheer/toepassing/" + ID + "/hervatten", "kill-switch.resume", "use_case"),
            new Row("POST", "/console/beheer/uitleg", "policy.explain", null),
            new Row("GET", "/console/audit", "audit.search", null),
            new Row("POST", "/console/audit/zoeken", "audit.search", null),
            new Row("GET", "/console/audit/trace/" + ID, "audit.trace", "trace"),
            new Row("POST", "/console/audit/export", "audit.export", null),
            new Row("GET", "/console/audit/export/" + ID + "/bestand", "audit.export-download", "export"),
            new Row("POST", "/console/audit/bewaarplicht", "legal-hold.place", null),
            new Row("POST", "/console/audit/bewaarplicht/" + ID + "/opheffen", "legal-hold.release", "hold"),
            new Row("POST", "/console/audit/verificatie", "chain.verify", null),
            new Row("POST", "/console/toezicht/klachten", "complaint.create", null),
            new Row("POST", "/console/toezicht/klachten/" + ID + "/uitkomst", "complaint.outcome", "complaint"));

    private OperatorActions() {
    }

    /** The action a request is, or empty for a path that is not an operator action (a page view, a static file). */
    public static Optional<Named> of(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        String m = method.toUpperCase(Locale.ROOT);
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Row row : ROWS) {
            Matcher matcher = row.path().matcher(p);
            if (row.method().equals(m) && matcher.matches()) {
                return Optional.of(new Named(row.action(), row.objectKind() == null ? null : row.objectKind() + ":" + matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The action of an admin or auditor API request; a path outside the table is {@code admin.other} / {@code audit.other}. */
    public static Named ofApi(String method, String path) {
        return of(method, path).orElseGet(() -> new Named(path != null && path.startsWith("/admin") ? "admin.other" : "audit.other",
                path == null ? null : "path:" + path));
    }
}
