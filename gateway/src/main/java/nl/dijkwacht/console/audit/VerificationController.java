package nl.dijkwacht.console.audit;

import nl.dijkwacht.audit.query.AuditVerification;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Chain verification for auditors, through the same service as {@code GET /audit/v1/verify}. */
@Controller
class VerificationController {

    private final AuditVerification verification;

    private final nl.dijkwacht.console.ConsoleTenancy tenancy;

    VerificationController(AuditVerification verification, nl.dijkwacht.console.ConsoleTenancy tenancy) {
        this.verification = verification;
        this.tenancy = tenancy;
    }

    @GetMapping("/console/audit/verificatie")
    String page(Model model, org.springframework.security.core.Authentication auth) {
        model.addAttribute("section", "verify");
        model.addAttribute("chains", verification.chains().stream().filter(tenancy.ownChain(auth)).toList());
        // the remembered result covers every chain: shown only where every chain is the user's
        model.addAttribute("result", tenancy.seesEverything() ? verification.last().orElse(null) : null);
        model.addAttribute("fresh", false);
        return "console/audit/verify";
    }

    /** Verifies everything, or one chain against an anchor; answers the whole page or (htmx) just the result. */
    @PostMapping("/console/audit/verificatie")
    String verify(@RequestParam(name = "chain", required = false) String chain,
                  @RequestParam(name = "anchorSeq", required = false) String anchorSeq,
                  @RequestParam(name = "anchorHash", required = false) String anchorHash,
                  jakarta.servlet.http.HttpServletRequest request, Model model,
                  org.springframework.security.core.Authentication auth) {
        var ownChain = tenancy.ownChain(auth);
        model.addAttribute("section", "verify");
        model.addAttribute("chains", verification.chains().stream().filter(ownChain).toList());
        model.addAttribute("fresh", true);
        try {
            AuditVerification.Anchor anchor = AuditVerification.Anchor.parse(anchorSeq, anchorHash);
            if (chain == null || chain.isBlank()) {
                if (anchor != null) {
                    throw new IllegalArgumentException("Een anker hoort bij één keten: kies ook de keten.");
                }
                model.addAttribute("result", tenancy.seesEverything() ? verification.verifyAll() : verification.verifyAll(ownChain, tenancy.scope(auth)));
            } else {
                model.addAttribute("result", verification.verify(chain, anchor, ownChain, tenancy.scope(auth)));
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (AuditVerification.UnknownChainException e) {
            model.addAttribute("problem", "Er is geen auditketen '" + chain + "'.");
        }
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        return htmx ? "console/audit/verify :: result" : "console/audit/verify";
    }
}
