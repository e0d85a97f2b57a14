package nl.dijkwacht.console.audit;

import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.audit.query.AuditQueries;
import nl.dijkwacht.audit.query.PageCursor;
import nl.dijkwacht.audit.query.TraceQueries;
import nl.dijkwacht.audit.query.TraceView;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.policy.PolicySet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for auditors: search with the auditor API's filters (posted, kept in the session), keyset pages
 * of 50 newest first, and the trace page with the whole decision path. Reads only through the audit query services.
 */
@Controller
class AuditLogController {

    static final int PAGE_SIZE = 50;
    static final List<String> DECISIONS = List.of("allowed", "redacted", "rerouted", "refused", "failed");

    private final AuditQueries queries;
    private final TraceQueries traces;
    private final Pseudonymizer pseudonymizer;

    private final nl.dijkwacht.console.ConsoleTenancy tenancy;

    AuditLogController(AuditQueries queries, TraceQueries traces, Pseudonymizer pseudonymizer,
                       nl.dijkwacht.console.ConsoleTenancy tenancy) {
        this.tenancy = tenancy;
        this.queries = queries;
        this.traces = traces;
        this.pseudonymizer = pseudonymizer;
    }

    @ModelAttribute
    void choices(Model model, org.springframework.security.core.Authentication auth) {
        PolicySet set = tenancy.policy(auth).current();
        model.addAttribute("section", "audit");
        model.addAttribute("useCases", new TreeSet<>(set.useCases().keySet()));
        model.addAttribute("models", set.catalog().all().stream().map(m -> m.id()).sorted().toList());
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("entityTypes", Arrays.stream(EntityType.values()).map(Enum::name).sorted().toList());
    }

    @GetMapping("/console/audit")
    String log(@RequestParam(name = "zoekopdracht", required = false) String searchId,
               @RequestParam(name = "na", required = false) String after,
               HttpSession session, Model model, org.springframework.security.core.Authentication auth) {
        SavedSearches.Saved saved = SavedSearches.find(session, searchId);
        AuditFilter filter = (saved == null ? AuditFilter.none() : saved.filter()).within(tenancy.scope(auth));
        PageCursor cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = PageCursor.parse(after);
            } catch (IllegalArgumentException e) {
                model.addAttribute("problem", "Deze pagina bestaat niet (meer); u ziet de eerste pagina.");
            }
        }
        AuditQueries.Slice slice = queries.searchAfter(filter, cursor, PAGE_SIZE);
        model.addAttribute("form", saved == null ? SearchForm.empty() : saved.form());
        model.addAttribute("searchId", saved == null ? null : searchId);
        model.addAttribute("expired", searchId != null && saved == null);
        model.addAttribute("slice", slice);
        model.addAttribute("firstPage", cursor == null);
        return "console/audit/log";
    }

    @PostMapping("/console/audit/zoeken")
    String search(@ModelAttribute SearchForm form, HttpSession session, Model model) {
        AuditFilter filter;
        try {
            filter = form.toFilter(pseudonymizer);
        } catch (IllegalArgumentException e) {
            model.addAttribute("form", form);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("slice", new AuditQueries.Slice(List.of(), PAGE_SIZE, null));
            model.addAttribute("firstPage", true);
            return "console/audit/log";
        }
        if (filter.traceId() != null && filter.equals(AuditFilter.none().withTrace(filter.traceId()))) {
            return "redirect:/console/audit/trace/" + encode(filter.traceId());
        }
        // the form is kept for showing it again, with the staff id left out: only its pseudonym is kept
        SearchForm kept = new SearchForm(form.from(), form.to(), form.useCase(), form.model(), form.decision(), form.rule(),
                form.entityType(), form.department(), null, filter.actor(), form.traceId());
        return "redirect:/console/audit?zoekopdracht=" + SavedSearches.save(session, filter, kept);
    }

    @GetMapping("/console/audit/trace/{traceId}")
    String trace(@PathVariable String traceId, Model model, jakarta.servlet.http.HttpServletResponse response,
                 org.springframework.security.core.Authentication auth) {
        // another tenant's trace is answered as unknown, like the auditor API's 404
        Optional<TraceView> view = traces.trace(traceId, tenancy.scope(auth));
        if (view.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("traceId", traceId);
            return "console/audit/trace-not-found";
        }
        model.addAttribute("view", view.get());
        model.addAttribute("record", view.get().records().getFirst());
        model.addAttribute("steps", DecisionPath.of(view.get().records().getFirst().record()));
        return "console/audit/trace";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
