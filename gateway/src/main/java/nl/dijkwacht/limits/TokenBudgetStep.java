package nl.dijkwacht.limits;

import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;

/**
 * Tokens per day and per month for every scope of the caller (limits.yaml): the last step before the model call,
 * when the model (and so its tokenizer) and the text that will leave are final. Reserves the estimate
 * ({@link TokenEstimator}: a cheap upper bound, counted exactly only near the budget's end); {@link CallerLimits#settle} settles it with the reported usage after the call.
 */
public final class TokenBudgetStep implements PolicyStep {

    private final CallerLimits limits;
    private final TokenEstimator estimator;

    public TokenBudgetStep(CallerLimits limits, TokenEstimator estimator) {
        this.limits = limits;
        this.estimator = estimator;
    }

    @Override
    public String id() {
        return "token-budget";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        long completion = limits.limitsOf(exchange.policy()).completionTokensEstimate();
        var request = exchange.request();
        var model = exchange.model();
        Outcome outcome = limits.reserveTokens(exchange,
                () -> estimator.upperBound(exchange.endpoint(), request, completion),
                () -> estimator.estimate(exchange.endpoint(), request, model, completion));
        if (exchange.tokensReserved() > 0) {
            // counted only if a stream fails after it started (ADR 0012): then the prompt is charged as read
            exchange.promptCounted(() -> estimator.prompt(exchange.endpoint(), request, exchange.model()));
        }
        return outcome;
    }
}
