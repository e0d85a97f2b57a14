package nl.dijkwacht.console.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.file.Files;
import nl.dijkwacht.audit.query.AuditFilter;
import nl.dijkwacht.console.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** CSV/JSON export of a search, with a progress page (htmx polls it) and a one-time download. */
@Controller
class ExportController {

    private final ExportJobs jobs;
    private final nl.dijkwacht.console.ConsoleTenancy tenancy;

    ExportController(ExportJobs jobs, nl.dijkwacht.console.ConsoleTenancy tenancy) {
        this.jobs = jobs;
        this.tenancy = tenancy;
    }

    /** Who owns an export: operator ids are unique only within a tenant. */
    private String owner(Authentication auth) {
        return tenancy.tenant(auth).id() + ':' + ConsoleUser.of(auth).operatorId();
    }

    @PostMapping("/console/audit/export")
    String start(@RequestParam(name = "zoekopdracht", required = false) String searchId, @RequestParam("formaat") String format,
                 HttpSession session, Authentication auth) {
        SavedSearches.Saved saved = SavedSearches.find(session, searchId);
        AuditFilter filter = (saved == null ? AuditFilter.none() : saved.filter()).within(tenancy.scope(auth));
        ExportJobs.Job job = jobs.start(filter, format, owner(auth));
        return "redirect:/console/audit/export/" + job.getId();
    }

    @GetMapping("/console/audit/export/{id}")
    String progress(@PathVariable String id, Authentication auth, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        var job = jobs.find(id, owner(auth));
        model.addAttribute("section", "audit");
        if (job.isEmpty()) {
            response.setStatus(404);
            return "console/audit/export-gone";
        }
        model.addAttribute("job", job.get());
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        return htmx ? "console/audit/export :: progress" : "console/audit/export";
    }

    @GetMapping("/console/audit/export/{id}/bestand")
    void download(@PathVariable String id, Authentication auth, HttpServletResponse response) throws IOException {
        var found = jobs.find(id, owner(auth));
        if (found.isEmpty() || found.get().getState() != ExportJobs.State.DONE) {
            response.sendError(404);
            return;
        }
        ExportJobs.Job job = found.get();
        response.setContentType(job.getFormat().equals("csv") ? "text/csv;charset=UTF-8" : "application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + job.getFileName() + "\"");
        response.setContentLengthLong(Files.size(jobs.file(job)));
        Files.copy(jobs.file(job), response.getOutputStream());
        response.flushBuffer();
        jobs.delivered(job);
    }
}
