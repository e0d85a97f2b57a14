package nl.dijkwacht.pipeline;

import java.util.List;

/**
 * Runs the request-side policy steps in order. The first {@link Outcome.Deny} stops the chain; any exception
 * in a step refuses the request (fail closed) instead of letting it through.
 */
public final class RequestPipeline {

    private final List<PolicyStep> steps;

    public RequestPipeline(List<PolicyStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<PolicyStep> steps() {
        return steps;
    }

    /** @return the refusal that stopped the request, or {@code null} when every step let it pass */
    public Refusal run(Exchange exchange) {
        for (PolicyStep step : steps) {
            Outcome outcome;
            try {
                outcome = step.apply(exchange);
            } catch (RuntimeException e) {
                Refusal refusal = Refusal.internal("policy_step_failed",
                        "Dijkwacht kon het beleid niet toepassen (stap '" + step.id()
                                + "'). Het verzoek is uit voorzorg niet doorgestuurd. Probeer het later opnieuw of meld trace-id "
                                + exchange.traceId() + " bij de servicedesk.");
                exchange.fail(refusal, step.id() + ":exception:" + e.getClass().getSimpleName());
                return refusal;
            }
            switch (outcome) {
                case Outcome.Continue c -> { }
                case Outcome.Rewrite r -> exchange.markRewritten(r.effect(), r.rule());
                case Outcome.Deny d -> {
                    exchange.refuse(d.refusal(), d.rule());
                    return d.refusal();
                }
            }
        }
        return null;
    }
}
