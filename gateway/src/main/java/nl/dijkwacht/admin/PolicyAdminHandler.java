package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.api.filter.AuthenticatedRequest;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.identity.Operator;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicyLoadException;
import nl.dijkwacht.policy.PolicyProblem;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.Suspension;
import nl.dijkwacht.policy.UseCasePolicy;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Policy administration: the policy in force and the last refused reload ({@code GET /admin/policy}), reload
 * ({@code POST /admin/policy/reload}) and the kill switch for models and use-cases
 * ({@code POST /admin/models/{id}/suspend|resume}, {@code POST /admin/use-cases/{id}/suspend|resume}).
 */
final class PolicyAdminHandler {

    private final PolicyAdministration administration;
    private final ObjectMapper json;
    private final Clock clock;

    PolicyAdminHandler(PolicyAdministration administration, ObjectMapper json, Clock clock) {
        this.administration = administration;
        this.json = json;
        this.clock = clock;
    }

    ObjectNode status(ServerRequest request, OperatorActionLog.Entry action) {
        Operator operator = action.operator();
        ActivePolicy policy = administration.policy(operator.tenant());
        PolicySet set = policy.current();
        ObjectNode out = json.createObjectNode();
        out.put("tenant", operator.tenant());
        out.put("policy_version", set.version());
        out.put("loaded_at", String.valueOf(policy.loadedAt()));
        out.put("policies_dir", policy.policiesDir().toString());
        out.put("models_dir", policy.modelsDir().toString());
        ActivePolicy.Failure failure = policy.lastFailure();
        if (failure == null) {
            out.putNull("last_reload_error");
        } else {
            ObjectNode error = out.putObject("last_reload_error");
            error.put("at", failure.at().toString());
            error.set("problems", problems(failure.problems(), failure.message()));
        }
        ArrayNode models = out.putArray("models");
        set.catalog().all().stream().sorted(java.util.Comparator.comparing(ModelDefinition::id)).forEach(m -> {
            ObjectNode node = models.addObject();
            node.put("id", m.id());
            node.put("status", m.governance().status().yamlName());
            node.put("hosting", m.governance().hosting().yamlName());
            node.put("next_evaluation", String.valueOf(m.governance().nextEvaluation()));
            node.put("evaluation_overdue", m.governance().evaluationOverdue(java.time.LocalDate.now(clock)));
            if (m.governance().suspendedBy() != null) {
                node.put("suspended_by", m.governance().suspendedBy());
            }
        });
        ArrayNode useCases = out.putArray("use_cases");
        set.useCases().values().stream().sorted(java.util.Comparator.comparing(UseCasePolicy::id)).forEach(u -> {
            ObjectNode node = useCases.addObject();
            node.put("id", u.id());
            node.put("status", u.suspended() ? "suspended" : "active");
            node.put("risk_class", u.riskClass().yamlName());
            if (u.suspendedBy() != null) {
                node.put("suspended_by", u.suspendedBy());
            }
        });
        ArrayNode suspensions = out.putArray("api_suspensions");
        for (Suspension s : policy.suspensions()) {
            suspensions.addObject().put("kind", s.kind().storedName()).put("id", s.targetId())
                    .put("suspended_by", s.suspendedBy()).put("suspended_at", s.suspendedAt().toString())
                    .put("reason", s.reason());
        }
        return out;
    }

    ObjectNode reload(ServerRequest request, OperatorActionLog.Entry action) {
        try {
            action.param("previous_version", administration.policy(action.operator().tenant()).current().version());
            PolicyAdministration.ReloadResult result = administration.reload(action.operator().tenant(), action.operatorId());
            action.param("policy_version", result.policyVersion()).param("changed", result.changed());
            ObjectNode out = json.createObjectNode();
            out.put("policy_version", result.policyVersion());
            out.put("previous_version", result.previousVersion());
            out.put("changed", result.changed());
            return out;
        } catch (PolicyLoadException e) {
            action.param("problems", e.problems().size());
            ActivePolicy policy = administration.policy(action.operator().tenant());
            ObjectNode extra = json.createObjectNode();
            extra.put("policy_version", policy.current().version());
            extra.set("problems", problems(e.problems(), e.getMessage()));
            String first = e.problems().isEmpty() ? e.getMessage() : e.problems().getFirst().toString();
            throw new AdminResponses.Failure(new Refusal(422, Refusal.INVALID_REQUEST, "policy_invalid",
                    "Het nieuwe beleid is ongeldig en is niet ingeladen; beleid " + policy.current().version()
                            + " blijft van kracht. Eerste probleem: " + first, null), extra);
        }
    }

