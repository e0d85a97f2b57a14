package nl.dijkwacht.audit.web;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.TenantChains;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.query.TraceQueries;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.transparency.TenantReports;
import nl.dijkwacht.api.filter.RouteFilters;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP surface of the audit trail as three gateway routes: {@code dijkwacht-audit} ({@code /audit/v1/**}, auditor
 * role), {@code dijkwacht-oversight-tool} ({@code /v1/dijkwacht/reviews|feedback}, {@code /v1/dijkwacht/refusals/{trace}/flag},
 * the tool's own key) and
 * {@code dijkwacht-transparency} ({@code /transparantie*}, public, aggregates only). All documented in
 * docs/auditor-guide.md.
 *
 * <p>The endpoints live by responsibility in {@link AuditRecordRoutes}, {@link RetentionRoutes},
 * {@link OversightRoutes} and {@link TransparencyRoutes}; what they share is in {@link AuditHttp}.
 */
public final class AuditRoutes {

    /** Audit requests are small JSON objects (search terms, a hold, a hash check). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final AuditRecordRoutes records;
    private final RetentionRoutes retention;
    private final OversightRoutes oversight;
    private final TransparencyRoutes transparency;

    private final RouteFilters filters;

    public AuditRoutes(RouteFilters filters, Tenants tenants, AuditQueries queries, TraceQueries traces,
                       AuditVerification verification, ChainVerifier verifier, TenantChains chains, LegalHolds holds,
                       RetentionJob retention, Oversight oversight, TenantReports transparency,
                       Pseudonymizer pseudonymizer, TextHasher hasher, ObjectMapper json, OperatorActionLog actions,
                       nl.dijkwacht.audit.oversight.RefusalFlags refusalFlags) {
        this.filters = filters;
        AuditHttp http = new AuditHttp(tenants, json, actions);
        this.records = new AuditRecordRoutes(http, queries, traces, verification, verifier, chains, pseudonymizer, hasher);
        this.retention = new RetentionRoutes(http, holds, retention, pseudonymizer);
        this.oversight = new OversightRoutes(http, oversight, queries, pseudonymizer, hasher, refusalFlags);
        this.transparency = new TransparencyRoutes(http, transparency, tenants.defaultTenant().id());
    }

    /** Three routes, one per kind of caller, each with its own filters: auditors, tools, the public. */
    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder auditor = route("dijkwacht-audit");
        auditor = records.addTo(auditor);
        auditor = retention.addTo(auditor);
        auditor = oversight.addTo(auditor);
        RouterFunctions.Builder tool = oversight.addToolRoutesTo(route("dijkwacht-oversight-tool"));
        RouterFunctions.Builder open = transparency.addTo(route("dijkwacht-transparency"));
        return auditor.filter(filters.forRoute(RouteKind.AUDITOR, MAX_BODY_BYTES)).build()
                .and(tool.filter(filters.forRoute(RouteKind.TOOL, MAX_BODY_BYTES)).build())
                .and(open.filter(filters.forRoute(RouteKind.PUBLIC, 0)).build());
    }
}
