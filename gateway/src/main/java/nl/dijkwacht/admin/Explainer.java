package nl.dijkwacht.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.dijkwacht.catalog.DataClass;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.identity.IdentitySource;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.StepTrace;
import nl.dijkwacht.invoke.Upstream;
import nl.dijkwacht.routing.ModelRouter;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.tenancy.Tenants;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import nl.dijkwacht.response.Disclaimer;
import nl.dijkwacht.routing.ResolveModelStep;
import nl.dijkwacht.routing.RoutingRules;

/**
 * {@code POST /admin/explain} and the console's explain form: a dry run of the real request pipeline for a prompt, a caller and a use-case. It
 * runs the same policy steps the gateway runs (all but authentication and the rate limit, since the caller is
 * given by name rather than by key), then shows every step's decision, the personal data found (types and
 * positions and why each was found, never values), the text that would be sent, the model it would go to and why, and the disclaimer.
 * The answering model is not called and nothing is written to the audit trail; the use-case's guard model is asked when
 * the purpose guard's first layers are unsure (unless {@code guard=false}), and the purpose step then says so.
 */
public final class Explainer {

    /** Steps that would spend the caller's quota; explain names the caller instead of authenticating one. */
    private static final Set<String> SKIPPED = Set.of("rate-limit", "token-budget");

    private final Tenants tenants;
    private final RequestPipeline pipeline;
    private final PiiEngine detector;
    private final Disclaimer disclaimer;
    private final RoutingRules rules;
    private final ModelRouter router;
    private final ObjectMapper json;

    Explainer(Tenants tenants, RequestPipeline pipeline, PiiEngine detector, Disclaimer disclaimer,
              RoutingRules rules, ModelRouter router, ObjectMapper json) {
        this.router = router;
        this.tenants = tenants;
        this.pipeline = pipeline;
        this.detector = detector;
        this.disclaimer = disclaimer;
        this.rules = rules;
        this.json = json;
    }

    /** Input the explain form or API got wrong: a Dutch message in the OpenAI error format's terms. */
    public static final class InvalidInput extends RuntimeException {
        private final transient Refusal refusal;

        InvalidInput(Refusal refusal) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * @param input  {@code tool}, {@code use_case}, {@code prompt} (or {@code request}: a whole OpenAI request),
     *               optionally {@code model}, {@code user}, {@code department}, {@code roles}, {@code ai_training_date}
     * @param tenant the organisation of the operator who asks
     * @return every step's decision, the entities found (types and positions), what would be sent and to which model
     * @throws InvalidInput when the tool is unknown, there is no prompt or a date is malformed
     */
    public ObjectNode explain(JsonNode input, String tenant) {
        return explain(input, tenant, true);
    }

