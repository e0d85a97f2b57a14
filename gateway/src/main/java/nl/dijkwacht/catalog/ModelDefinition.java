package nl.dijkwacht.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One approved model as the catalogue declares it. Tools address it by {@link #id()}; the upstream URL and
 * credentials come only from here, never from a request.
 */
public record ModelDefinition(
        String id,
        String description,
        ProviderKind provider,
        URI baseUrl,
        String upstreamModel,
        String apiKeyEnv,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration streamIdleTimeout,
        boolean supportsEmbeddings,
        String sourceFile) {

    /** The credential from the environment variable the catalogue names; the value itself is never in a file. */
    public Optional<String> apiKey() {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getenv(apiKeyEnv)).filter(v -> !v.isBlank());
    }
}
