package nl.dijkwacht.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.console.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Legal holds for auditors: list, place (one trace, one staff member or one period) and release. */
@Controller
class HoldsController {

    private final LegalHolds holds;
    private final Pseudonymizer pseudonymizer;
    private final nl.dijkwacht.console.ConsoleTenancy tenancy;

    HoldsController(LegalHolds holds, Pseudonymizer pseudonymizer, nl.dijkwacht.console.ConsoleTenancy tenancy) {
        this.tenancy = tenancy;
        this.holds = holds;
        this.pseudonymizer = pseudonymizer;
    }

    @GetMapping("/console/audit/bewaarplicht")
    String page(Model model, org.springframework.security.core.Authentication auth) {
        model.addAttribute("section", "holds");
        model.addAttribute("holds", holds.list(tenancy.scope(auth)).reversed());
        return "console/audit/holds";
    }

    @PostMapping("/console/audit/bewaarplicht")
    String place(@RequestParam String scope, @RequestParam(required = false) String traceId,
                 @RequestParam(required = false) String user, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                 org.springframework.security.core.Authentication auth, RedirectAttributes redirect) {
        String tenant = tenancy.tenant(auth).id();
        try {
            long id = switch (scope) {
                case "trace" -> holds.place(blankToNull(traceId), null, null, null, reason, ConsoleUser.of(auth).operatorId(), tenant);
                case "user" -> holds.place(null, blankToNull(user) == null ? null : pseudonymizer.pseudonym(user.strip()),
                        null, null, reason, ConsoleUser.of(auth).operatorId(), tenant);
                case "period" -> holds.place(null, null, day(from, false), day(to, true), reason, ConsoleUser.of(auth).operatorId(), tenant);
                default -> throw new IllegalArgumentException("Kies waarvoor de bewaarplicht geldt.");
            };
            redirect.addFlashAttribute("message", "Bewaarplicht " + id + " is ingesteld.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/audit/bewaarplicht";
    }

    @PostMapping("/console/audit/bewaarplicht/{id}/opheffen")
    String release(@PathVariable long id, org.springframework.security.core.Authentication auth, RedirectAttributes redirect) {
        if (holds.release(id, ConsoleUser.of(auth).operatorId(), tenancy.scope(auth))) {
            redirect.addFlashAttribute("message", "Bewaarplicht " + id + " is opgeheven; hij blijft zichtbaar in de lijst.");
        } else {
            redirect.addFlashAttribute("problem", "Geen actieve bewaarplicht met nummer " + id + ".");
        }
        return "redirect:/console/audit/bewaarplicht";
    }

    private static Instant day(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Geef een datum als jjjj-mm-dd.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
