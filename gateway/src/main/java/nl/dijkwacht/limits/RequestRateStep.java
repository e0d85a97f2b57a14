package nl.dijkwacht.limits;

import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;

/**
 * Requests per minute for every scope of the caller (limits.yaml); over a limit gives 429 with Retry-After and the
 * x-ratelimit-*-requests headers. Runs after the use-case is known, so use-cases can have a rate of their own.
 */
public final class RequestRateStep implements PolicyStep {

    private final CallerLimits limits;

    public RequestRateStep(CallerLimits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return "rate-limit";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        return limits.chargeRequests(exchange);
    }
}
