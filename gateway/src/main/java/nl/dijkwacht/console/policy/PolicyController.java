package nl.dijkwacht.console.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.dijkwacht.admin.PolicyAdministration;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.console.ConsoleUser;
import nl.dijkwacht.identity.OperatorClientsCheck;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicyLoadException;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.Suspension;
import nl.dijkwacht.policy.UseCasePolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Models and policy for administrators: the catalogue with its governance records, the policy in force and the
 * last reload result (a refused edit with file:line), reload, and the kill switch with a reason — all through
 * {@link PolicyAdministration}, the same service as the admin API.
 */
@Controller
class PolicyController {

    private final PolicyAdministration administration;
    private final Clock clock;
    private final OperatorClientsCheck operatorClients;

    PolicyController(PolicyAdministration administration, Clock auditClock, OperatorClientsCheck operatorClients) {
        this.administration = administration;
        this.clock = auditClock;
        this.operatorClients = operatorClients;
    }

    /** One problem of a refused edit: where (file:line), which field, what. */
    record Problem(String where, String field, String message) {
    }

    @GetMapping("/console/beheer")
    String page(Model model, Authentication auth) {
        ActivePolicy policy = administration.policy(ConsoleUser.tenantOf(auth));
        PolicySet set = policy.current();
        model.addAttribute("section", "policy");
        // identity48: an identity provider without operator-clients, named on the page every administrator opens
        model.addAttribute("issuersWithoutOperatorClients", operatorClients.issuersWithoutOperatorClients());
        model.addAttribute("policy", policy);
        model.addAttribute("version", set.version());
        ActivePolicy.Failure failure = policy.lastFailure();
        model.addAttribute("failure", failure);
        model.addAttribute("problems", failure == null ? List.of() : failure.problems().stream().map(p -> new Problem(
                (p.file() == null ? "?" : String.valueOf(p.file().getFileName())) + ":" + p.line(), p.field(), p.message())).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("models", set.catalog().all().stream().sorted(Comparator.comparing(ModelDefinition::id)).toList());
        model.addAttribute("useCases", set.useCases().values().stream().sorted(Comparator.comparing(UseCasePolicy::id)).toList());
        List<Suspension> suspensions = policy.suspensions();
        model.addAttribute("suspensions", suspensions);
        return "console/policy/policy";
    }

    @PostMapping("/console/beheer/herladen")
    String reload(Authentication auth, RedirectAttributes redirect) {
        try {
            PolicyAdministration.ReloadResult r = administration.reload(ConsoleUser.tenantOf(auth), ConsoleUser.of(auth).operatorId());
            redirect.addFlashAttribute("message", r.changed()
                    ? "Het nieuwe beleid is ingeladen: versie " + r.policyVersion() + " (was " + r.previousVersion() + ")."
                    : "Het beleid is opnieuw gelezen; er was niets veranderd (versie " + r.policyVersion() + ").");
        } catch (PolicyLoadException e) {
            redirect.addFlashAttribute("problem", "Het nieuwe beleid is ongeldig en is niet ingeladen; versie "
                    + administration.policy(ConsoleUser.tenantOf(auth)).current().version() + " blijft van kracht. De problemen staan hieronder.");
        }
        return "redirect:/console/beheer";
    }

    @PostMapping("/console/beheer/{kind}/{id}/opschorten")
    String suspend(@PathVariable String kind, @PathVariable String id, @RequestParam(required = false) String reason,
                   Authentication auth, RedirectAttributes redirect) {
        Suspension.Kind k = kind(kind);
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("problem", "Geef een reden op voor het opschorten van " + id + ".");
            return "redirect:/console/beheer";
        }
        if (reason.strip().length() > Suspension.MAX_REASON) {
            redirect.addFlashAttribute("problem", "De reden is te lang: hoogstens " + Suspension.MAX_REASON + " tekens.");
            return "redirect:/console/beheer";
        }
        try {
            administration.suspend(ConsoleUser.tenantOf(auth), k, id, ConsoleUser.of(auth).operatorId(), reason);
            redirect.addFlashAttribute("message", (k == Suspension.Kind.MODEL ? "Model " : "Toepassing ") + id
                    + " is opgeschort. Verzoeken worden vanaf nu geweigerd.");
        } catch (PolicyAdministration.UnknownTargetException e) {
            redirect.addFlashAttribute("problem", id + " staat niet in het beleid.");
        }
        return "redirect:/console/beheer";
    }

    @PostMapping("/console/beheer/{kind}/{id}/hervatten")
    String resume(@PathVariable String kind, @PathVariable String id, Authentication auth, RedirectAttributes redirect) {
        Suspension.Kind k = kind(kind);
        try {
            PolicyAdministration.SwitchResult r = administration.resume(ConsoleUser.tenantOf(auth), k, id, ConsoleUser.of(auth).operatorId());
            redirect.addFlashAttribute("message", (k == Suspension.Kind.MODEL ? "Model " : "Toepassing ") + id
                    + (r.status().equals("active") ? " is hervat." : " blijft opgeschort.") + (r.note() == null ? "" : " " + r.note()));
        } catch (PolicyAdministration.UnknownTargetException e) {
            redirect.addFlashAttribute("problem", id + " staat niet in het beleid.");
        }
        return "redirect:/console/beheer";
    }

    private static Suspension.Kind kind(String kind) {
        return switch (kind) {
            case "model" -> Suspension.Kind.MODEL;
            case "toepassing" -> Suspension.Kind.USE_CASE;
            default -> throw new IllegalArgumentException("unknown kind");
        };
    }
}
