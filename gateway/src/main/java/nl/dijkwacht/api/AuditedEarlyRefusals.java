package nl.dijkwacht.api;

import nl.dijkwacht.api.filter.EarlyRefusal;
import nl.dijkwacht.api.filter.EarlyRefusalListener;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.audit.AuditTrail;
import nl.dijkwacht.audit.AuditUnavailableException;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.ActivePolicy;

/**
 * Writes an audit record for a model-API request that a route filter refused after the caller was known or could not
 * be checked (body too large, token of another tenant, identity provider unreachable): origin {@code unauthenticated}
 * unless the caller was verified, the error code and status, under the trace id the refusal was answered with. A
 * failed authentication (401: no key, unknown or expired key, invalid token) gets no record of its own: it is counted
 * per source, minute and reason ({@code auth_failure_minute}, {@code GET /audit/v1/auth-failures}), so guessing
 * keys cannot fill the store. On the admin and auditor routes, a refusal of an
 * operator who was identified (an auditor calling an admin endpoint, 403 role_required) is recorded as that operator's
 * refused action ({@link OperatorActionLog}).
 */
public final class AuditedEarlyRefusals implements EarlyRefusalListener {

    private final AuditTrail audit;
    private final ActivePolicy policy;
    private final OperatorActionLog operatorActions;

    public AuditedEarlyRefusals(AuditTrail audit, ActivePolicy policy, OperatorActionLog operatorActions) {
        this.audit = audit;
        this.policy = policy;
        this.operatorActions = operatorActions;
    }

    @Override
    public void refused(EarlyRefusal refusal) {
        if (refusal.operator() != null) {
            // a known operator refused on an admin or auditor route (role, body size): a record of their action
            operatorActions.refused(refusal.operator(), refusal.method(), refusal.path(), refusal.traceId(),
                    refusal.refusal().status(), refusal.refusal().code());
            return;
        }
        Endpoint endpoint = endpoint(refusal.path());
        if (refusal.route() != RouteKind.TOOL || endpoint == null) {
            return;
        }
        if (refusal.refusal().status() == 401) {
            // a failed authentication is recorded in aggregate only (limits.AuthFailureCounter → auth_failure_minute,
            // per source, minute and reason with a count): one chained record per guessed key would let anyone who can
            // reach the gateway fill the audit store
            return;
        }
        Exchange exchange = new Exchange(refusal.traceId() == null ? nl.dijkwacht.pipeline.TraceIds.next() : refusal.traceId(),
                endpoint, CallerHeaders.NONE, policy.current());
        if (refusal.caller() != null) {
            exchange.caller(refusal.caller());
        }
        String stage = refusal.refusal().status() == 413 || refusal.refusal().status() == 400 ? "request:" : "authenticate:";
        exchange.refuse(refusal.refusal(), stage + refusal.refusal().code());
        try {
            audit.record(exchange, refusal.refusal().status(), false);
        } catch (AuditUnavailableException e) {
            // logged by the trail; the refusal stands
        }
    }

    private static Endpoint endpoint(String path) {
        if (path.startsWith("/v1/chat/completions")) {
            return Endpoint.CHAT_COMPLETIONS;
        }
        if (path.startsWith("/v1/embeddings")) {
            return Endpoint.EMBEDDINGS;
        }
        if (path.startsWith("/v1/models")) {
            return Endpoint.MODELS;
        }
        return null;
    }
}
