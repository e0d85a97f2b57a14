package nl.dijkwacht.console.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import nl.dijkwacht.admin.Explainer;
import nl.dijkwacht.policy.PolicySet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The explain form for administrators: a prompt in, every step's decision and what would leave the building out,
 * without calling the answering model — the same {@link Explainer} as {@code POST /admin/explain} (the purpose guard's
 * guard model is asked when its judgement needs it, unless the form asks for a dry explain). The prompt is posted
 * (never in a URL), not logged and not stored.
 */
@Controller
class ExplainController {

    private final Explainer explainer;
    private final nl.dijkwacht.tenancy.Tenants tenants;
    private final ObjectMapper json;
    private final ObjectMapper snake;

    private final int maxBodyBytes;

    ExplainController(Explainer explainer, nl.dijkwacht.tenancy.Tenants tenants, ObjectMapper dijkwachtJson,
                      nl.dijkwacht.config.DijkwachtProperties properties) {
        this.explainer = explainer;
        this.maxBodyBytes = properties.maxBodyBytes();
        this.tenants = tenants;
        this.json = dijkwachtJson;
        this.snake = dijkwachtJson.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The form as posted. {@code dry}: explain without asking the use-case's guard model (as
     * {@code POST /admin/explain?guard=false}); unticked, the guard model is asked when the first layers are unsure.
     */
    record ExplainForm(String tool, String useCase, String model, String department, String roles, String prompt, Boolean dry) {
        static ExplainForm empty() {
            return new ExplainForm(null, null, "auto", null, null, null, false);
        }

        boolean asksGuardModel() {
            return !Boolean.TRUE.equals(dry);
        }
    }

    @ModelAttribute
    void choices(Model model, org.springframework.security.core.Authentication auth) {
        PolicySet set = tenants.policy(nl.dijkwacht.console.ConsoleUser.tenantOf(auth)).current();
        model.addAttribute("section", "explain");
        model.addAttribute("tools", new TreeSet<>(set.tools().keySet()));
        model.addAttribute("useCases", new TreeSet<>(set.useCases().keySet()));
        model.addAttribute("models", set.catalog().all().stream().map(m -> m.id()).sorted().toList());
    }

    @GetMapping("/console/beheer/uitleg")
    String form(Model model) {
        model.addAttribute("form", ExplainForm.empty());
        return "console/policy/explain";
    }

    @PostMapping("/console/beheer/uitleg")
    String explain(@ModelAttribute("form") ExplainForm form, org.springframework.security.core.Authentication auth, Model model)
            throws JsonProcessingException {
        ObjectNode input = json.createObjectNode();
        putIfGiven(input, "tool", form.tool());
        putIfGiven(input, "use_case", form.useCase());
        putIfGiven(input, "model", form.model());
        putIfGiven(input, "department", form.department());
        putIfGiven(input, "roles", form.roles());
        putIfGiven(input, "prompt", form.prompt());
        // the API's explain and every real request stop at the body limit (413); the form would otherwise say "doorgelaten"
        if (form.prompt() != null && form.prompt().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBodyBytes) {
            model.addAttribute("problem", "De prompt is groter dan " + maxBodyBytes / 1024 + " KB: een verzoek met deze tekst"
                    + " zou worden geweigerd (413 request_too_large). Verkort de tekst of verdeel het werk over meerdere verzoeken.");
            return "console/policy/explain";
        }
        try {
            String tenant = nl.dijkwacht.console.ConsoleUser.tenantOf(auth);
            ObjectNode out = explainer.explain(input, tenant, form.asksGuardModel());
            String wouldSend = out.path("would_send").isMissingNode() || out.path("would_send").isNull()
                    ? null : json.writerWithDefaultPrettyPrinter().writeValueAsString(out.get("would_send"));
            out.remove("would_send");
            out.put("would_send", wouldSend);
            model.addAttribute("result", snake.treeToValue(out, ExplainView.class));
        } catch (Explainer.InvalidInput e) {
            model.addAttribute("problem", e.refusal().message());
        }
        return "console/policy/explain";
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
