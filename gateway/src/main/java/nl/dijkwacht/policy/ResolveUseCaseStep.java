package nl.dijkwacht.policy;

import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;

/**
 * Finds the use-case the request falls under: the {@code X-Dijkwacht-Use-Case} header, else the tool's default.
 * A request that names no use-case, an unknown one, or one its tool may not use is refused (deny by default).
 */
public final class ResolveUseCaseStep implements PolicyStep {

    @Override
    public String id() {
        return "use-case";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        ToolPolicy tool = exchange.policy().tools().get(exchange.caller().toolId());
        String requested = exchange.headers().useCase();
        String id = requested != null && !requested.isBlank() ? requested : tool.defaultUseCase();
        if (id == null) {
            return Outcome.deny(Refusal.forbidden("use_case_required",
                    "Uw tool heeft geen standaardtoepassing. Geef in de header 'X-Dijkwacht-Use-Case' aan waarvoor u AI gebruikt.",
                    "X-Dijkwacht-Use-Case"), "use-case:none");
        }
        UseCasePolicy useCase = exchange.policy().useCase(id).orElse(null);
        if (useCase == null) {
            return Outcome.deny(Refusal.forbidden("use_case_unknown",
                    "De toepassing '" + id + "' is niet vastgesteld in het AI-beleid van de gemeente. Kies een vastgestelde toepassing.",
                    "X-Dijkwacht-Use-Case"), "use-case:unknown");
        }
        if (!tool.mayUse(id)) {
            return Outcome.deny(Refusal.forbidden("use_case_not_allowed",
                    "Uw tool mag niet gebruikt worden voor de toepassing '" + id + "'.", "X-Dijkwacht-Use-Case"),
                    "use-case:tool-not-allowed");
        }
        exchange.useCase(useCase);
        return Outcome.CONTINUE;
    }
}
