package nl.dijkwacht.limits;

import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;

/**
 * Tokens per day and per month for every scope of the caller (limits.yaml): the last step before the model call,
 * when the model (and so its tokenizer) and the text that will leave are final. Reserves the estimate
 * ({@link TokenEstimator}); {@link CallerLimits#settle} settles it with the reported usage after the call.
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
        return limits.reserveTokens(exchange, () -> estimator.estimate(exchange.endpoint(), exchange.request(), exchange.model(),
                limits.limitsOf(exchange.policy()).completionTokensEstimate()));
    }
}
