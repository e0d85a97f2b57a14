package nl.dijkwacht.console.oversight;

import java.util.TreeSet;
import nl.dijkwacht.audit.oversight.Complaint;
import nl.dijkwacht.audit.oversight.ComplaintOutcome;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.console.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Human oversight for auditors and the privacy officer: the review queue (answers that need a human review and have
 * none), complaints with their status, recording a resident's objection, and entering the outcome of a complaint.
 * Through the same {@link Oversight} service as {@code /audit/v1/oversight*} and {@code /audit/v1/complaints*}.
 */
@Controller
class OversightController {

    private final Oversight oversight;
    private final AuditQueries queries;
    private final nl.dijkwacht.console.ConsoleTenancy tenancy;

    OversightController(Oversight oversight, AuditQueries queries, nl.dijkwacht.console.ConsoleTenancy tenancy) {
        this.oversight = oversight;
        this.queries = queries;
        this.tenancy = tenancy;
    }

    @GetMapping("/console/toezicht")
    String overview(@RequestParam(name = "toepassing", required = false) String useCase,
                    @RequestParam(name = "status", required = false) String status, Model model, Authentication auth) {
        String s = status == null || status.isBlank() ? "unresolved" : status;
        var scope = tenancy.scope(auth);
        model.addAttribute("section", "oversight");
        model.addAttribute("useCases", new TreeSet<>(tenancy.policy(auth).current().useCases().keySet()));
        model.addAttribute("useCase", useCase);
        model.addAttribute("queue", oversight.unreviewed(useCase, 200, scope));
        model.addAttribute("status", s);
        model.addAttribute("complaints", oversight.complaints(s.equals("all") ? null : s, 200, scope));
        return "console/oversight/overview";
    }

    @GetMapping("/console/toezicht/klachten/{id}")
    String complaint(@PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response, Authentication auth) {
        model.addAttribute("section", "oversight");
        Complaint complaint = oversight.complaint(id, tenancy.scope(auth));
        if (complaint == null) {
            response.setStatus(404);
            return "console/oversight/complaint-gone";
        }
        model.addAttribute("complaint", complaint);
        model.addAttribute("closed", !complaint.status().equals(Complaint.OPEN) && !complaint.status().equals("in_progress"));
        return "console/oversight/complaint";
    }

    @PostMapping("/console/toezicht/klachten/{id}/uitkomst")
    String outcome(@PathVariable long id, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String explanation, Authentication auth, RedirectAttributes redirect) {
        try {
            ComplaintOutcome stored = oversight.recordOutcome(id, status, explanation, "operator:" + ConsoleUser.of(auth).operatorId(),
                    tenancy.scope(auth));
            if (stored == null) {
                redirect.addFlashAttribute("problem", "Er is geen klacht met nummer " + id + ".");
            } else {
                redirect.addFlashAttribute("message", "De uitkomst is vastgelegd.");
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/toezicht/klachten/" + id;
    }

    @GetMapping("/console/toezicht/klachten/nieuw")
    String newComplaint(@RequestParam(name = "trace", required = false) String traceId, Model model) {
        model.addAttribute("section", "oversight");
        model.addAttribute("traceId", traceId);
        return "console/oversight/new-complaint";
    }

    @PostMapping("/console/toezicht/klachten")
    String record(@RequestParam(required = false) String traceId, @RequestParam(required = false) String reference,
                  @RequestParam(required = false) String summary, Authentication auth, RedirectAttributes redirect) {
        if (traceId == null || traceId.isBlank() || !queries.exists(traceId.strip(), tenancy.scope(auth))) {
            redirect.addFlashAttribute("problem", "Er is geen auditrecord met deze trace-id (meer).");
            if (traceId != null && traceId.length() <= LegalHolds.TRACE_ID_MAX) {
                // carried back into the form; a longer value is no trace id and would not fit a Location header
                redirect.addAttribute("trace", traceId);
            }
            return "redirect:/console/toezicht/klachten/nieuw";
        }
        long id = oversight.complaint(traceId.strip(), "objection", reference, summary,
                "operator:" + ConsoleUser.of(auth).operatorId(), "auditor", tenancy.tenant(auth).id());
        return "redirect:/console/toezicht/klachten/" + id;
    }
}
