package nl.dijkwacht.audit.web;

import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.AuditVerification;
import nl.dijkwacht.audit.query.TraceQueries;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.retention.RetentionJob;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.identity.OperatorAccess;
import nl.dijkwacht.policy.ActivePolicy;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP surface of the audit trail, as one gateway route {@code dijkwacht-audit}. {@code /audit/v1/**}: auditor role
 * (retention run: admin). {@code /v1/dijkwacht/reviews|feedback}: the tool's own API key. {@code /transparantie*}:
 * public, aggregates only. All documented in docs/auditor-guide.md.
 *
 * <p>The endpoints live by responsibility in {@link AuditRecordRoutes}, {@link RetentionRoutes},
 * {@link OversightRoutes} and {@link TransparencyRoutes}; what they share is in {@link AuditHttp}.
 */
public final class AuditRoutes {

    private final AuditRecordRoutes records;
    private final RetentionRoutes retention;
    private final OversightRoutes oversight;
    private final TransparencyRoutes transparency;

    public AuditRoutes(OperatorAccess operators, ActivePolicy policy, AuditQueries queries, TraceQueries traces,
                       AuditVerification verification,
                       ChainVerifier verifier, ChainedJdbcAuditSink sink, LegalHolds holds, RetentionJob retention,
                       Oversight oversight, TransparencyReport transparency, Pseudonymizer pseudonymizer, TextHasher hasher,
                       ObjectMapper json) {
        AuditHttp http = new AuditHttp(operators, policy, json);
        this.records = new AuditRecordRoutes(http, queries, traces, verification, verifier, sink, pseudonymizer, hasher);
        this.retention = new RetentionRoutes(http, holds, retention, pseudonymizer);
        this.oversight = new OversightRoutes(http, oversight, queries, pseudonymizer, hasher);
        this.transparency = new TransparencyRoutes(http, transparency);
    }

    public RouterFunction<ServerResponse> routes() {
        // one route id for all of them, registered in the order they always had
        RouterFunctions.Builder routes = route("dijkwacht-audit");
        routes = records.addTo(routes);
        routes = retention.addTo(routes);
        routes = oversight.addTo(routes);
        routes = transparency.addTo(routes);
        return routes.build();
    }
}
