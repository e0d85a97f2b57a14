package nl.dijkwacht.catalog;

import java.net.URI;
import java.util.List;

/**
 * How a model is served: its upstream base URLs (several servers of the same model share the load; each has its own
 * circuit breaker), how many calls one server takes at once, its context window and output limit.
 *
 * @param baseUrls        one or more base URLs (models-config {@code base-url} or {@code base-urls}); empty for dry-run
 * @param maxConcurrent   calls one upstream takes at once ({@code max-concurrent}); beyond that the model counts as
 *                        overloaded and the request goes to the next model on its route; {@code null} = no limit
 * @param contextWindow   tokens the model takes in (prompt + answer), {@code null} = not checked
 * @param maxOutputTokens the answer length to reserve in the context window and to ask for where a provider needs
 *                        one (Anthropic), unless the request names its own
 * @param azure           deployment, api-version and authentication for {@code provider: azure-openai}; else {@code null}
 */
public record Serving(List<URI> baseUrls, Integer maxConcurrent, BreakerSettings breaker, Integer contextWindow,
                      Integer maxOutputTokens, AzureSettings azure) {

    public Serving {
        baseUrls = baseUrls == null ? List.of() : List.copyOf(baseUrls);
        breaker = breaker == null ? BreakerSettings.DEFAULT : breaker;
    }

    public static Serving of(URI baseUrl) {
        return new Serving(baseUrl == null ? List.of() : List.of(baseUrl), null, null, null, null, null);
    }
}
