package nl.dijkwacht.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import nl.dijkwacht.audit.AuditTrail;
import nl.dijkwacht.audit.AuditUnavailableException;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.ToolPolicy;
import nl.dijkwacht.policy.UseCasePolicy;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /v1/models}: only the models this caller may use — those of the use-case it names, or of every
 * use-case its tool may use. {@code GET /v1/models/{id}} answers 404 for anything else.
 */
public final class ModelsHandler {

    private final RequestEntry entry;
    private final AuditTrail audit;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;

    ModelsHandler(RequestEntry entry, AuditTrail audit, OpenAiErrorWriter errors, ObjectMapper json) {
        this.entry = entry;
        this.audit = audit;
        this.errors = errors;
        this.json = json;
    }

    public ServerResponse list(ServerRequest request) {
        return ServerResponse.ok().build((req, res) -> {
            Exchange exchange = entry.open(Endpoint.MODELS, req);
            res.setHeader(CallerHeaders.TRACE_ID, exchange.traceId());
            ObjectNode body = json.createObjectNode().put("object", "list");
            ArrayNode data = body.putArray("data");
            for (String id : visibleModels(exchange)) {
                exchange.policy().catalog().find(id).ifPresent(model -> data.add(describe(model)));
            }
            ok(exchange, res, body);
            return null;
        });
    }

    public ServerResponse one(ServerRequest request) {
        String id = request.pathVariable("id");
        return ServerResponse.ok().build((req, res) -> {
            Exchange exchange = entry.open(Endpoint.MODELS, req);
            res.setHeader(CallerHeaders.TRACE_ID, exchange.traceId());
            var model = visibleModels(exchange).contains(id) ? exchange.policy().catalog().find(id) : java.util.Optional.<ModelDefinition>empty();
            if (model.isEmpty()) {
                Refusal refusal = Refusal.notFound("model_not_found",
                        "Het gevraagde model staat niet in de lijst van modellen die u mag gebruiken.", "model");
                exchange.refuse(refusal, "model:not-visible");
                recordQuietly(exchange, 404);
                errors.write(res, refusal);
            } else {
                ok(exchange, res, describe(model.get()));
            }
            return null;
        });
    }

    private static Set<String> visibleModels(Exchange exchange) {
        PolicySet policy = exchange.policy();
        ToolPolicy tool = policy.tools().get(exchange.caller().toolId());
        if (tool == null) {
            return Set.of();
        }
        Set<String> useCases = new TreeSet<>(tool.useCases());
        if (tool.defaultUseCase() != null) {
            useCases.add(tool.defaultUseCase());
        }
        String named = exchange.headers().useCase();
        if (named != null && !named.isBlank()) {
            useCases.retainAll(Set.of(named));
        }
        Set<String> models = new TreeSet<>();
        for (String id : useCases) {
            policy.useCase(id).filter(u -> !u.suspended()).map(UseCasePolicy::models).ifPresent(models::addAll);
        }
        // suspended and retired models are not offered (issue 4: kill switch)
        models.removeIf(id -> policy.catalog().find(id).map(m -> !m.governance().status().usable()).orElse(true));
        return models;
    }

    private ObjectNode describe(ModelDefinition model) {
        ObjectNode node = json.createObjectNode();
        node.put("id", model.id());
        node.put("object", "model");
        node.put("created", 0);
        node.put("owned_by", model.provider().yamlName());
        if (model.description() != null) {
            node.put("description", model.description());
        }
        return node;
    }

    private void ok(Exchange exchange, HttpServletResponse res, ObjectNode body) {
        try {
            audit.record(exchange, 200, false);
        } catch (AuditUnavailableException e) {
            errors.write(res, Refusal.unavailable("audit_unavailable", "Dijkwacht kan het gebruik nu niet vastleggen. Probeer het later opnieuw."));
            return;
        }
        res.setStatus(200);
        res.setContentType("application/json");
        try {
            json.writeValue(res.getOutputStream(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void recordQuietly(Exchange exchange, int status) {
        try {
            audit.record(exchange, status, false);
        } catch (AuditUnavailableException ignored) {
            // logged by the trail
        }
    }
}