    ObjectNode suspendModel(ServerRequest request, OperatorActionLog.Entry action) {
        return suspend(Suspension.Kind.MODEL, request, action);
    }

    ObjectNode resumeModel(ServerRequest request, OperatorActionLog.Entry action) {
        return resume(Suspension.Kind.MODEL, request, action);
    }

    ObjectNode suspendUseCase(ServerRequest request, OperatorActionLog.Entry action) {
        return suspend(Suspension.Kind.USE_CASE, request, action);
    }

    ObjectNode resumeUseCase(ServerRequest request, OperatorActionLog.Entry action) {
        return resume(Suspension.Kind.USE_CASE, request, action);
    }

    private ObjectNode suspend(Suspension.Kind kind, ServerRequest request, OperatorActionLog.Entry action) {
        String id = request.pathVariable("id");
        action.object(kind.storedName(), id);
        known(action.operator(), kind, id);
        String reason = reason(request);
        action.text("reason", reason);
        return result(administration.suspend(action.operator().tenant(), kind, id, action.operatorId(), reason), action);
    }

    private ObjectNode resume(Suspension.Kind kind, ServerRequest request, OperatorActionLog.Entry action) {
        String id = request.pathVariable("id");
        action.object(kind.storedName(), id);
        known(action.operator(), kind, id);
        return result(administration.resume(action.operator().tenant(), kind, id, action.operatorId()), action);
    }

    private void known(Operator operator, Suspension.Kind kind, String id) {
        PolicySet set = administration.policy(operator.tenant()).current();
        boolean known = kind == Suspension.Kind.MODEL ? set.catalog().find(id).isPresent() : set.useCase(id).isPresent();
        if (!known) {
            throw new AdminResponses.Failure(Refusal.notFound(kind == Suspension.Kind.MODEL ? "model_not_found" : "use_case_not_found",
                    (kind == Suspension.Kind.MODEL ? "Het model '" : "De use-case '") + id + "' staat niet in het beleid.", "id"), null);
        }
    }

    private String reason(ServerRequest request) {
        try {
            byte[] body = AuthenticatedRequest.body(request);
            if (body.length == 0) {
                return null;
            }
            JsonNode node = json.readTree(body);
            String reason = node.path("reason").asText(null);
            if (reason != null && reason.strip().length() > Suspension.MAX_REASON) {
                // the console's field holds 500 characters, and so does the stored reason: a longer one is not clipped unseen
                throw new AdminResponses.Failure(Refusal.badRequest("reason_too_long", "De reden is te lang ("
                        + reason.strip().length() + " tekens); hoogstens " + Suspension.MAX_REASON
                        + " tekens, net als in de beheerconsole. Kort de reden in en probeer het opnieuw.", "reason"), null);
            }
            return reason;
        } catch (IOException e) {
            throw new AdminResponses.Failure(Refusal.badRequest("invalid_json",
                    "De aanvraag is geen geldige JSON. Verwacht: {\"reason\": \"...\"} of een lege body.", null), null);
        }
    }

    private ObjectNode result(PolicyAdministration.SwitchResult r, OperatorActionLog.Entry action) {
        action.param("status", r.status()).param("policy_version", r.policyVersion());
        ObjectNode out = json.createObjectNode();
        out.put("kind", r.kind().storedName());
        out.put("id", r.id());
        out.put("status", r.status());
        out.put("policy_version", r.policyVersion());
        if (r.note() != null) {
            out.put("note", r.note());
        }
        return out;
    }

    private ArrayNode problems(java.util.List<PolicyProblem> problems, String message) {
        ArrayNode out = json.createArrayNode();
        if (problems.isEmpty()) {
            out.addObject().put("message", message);
        }
        for (PolicyProblem p : problems) {
            ObjectNode node = out.addObject();
            node.put("file", String.valueOf(p.file()));
            node.put("line", p.line());
            node.put("field", p.field());
            node.put("message", p.message());
        }
        return out;
    }
}
