package nl.dijkwacht.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * A model-API address outside {@code /v1} ({@code /chat/completions}, {@code /v2/responses}, {@code /openai/v1/…},
 * Azure's {@code /openai/deployments/{d}/chat/completions}): a tool whose base URL lacks {@code /v1} or has another
 * provider's path (answer47; a generic 404 without a record before). The answer names the base URL the tool should have
 * (the gateway's address with {@code /v1}, no host named: answer48). A known tool's call is recorded like a call to an address under {@code /v1} that
 * Dijkwacht does not offer — but a misconfigured tool repeats the same call on every use, so the record is aggregated:
 * the first call per tool, method and address shape in a minute is recorded, the others of that minute answer with the
 * trace id of that record. A caller without an accepted key gets the same answer and no record (as under {@code /v1}),
 * so a scanner cannot fill the audit store; other unknown addresses stay the generic 404.
 */
final class MisplacedBaseUrl {

    /** The OpenAI operations Dijkwacht offers, as the end of an address. */
    private static final List<String> OPERATIONS = List.of("/chat/completions", "/completions", "/responses", "/embeddings",
            "/models");

    /** Trace id of the recorded call, per tool, method and address shape, for a minute. */
    private final Cache<String, String> recorded = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000).build();

    /** Whether {@code path} (not under {@code /v1}) ends in an OpenAI operation Dijkwacht offers under {@code /v1}. */
    static boolean matches(String path) {
        if (NotOfferedRoutes.modelApi(path)) {
            return false;
        }
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        for (String operation : OPERATIONS) {
            if (p.endsWith(operation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 404: what was called, the base URL to set instead — without a host: the request's {@code Host} header is the
     * caller's to write (review47: it was echoed into the message), and the gateway has no configured public address.
     */
    static Refusal refusal(ServerRequest request) {
        return Refusal.notFound("wrong_base_url", "Dit adres biedt Dijkwacht niet aan: de OpenAI-adressen van Dijkwacht"
                + " beginnen met /v1/. Controleer de basis-URL (base URL) in de instellingen van uw tool: die moet het adres"
                + " van Dijkwacht met /v1 erachter zijn (dan gaat een chatverzoek naar POST <basis-URL>/chat/completions).", null);
    }

    /** The trace id of the record of this call or of the same call of this tool in the last minute ({@code record} once). */
    String traceId(Caller caller, ServerRequest request, Supplier<String> record) {
        String key = caller.tenant() + " " + caller.toolId() + " " + request.method().name() + " " + AddressShape.of(request.path());
        return recorded.get(key, k -> record.get());
    }
}
