package nl.dijkwacht.policy;

import java.util.List;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Finds the use-case the request falls under: the {@code X-Dijkwacht-Use-Case} header, else the tool's default.
 * Refused (deny by default): no use-case, an unknown one, one the tool may not use, a suspended one, one whose
 * risk class is {@code prohibited}, or one limited to departments or roles when the caller's identity is not
 * established (a verified token or a trusted tool's headers) or does not match.
 */
public final class ResolveUseCaseStep implements PolicyStep {

    private static final String HEADER = "X-Dijkwacht-Use-Case";

    @Override
    public String id() {
        return "use-case";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        ToolPolicy tool = exchange.policy().tools().get(exchange.caller().toolId());
        if (tool == null) {
            return Outcome.deny(Refusal.forbidden("tool_unknown",
                    "Uw tool is niet (meer) bekend in het AI-beleid van de gemeente.", null), "use-case:tool-unknown");
        }
        String requested = exchange.headers().useCase();
        String id = requested != null && !requested.isBlank() ? requested.strip() : tool.defaultUseCase();
        if (id == null) {
            return Outcome.deny(Refusal.forbidden("use_case_required",
                    "Uw tool heeft geen standaardtoepassing. Geef in de header 'X-Dijkwacht-Use-Case' aan waarvoor u AI gebruikt.",
                    HEADER), "use-case:none");
        }
        UseCasePolicy useCase = exchange.policy().useCase(id).orElse(null);
        if (useCase == null) {
            return Outcome.deny(Refusal.forbidden("use_case_unknown",
                    "De gevraagde toepassing (header 'X-Dijkwacht-Use-Case') is niet vastgesteld in het AI-beleid van de gemeente. Kies een vastgestelde toepassing.",
                    HEADER), "use-case:unknown");
        }
        if (!tool.mayUse(id) || (!useCase.allowedTools().isEmpty() && !useCase.allowedTools().contains(tool.id()))) {
            return Outcome.deny(Refusal.forbidden("use_case_not_allowed",
                    "Uw tool mag niet gebruikt worden voor de gevraagde toepassing (header 'X-Dijkwacht-Use-Case').", HEADER),
                    "use-case:tool-not-allowed");
        }
        if (useCase.suspended()) {
            return Outcome.deny(Refusal.forbidden("use_case_suspended",
                    "De toepassing '" + id + "' is tijdelijk stopgezet door de functioneel beheerder. U kunt AI hiervoor nu niet gebruiken.",
                    HEADER), "use-case:suspended" + (useCase.suspendedBy() == null ? ":file" : ":" + useCase.suspendedBy()));
        }
        if (useCase.riskClass() == RiskClass.PROHIBITED) {
            return Outcome.deny(Refusal.forbidden("use_case_prohibited",
                    "De toepassing '" + id + "' valt onder verboden AI-praktijken (AI-verordening art. 5) en wordt daarom altijd geweigerd.",
                    HEADER), "use-case:prohibited-risk");
        }
        if (!useCase.allowedDepartments().isEmpty() || !useCase.allowedRoles().isEmpty()) {
            Caller caller = exchange.caller();
            if (!caller.identityEstablished()) {
                return Outcome.deny(Refusal.forbidden("identity_required",
                        "De toepassing '" + id + "' is alleen beschikbaar voor bepaalde afdelingen of rollen. Daarvoor moet Dijkwacht"
                                + " zeker weten wie u bent: uw tool moet uw toegangstoken meesturen in de header 'X-Dijkwacht-User-Token'.",
                        null), "use-case:identity-required");
            }
            String department = caller.department();
            if (!useCase.allowedDepartments().isEmpty()
                    && (department == null || !useCase.allowedDepartments().contains(department.strip()))) {
                return Outcome.deny(Refusal.forbidden("department_not_allowed",
                        "De toepassing '" + id + "' is alleen beschikbaar voor de afdelingen " + String.join(", ", useCase.allowedDepartments())
                                + ". Volgens uw account hoort u bij " + (department == null ? "geen afdeling" : "'" + department + "'") + ".",
                        null), "use-case:department-not-allowed");
            }
            List<String> roles = caller.roles();
            if (!useCase.allowedRoles().isEmpty() && roles.stream().noneMatch(useCase.allowedRoles()::contains)) {
                return Outcome.deny(Refusal.forbidden("role_not_allowed",
                        "De toepassing '" + id + "' is alleen beschikbaar voor de rollen " + String.join(", ", useCase.allowedRoles())
                                + ". Uw account heeft geen van die rollen.", null), "use-case:role-not-allowed");
            }
        }
        exchange.useCase(useCase);
        return Outcome.CONTINUE;
    }
}
