package nl.dijkwacht.api;

import java.util.Set;
import nl.dijkwacht.api.filter.EarlyRefusal;
import nl.dijkwacht.api.filter.EarlyRefusalListener;
import nl.dijkwacht.api.filter.RouteKind;
import nl.dijkwacht.audit.AuditTrail;
import nl.dijkwacht.audit.AuditUnavailableException;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.tenancy.Tenants;

/**
 * Writes an audit record for a model-API request that a route filter refused after the caller was known or could not
 * be checked (body too large, token of another tenant, identity provider unreachable): origin {@code unauthenticated}
 * unless the caller was verified, the error code and status, under the trace id the refusal was answered with. A
 * failed authentication (401: no key, unknown or expired key, invalid token) gets no record of its own: it is counted
 * per source, minute and reason ({@code auth_failure_minute}, {@code GET /audit/v1/auth-failures}), so guessing
 * keys cannot fill the store. A known tool's call to an address under {@code /v1/} that Dijkwacht does not offer
 * ({@link NotOfferedRoutes}: 404 {@code endpoint_not_supported}, 405 {@code method_not_allowed}) is recorded as endpoint
 * {@code unsupported} with the method and the address's shape as its object, and so is its call to an OpenAI address
 * outside {@code /v1} ({@link MisplacedBaseUrl}: 404 {@code wrong_base_url}, once a minute per tool and address). On the admin and auditor routes, a refusal of an
 * operator who was identified (an auditor calling an admin endpoint, 403 role_required; a token of a tenant this
 * gateway does not serve, 403 tenant_unknown, in the default tenant's records) is recorded as that operator's refused action
 * ({@link OperatorActionLog}); any other refusal there but a 401 (503 identity_provider_unavailable) as the refused action of
 * {@link Operator#unidentified}, once per source address, reason and interval with a later record of how many more there
 * were ({@link UnidentifiedRefusalRecords}, identity49). On the model API a request refused because the identity provider
 * could not be reached (503 {@code identity_provider_unavailable}: a tool retrying in a loop through an outage) is
 * summed up the same way, per source, endpoint and interval (edges50): its first refusal is the request's record as
 * before, with {@code repeats_counted_for_s}, and the count a second record of that endpoint; so is a token without a
 * caller whose tenant is not served ({@code 403 tenant_unknown}) or not its issuer's to name ({@code 403
 * tenant_not_allowed}) — a tool configured with the wrong identity provider repeats it on every request (edges51).
 */
public final class AuditedEarlyRefusals implements EarlyRefusalListener {

    /**
     * A verified token whose tenant this gateway does not serve, or that its issuer may not name: the codes of
     * {@code identity.CallerAuthenticator}'s refusals (identity48/49), as text — only the authentication filter may
     * depend on that class (ArchitectureTest).
     */
    private static final Set<String> TENANT_NOT_SERVED = Set.of("tenant_unknown", "tenant_not_allowed");

    private final AuditTrail audit;
    private final Tenants tenants;
    private final OperatorActionLog operatorActions;
    private final UnidentifiedRefusalRecords unidentified;

    public AuditedEarlyRefusals(AuditTrail audit, Tenants tenants, OperatorActionLog operatorActions,
                                UnidentifiedRefusalRecords unidentified) {
        this.audit = audit;
        this.tenants = tenants;
        this.operatorActions = operatorActions;
        this.unidentified = unidentified;
    }

