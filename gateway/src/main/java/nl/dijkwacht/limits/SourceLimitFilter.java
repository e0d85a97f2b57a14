package nl.dijkwacht.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Function;
import nl.dijkwacht.api.OpenAiErrorWriter;
import nl.dijkwacht.api.filter.EarlyRefusal;
import nl.dijkwacht.api.filter.EarlyRefusalListener;
import nl.dijkwacht.api.filter.PreAuthenticationLimit;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The first gateway filter on every route ({@link PreAuthenticationLimit}, placed by {@code RouteFilters}): limits
 * callers per source address before any other work is done — no key hashed, no token verified, no body read, no
 * audit record. Over the limit it answers 429 in the OpenAI error format with Retry-After and the
 * x-ratelimit-*-requests headers. Otherwise the attempt is taken and the rest of the chain runs: authentication
 * happens inside it (the handler's answer is written later), so when the chain returns the outcome is known. A 401
 * of the authentication filter reaches this class as an {@link EarlyRefusal} on the same thread: the attempt stays
 * taken and the failure is counted under its error code; every other outcome gives the attempt back.
 */
public final class SourceLimitFilter implements PreAuthenticationLimit, EarlyRefusalListener {

    /** The attempt of the request this thread is filtering; an early refusal inside the chain marks it failed. */
    private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

    private final SourceGuard guard;
    private final ClientAddress addresses;
    private final Function<ServerRequest, String> remoteAddress;
    private final OpenAiErrorWriter errors;
    private final ObjectMapper json;

    /**
     * @param remoteAddress the connection's address as the servlet container gives it, as text: Spring's
     *                      {@code ServerRequest.remoteAddress()} parses it into an {@code InetSocketAddress} on every
     *                      request (edges51); handed in by the wiring, so that {@code limits} needs no servlet API
     */
    public SourceLimitFilter(SourceGuard guard, ClientAddress addresses,
                             Function<ServerRequest, String> remoteAddress, ObjectMapper json) {
        this.guard = guard;
        this.addresses = addresses;
        this.remoteAddress = remoteAddress;
        this.errors = new OpenAiErrorWriter(json);
        this.json = json;
    }

    private static final class Attempt {
        final String source;
        String failure;

        Attempt(String source) {
            this.source = source;
        }
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        String source = addresses.of(remoteAddress.apply(request), () -> request.headers().header("X-Forwarded-For"));
        SourceGuard.Decision decision = guard.admit(source);
        if (!decision.admitted()) {
            return refuse(decision);
        }
        Attempt attempt = new Attempt(source);
        Attempt outer = CURRENT.get();
        CURRENT.set(attempt);
        try {
            return next.handle(request);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            if (attempt.failure == null) {
                guard.giveBack(source);
            } else {
                guard.failed(source, attempt.failure);
            }
        }
    }

    @Override
    public void refused(EarlyRefusal refusal) {
        int status = refusal.refusal().status();
        // 401: a key or token not accepted; 414/431: a request head over the size limit, refused by the container before
        // anything could authenticate it (a token too large for the limit among them)
        if (status != 401 && status != 414 && status != 431) {
            return;
        }
        Attempt attempt = CURRENT.get();
        if (attempt != null) {
            attempt.failure = refusal.refusal().code();
        } else {
            // refused on a route this filter is not on: still counted, by the client address the refusal was resolved to
            guard.failed(refusal.source() == null ? ClientAddress.UNKNOWN : refusal.source(), refusal.refusal().code());
        }
    }

    private ServerResponse refuse(SourceGuard.Decision decision) throws JsonProcessingException {
        long seconds = Math.max(1, decision.retryAfter().toSeconds() + (decision.retryAfter().toNanosPart() > 0 ? 1 : 0));
        Refusal refusal = Refusal.rateLimited("unauthenticated_rate_limit_exceeded",
                "Te veel verzoeken zonder geldige sleutel vanaf uw adres (limiet " + decision.limit()
                        + " per minuut). Controleer de API-sleutel of het token van uw tool en probeer het over "
                        + (seconds == 1 ? "1 seconde" : seconds + " seconden") + " opnieuw.")
                .withRetryAfter(seconds);
        return ServerResponse.status(refusal.status())
                .header("Retry-After", Long.toString(seconds))
                .header("x-ratelimit-limit-requests", Long.toString(decision.limit()))
                .header("x-ratelimit-remaining-requests", "0")
                .header("x-ratelimit-reset-requests", RateLimitHeaders.duration(decision.reset()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(errors.body(refusal)));
    }
}
