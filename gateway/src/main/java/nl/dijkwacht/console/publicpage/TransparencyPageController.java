package nl.dijkwacht.console.publicpage;

import nl.dijkwacht.audit.transparency.TenantReports;
import nl.dijkwacht.audit.transparency.TransparencyReport;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public transparency page ({@code /transparantie}, no login) in the console's look: the same report as
 * {@code /transparantie.json}, aggregates only — models, purposes, monthly volumes, share refused or redacted.
 * {@code /transparantie} is the default tenant's page; {@code /transparantie/<tenant>} another tenant's, from that
 * tenant's policy and records only.
 */
@Controller
class TransparencyPageController {

    private final TransparencyReport report;
    private final TenantReports reports;
    private final Tenants tenants;

    TransparencyPageController(TransparencyReport report, TenantReports reports, Tenants tenants) {
        this.report = report;
        this.reports = reports;
        this.tenants = tenants;
    }

    @GetMapping("/transparantie")
    String page(Model model) {
        return render(model, report, "/transparantie");
    }

    /** Tenant ids have no dots, so {@code /transparantie/algoritmeregister.json} and the like never land here. */
    @GetMapping("/transparantie/{tenant:[a-z0-9][a-z0-9-]*}")
    String tenantPage(@PathVariable String tenant, Model model) {
        if (tenant.equals(tenants.defaultTenant().id())) {
            return render(model, report, "/transparantie");
        }
        TransparencyReport own = reports.of(tenant).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(model, own, "/transparantie/" + tenant);
    }

    private static String render(Model model, TransparencyReport report, String base) {
        model.addAttribute("section", "public");
        model.addAttribute("report", report.report());
        model.addAttribute("base", base);
        return "console/transparency";
    }
}