    @Override
    public void refused(EarlyRefusal refusal) {
        if (refusal.operator() != null) {
            // a known operator refused on an admin or auditor route (role, body size): a record of their action
            operatorActions.refused(refusal.operator(), refusal.method(), refusal.path(), refusal.traceId(),
                    refusal.refusal().status(), refusal.refusal().code());
            return;
        }
        if ((refusal.route() == RouteKind.ADMIN || refusal.route() == RouteKind.AUDITOR) && refusal.refusal().status() != 401) {
            // refused before anyone could be identified (the identity provider's keys could not be fetched: 503): a record
            // of the refused action in the default tenant, actor and origin "unauthenticated" (identity48; 401s are
            // counted per source and minute like on the model API); one record per source, reason and interval plus a
            // count of the rest, so that an outage under a polling console does not write one per request (identity49)
            unidentified.refused(tenants.defaultTenant().id(), refusal.source(), refusal.method(), refusal.path(),
                    refusal.traceId(), refusal.refusal().status(), refusal.refusal().code());
            return;
        }
        Endpoint endpoint = endpoint(refusal);
        if (refusal.route() != RouteKind.TOOL || endpoint == null) {
            return;
        }
        if (refusal.refusal().status() == 401) {
            // a failed authentication is recorded in aggregate only (limits.AuthFailureCounter → auth_failure_minute,
            // per source, minute and reason with a count): one chained record per guessed key would let anyone who can
            // reach the gateway fill the audit store
            return;
        }
        if (endpoint == Endpoint.UNSUPPORTED && refusal.caller() == null) {
            return; // an address not offered is recorded only for a caller whose key or token was accepted
        }
        if (refusal.caller() == null && (refusal.refusal().status() >= 500 || TENANT_NOT_SERVED.contains(refusal.refusal().code()))) {
            // nobody could be identified (identity provider unreachable), or the token's tenant is not served or not its
            // issuer's to name: a tool that retries in a loop would write a record per attempt for as long as it runs —
            // the first per source, endpoint, reason and interval, then a count (edges50; edges51 for the tenant refusals)
            unidentified.refused(tenants.defaultTenant().id(), refusal.source(), endpoint.auditName(), refusal.refusal().code(),
                    refusal.traceId(), new ModelApiRefusal(refusal, endpoint));
            return;
        }
        record(refusal, endpoint, exchange(refusal, endpoint, refusal.traceId()));
    }

    private Exchange exchange(EarlyRefusal refusal, Endpoint endpoint, String traceId) {
        Exchange exchange = new Exchange(traceId == null ? nl.dijkwacht.pipeline.TraceIds.next() : traceId,
                endpoint, CallerHeaders.NONE, tenants.policy(refusal.caller() == null ? null : refusal.caller().tenant()).current());
        if (refusal.caller() != null) {
            exchange.caller(refusal.caller());
        }
        if (endpoint == Endpoint.UNSUPPORTED) {
            exchange.target(refusal.method() + " " + AddressShape.of(refusal.path()));
        }
        return exchange;
    }

    private void record(EarlyRefusal refusal, Endpoint endpoint, Exchange exchange) {
        int status = refusal.refusal().status();
        String stage = status == 413 || status == 400 || endpoint == Endpoint.UNSUPPORTED ? "request:" : "authenticate:";
        exchange.refuse(refusal.refusal(), stage + refusal.refusal().code());
        try {
            audit.record(exchange, status, false);
        } catch (AuditUnavailableException e) {
            // logged by the trail; the refusal stands
        }
    }

    /** The two records of refused model-API requests of one source and endpoint in an interval: the request's, then the count. */
    private final class ModelApiRefusal implements UnidentifiedRefusalRecords.Writer {
        private final EarlyRefusal refusal;
        private final Endpoint endpoint;

        ModelApiRefusal(EarlyRefusal refusal, Endpoint endpoint) {
            this.refusal = refusal;
            this.endpoint = endpoint;
        }

        @Override
        public void first(String traceId, java.time.Duration countedFor) {
            Exchange exchange = exchange(refusal, endpoint, traceId);
            exchange.recordParameter("repeats_counted_for_s", countedFor.toSeconds());
            record(refusal, endpoint, exchange);
        }

        @Override
        public void repeats(UnidentifiedRefusalRecords.Repeats repeats) {
            Exchange exchange = exchange(refusal, endpoint, repeats.lastTraceId());
            exchange.recordParameter("repeats", repeats.count());
            exchange.recordParameter("first_at", repeats.firstAt());
            exchange.recordParameter("last_at", repeats.lastAt());
            exchange.recordParameter("first_trace_id", repeats.firstTraceId());
            exchange.recordParameter("last_trace_id", repeats.lastTraceId());
            exchange.recordText("source", repeats.source());
            record(refusal, endpoint, exchange);
        }
    }

    private static Endpoint endpoint(EarlyRefusal refusal) {
        String path = refusal.path();
        int status = refusal.refusal().status();
        if (status == 404 || status == 405) {
            return NotOfferedRoutes.modelApi(path) || MisplacedBaseUrl.matches(path) ? Endpoint.UNSUPPORTED : null;
        }
        return switch (path) {
            case "/v1/chat/completions" -> Endpoint.CHAT_COMPLETIONS;
            case "/v1/responses" -> Endpoint.RESPONSES;
            case "/v1/completions" -> Endpoint.COMPLETIONS;
            case "/v1/embeddings" -> Endpoint.EMBEDDINGS;
            case "/v1/models" -> Endpoint.MODELS;
            default -> path.startsWith("/v1/models/") ? Endpoint.MODELS : null;
        };
    }
}