    /**
     * @param askGuardModel {@code false}: a dry explain that does not call the use-case's guard model (the purpose step
     *                      then shows the outcome of a guard model that does not answer, and which questions it would
     *                      have been asked)
     */
    public ObjectNode explain(JsonNode input, String tenant, boolean askGuardModel) {
        PolicySet set = tenants.policy(tenant).current();
        String toolId = text(input, "tool");
        if (toolId == null || !set.tools().containsKey(toolId)) {
            throw new InvalidInput(Refusal.badRequest("tool_unknown",
                    "Geef in 'tool' het id van een tool uit tools.yaml (bijvoorbeeld 'dev-cli').", "tool"));
        }
        ObjectNode body = openAiBody(input);
        Endpoint endpoint = body.has("input") && !body.has("messages") ? Endpoint.EMBEDDINGS : Endpoint.CHAT_COMPLETIONS;
        List<String> roles = input.path("roles").isArray()
                ? List.of(json.convertValue(input.path("roles"), String[].class))
                : text(input, "roles") == null ? List.of() : java.util.Arrays.stream(text(input, "roles").split(",")).map(String::strip).toList();
        Exchange exchange = new Exchange("explain-" + UUID.randomUUID(), endpoint, new CallerHeaders(text(input, "use_case"), text(input, "task")), set);
        exchange.caller(new Caller(toolId, text(input, "user"), text(input, "department"), roles, tenant,
                date(input, "ai_training_date"), IdentitySource.EXPLAIN, null));
        if (!askGuardModel) {
            exchange.withoutGuardModel();
        }
        try {
            exchange.rawBody(json.writeValueAsBytes(body));
            exchange.contentType("application/json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        ObjectNode out = json.createObjectNode();
        out.put("policy_version", set.version());
        // the answering model; the guard model may be asked (guard_model_called, and the purpose step says so)
        out.put("model_called", false);
        ArrayNode[] found = {null};
        // the gateway's own pipeline runner; only the steps that would spend the caller's quota are skipped
        Refusal refusal = pipeline.run(exchange, SKIPPED, (step, trace, ex) -> {
            if (found[0] == null && ex.request() != null) {
                found[0] = findEntities(ex);
            }
        });
        ArrayNode entities = found[0];
        ArrayNode steps = out.putArray("steps");
        // authentication is the route's filter, not a pipeline step; in a dry run the administrator names the caller
        steps.addObject().put("step", "authenticate").put("outcome", "skipped").put("note", "tool opgegeven als '" + toolId + "'");
        String routeRule = null;
        for (StepTrace trace : exchange.steps()) {
            ObjectNode entry = steps.addObject().put("step", trace.step()).put("outcome", trace.outcome());
            switch (trace.outcome()) {
                case "skipped" -> entry.put("note", "geen quotum verbruikt");
                case "rewrite" -> entry.put("effect", trace.effectName()).put("rule", trace.rule());
                case "deny" -> entry.put("rule", trace.rule()).put("code", trace.code());
                case "failed" -> entry.put("rule", trace.rule());
                default -> { }
            }
            if ("purpose".equals(trace.step()) && exchange.purposeJudgement() != null) {
                // the purpose guard's decision, the layer that made it and its score (issue 10)
                entry.put("judgement", exchange.purposeJudgement());
                if (!exchange.turnChecks().isEmpty()) {
                    // turns28: the earlier answers and tool results that would have caused the refusal, and whether the
                    // gateway delivered them (delivered ones are not held against the request)
                    ArrayNode turns = entry.putArray("earlier_turns");
                    exchange.turnChecks().forEach(t -> turns.addObject().put("message", t.message()).put("role", t.role())
                            .put("status", t.status()).put("matched", t.matched()));
                }
                if (!exchange.guardModelCalls().isEmpty()) {
                    ObjectNode guard = entry.putObject("guard_model").put("asked", true);
                    ArrayNode calls = guard.putArray("calls");
                    exchange.guardModelCalls().forEach(c -> calls.addObject()
                            .put("model", c.model()).put("question", c.question()).put("answer", c.answer()));
                } else if (!askGuardModel) {
                    ObjectNode guard = entry.putObject("guard_model").put("asked", false);
                    ArrayNode questions = guard.putArray("not_asked");
                    exchange.guardQuestionsNotAsked().forEach(questions::add);
                    if (!exchange.guardQuestionsNotAsked().isEmpty()) {
                        guard.put("note", "Uitleg zonder controlemodel (guard=false): de uitkomst is die bij een controlemodel dat"
                                + " niet antwoordt (on-guard-failure; bijzondere gegevens tellen dan als iemands gegevens).");
                    }
                }
            }
            entry.put("micros", trace.micros());
            if ("route".equals(trace.step()) && "rewrite".equals(trace.outcome())) {
                routeRule = trace.rule();
            }
        }
        out.put("guard_model_called", !exchange.guardModelCalls().isEmpty());
        out.put("decision", exchange.decision().name().toLowerCase(java.util.Locale.ROOT));
        if (exchange.rule() == null) {
            out.putNull("rule");
        } else {
            out.put("rule", exchange.rule());
        }
        if (refusal == null) {
            out.putNull("refusal");
        } else {
            out.putObject("refusal").put("status", refusal.status()).put("code", refusal.code()).put("message", refusal.message());
        }
        out.set("caller", caller(exchange, toolId));
        out.set("use_case", exchange.useCase() == null ? json.nullNode() : useCase(exchange.useCase()));
        if (entities != null && exchange.useCase() != null) {
            for (JsonNode e : entities) {
                nl.dijkwacht.pii.detect.EntityType type = nl.dijkwacht.pii.detect.EntityType.valueOf(e.path("type").asText());
                ((ObjectNode) e).put("operator", exchange.useCase().pii().operatorFor(type).name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        out.set("entities", entities == null ? json.createArrayNode() : entities);
        ArrayNode kept = out.putArray("data_classes_kept");
        rules.requiredClasses(exchange).forEach(c -> kept.add(c.yamlName()));
        out.set("model", model(exchange, routeRule));
        if (refusal == null && exchange.request() != null) {
            out.set("would_send", exchange.request().body());
            String note = disclaimer.textFor(exchange);
            out.put("disclaimer", note.replaceFirst("^\\s*---\\s*", "").strip());
        } else {
            out.putNull("would_send");
            out.putNull("disclaimer");
        }
        ArrayNode warnings = out.putArray("warnings");
        exchange.warnings().forEach(warnings::add);
        return out;
    }

    private ObjectNode openAiBody(JsonNode input) {
        if (input.get("request") instanceof ObjectNode given) {
            return given.deepCopy();
        }
        String prompt = text(input, "prompt");
        if (prompt == null) {
            throw new InvalidInput(Refusal.badRequest("missing_prompt",
                    "Geef 'prompt' (tekst) of 'request' (een volledig OpenAI-verzoek).", "prompt"));
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", input.path("model").isTextual() ? input.path("model").asText() : ResolveModelStep.AUTO);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return body;
    }

    /**
     * Types and positions (offsets into the text as the tool sent it), never the values. Taken right after parsing,
     * before any step rewrites the text; the operator per type is added once the use-case is known.
     */
    private ArrayNode findEntities(Exchange exchange) {
        ArrayNode out = json.createArrayNode();
        for (TextSlot slot : exchange.request().textSlots()) {
            for (Finding f : detector.detect(slot.get())) {
                ObjectNode node = out.addObject();
                node.put("slot", slot.path());
                node.put("type", f.type().name());
                node.put("start", f.start());
                node.put("end", f.end());
                node.put("recognizer", f.recognizer());
                // why it was found: the pattern or rule, the deciding context cue (a word from the engine's lists,
                // never prompt text) and the score
                node.put("pattern", f.pattern());
                node.put("context", f.context());
                node.put("score", f.score());
                node.put("explanation", f.explanation());
            }
        }
        return out;
    }

    private ObjectNode caller(Exchange exchange, String toolId) {
        ObjectNode node = json.createObjectNode();
        node.put("tool", toolId);
        node.put("user_given", exchange.caller().userId() != null);
        node.put("department", exchange.caller().department());
        ArrayNode roles = node.putArray("roles");
        exchange.caller().roles().forEach(roles::add);
        return node;
    }

    private ObjectNode useCase(UseCasePolicy u) {
        ObjectNode node = json.createObjectNode();
        node.put("id", u.id());
        node.put("purpose", u.purpose());
        node.put("risk_class", u.riskClass().yamlName());
        node.put("status", u.suspended() ? "suspended" : "active");
        node.put("special_category_allowed", u.specialCategoryAllowed());
        node.put("human_review_required", u.humanReviewRequired());
        node.put("content_retention_days", u.contentRetentionDays());
        ArrayNode models = node.putArray("models");
        u.models().forEach(models::add);
        return node;
    }

    private JsonNode model(Exchange exchange, String routeRule) {
        ModelDefinition m = exchange.model();
        ObjectNode node = json.createObjectNode();
        String requested = exchange.request() == null ? null : exchange.request().model();
        node.put("requested", requested);
        if (m == null) {
            node.putNull("id");
            node.put("why", "Geen model gekozen: het verzoek wordt eerder geweigerd.");
            return node;
        }
        node.put("id", m.id());
        node.put("provider", m.provider().yamlName());
        node.put("hosting", m.governance().hosting().yamlName());
        node.put("status", m.governance().status().yamlName());
        ArrayNode classes = node.putArray("data_classes");
        m.governance().dataClasses().stream().map(DataClass::yamlName).sorted().forEach(classes::add);
        if (m.governance().energyWhPer1kTokens() != null) {
            node.put("energy_wh_per_1k_tokens", m.governance().energyWhPer1kTokens());
        }
        String why;
        if (routeRule != null) {
            why = "Omgeleid door regel '" + routeRule + "': het verzoek bevat gegevens (" + String.join(", ",
                    rules.requiredClasses(exchange).stream().map(DataClass::yamlName).sorted().toList())
                    + ") die het gevraagde model niet mag ontvangen; '" + m.id()
                    + "' is het eerste model van de use-case, in volgorde van voorkeur, dat dat wel mag.";
        } else if (exchange.routing().task() != null) {
            String task = exchange.routing().task();
            why = "Taak '" + task + "': het eerste model op de taakroute " + exchange.useCase().tasks().route(task).orElse(List.of())
                    + " dat nu bruikbaar is en waarin de prompt past" + (exchange.routing().skips().isEmpty() ? "."
                    : "; overgeslagen: " + String.join(", ", exchange.routing().skips().stream()
                            .map(sk -> sk.model() + " (" + sk.reason() + ")").toList()) + ".");
        } else if (ResolveModelStep.AUTO.equals(requested)) {
            why = "Model 'auto': het eerste bruikbare model van de use-case in volgorde van voorkeur " + exchange.useCase().models() + ".";
        } else {
            why = "Door de tool gevraagd; toegestaan voor de use-case en bruikbaar volgens het governance-record.";
        }
        node.put("why", why);
        node.set("routing", routing(exchange));
        ArrayNode fb = node.putArray("fallbacks_on_failure");
        router.fallbacks(exchange).forEach(f -> fb.add(f.id()));
        node.set("upstreams", upstreams(m));
        return node;
    }

    /** The route log so far: task, reason, models passed over and why, prompt tokens as counted for context windows. */
    private ObjectNode routing(Exchange exchange) {
        var log = exchange.routing();
        ObjectNode node = json.createObjectNode();
        node.put("task", log.task());
        node.put("reason", log.reason());
        if (log.promptTokens() != null) {
            node.put("prompt_tokens", log.promptTokens());
        }
        ArrayNode skipped = node.putArray("skipped");
        log.skips().forEach(sk -> skipped.addObject().put("model", sk.model()).put("reason", sk.reason()));
        return node;
    }

    /** Every server of the model with its circuit breaker state: what the call would find right now. */
    private ArrayNode upstreams(ModelDefinition model) {
        ArrayNode out = json.createArrayNode();
        for (Upstream u : router.invoker().pool().of(model)) {
            out.addObject().put("upstream", u.label())
                    .put("breaker", u.breaker().getState().name().toLowerCase(java.util.Locale.ROOT))
                    .put("in_flight", u.inFlight());
        }
        return out;
    }

    private static java.time.LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(Refusal.badRequest("invalid_date",
                    "Geef '" + field + "' als datum, bijvoorbeeld 2026-03-01.", field));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
