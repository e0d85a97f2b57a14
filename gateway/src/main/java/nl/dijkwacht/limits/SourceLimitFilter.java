package nl.dijkwacht.limits;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The first gateway filter on every route that takes a key or token: limits callers per source address before any
 * other work is done (no body read, no policy, no audit record). Over the limit it answers 429 in the OpenAI error
 * format, with Retry-After and the x-ratelimit-*-requests headers, and counts the refusal per source and minute. An
 * admitted request carries its {@link SourceAdmission} to the authentication, which reports how it went.
 */
public final class SourceLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final SourceGuard guard;
    private final ClientAddress addresses;
    private final OpenAiErrorWriter errors;

    public SourceLimitFilter(SourceGuard guard, ClientAddress addresses, OpenAiErrorWriter errors) {
        this.guard = guard;
        this.addresses = addresses;
        this.errors = errors;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        HttpServletRequest servlet = request.servletRequest();
        SourceGuard.Decision decision = guard.admit(addresses.of(servlet));
        if (!decision.admitted()) {
            return refuse(decision);
        }
        SourceAdmission admission = decision.admission();
        admission.attachTo(servlet);
        ServerResponse response;
        try {
            response = next.handle(request);
        } catch (Exception | Error e) {
            admission.settleByStatus(500);
            throw e;
        }
        return new Settling(response, admission);
    }

    private ServerResponse refuse(SourceGuard.Decision decision) {
        long seconds = Math.max(1, decision.retryAfter().toSeconds() + (decision.retryAfter().toNanosPart() > 0 ? 1 : 0));
        Refusal refusal = Refusal.rateLimited("unauthenticated_rate_limit_exceeded",
                "Te veel verzoeken zonder geldige sleutel vanaf uw adres (limiet " + decision.limit()
                        + " per minuut). Controleer de API-sleutel of het token van uw tool en probeer het over "
                        + (seconds == 1 ? "1 seconde" : seconds + " seconden") + " opnieuw.")
                .withRetryAfter(seconds);
        return ServerResponse.ok().build((req, res) -> {
            res.setHeader("x-ratelimit-limit-requests", Long.toString(decision.limit()));
            res.setHeader("x-ratelimit-remaining-requests", "0");
            res.setHeader("x-ratelimit-reset-requests", RateLimitHeaders.duration(decision.reset()));
            errors.write(res, refusal);
            return null;
        });
    }

    /** The handler's answer, settling the admission by its status once written (when authentication did not report). */
    private record Settling(ServerResponse delegate, SourceAdmission admission) implements ServerResponse {

        @Override
        public HttpStatusCode statusCode() {
            return delegate.statusCode();
        }

        @Override
        public HttpHeaders headers() {
            return delegate.headers();
        }

        @Override
        public MultiValueMap<String, jakarta.servlet.http.Cookie> cookies() {
            return delegate.cookies();
        }

        @Override
        public ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
                throws ServletException, IOException {
            try {
                return delegate.writeTo(request, response, context);
            } finally {
                admission.settleByStatus(response.getStatus());
            }
        }
    }
}
