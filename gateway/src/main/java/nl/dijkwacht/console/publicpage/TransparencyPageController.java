package nl.dijkwacht.console.publicpage;

import nl.dijkwacht.audit.transparency.TransparencyReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public transparency page ({@code /transparantie}, no login) in the console's look: the same report as
 * {@code /transparantie.json}, aggregates only — models, purposes, monthly volumes, share refused or redacted.
 */
@Controller
class TransparencyPageController {

    private final TransparencyReport report;

    TransparencyPageController(TransparencyReport report) {
        this.report = report;
    }

    @GetMapping("/transparantie")
    String page(Model model) {
        model.addAttribute("section", "public");
        model.addAttribute("report", report.report());
        return "console/transparency";
    }
}
