package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Locale;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.invoke.Upstream;
import nl.dijkwacht.invoke.UpstreamPool;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * {@code GET /admin/upstreams}: every server of every model in the catalogue with its circuit-breaker state
 * (closed, open, half_open), failure rate over its window and calls in flight — on this replica.
 */
final class UpstreamsHandler {

    private final Tenants tenants;
    private final UpstreamPool pool;
    private final ObjectMapper json;

    UpstreamsHandler(Tenants tenants, UpstreamPool pool, ObjectMapper json) {
        this.tenants = tenants;
        this.pool = pool;
        this.json = json;
    }

    ObjectNode status(ServerRequest request, OperatorActionLog.Entry action) {
        ObjectNode out = json.createObjectNode();
        ArrayNode models = out.putArray("models");
        for (ModelDefinition model : tenants.policy(action.operator().tenant()).current().catalog().all()) {
            ObjectNode m = models.addObject().put("id", model.id()).put("provider", model.provider().yamlName());
            if (model.serving().maxConcurrent() != null) {
                m.put("max_concurrent", model.serving().maxConcurrent());
            }
            ArrayNode servers = m.putArray("upstreams");
            for (Upstream u : pool.of(model)) {
                CircuitBreaker.Metrics metrics = u.breaker().getMetrics();
                ObjectNode s = servers.addObject().put("upstream", u.label())
                        .put("breaker", u.breaker().getState().name().toLowerCase(Locale.ROOT))
                        .put("in_flight", u.inFlight())
                        .put("calls_in_window", metrics.getNumberOfBufferedCalls())
                        .put("failed_in_window", metrics.getNumberOfFailedCalls());
                float rate = metrics.getFailureRate();
                if (rate >= 0) {
                    s.put("failure_rate_percent", rate);
                }
            }
        }
        return out;
    }
}
