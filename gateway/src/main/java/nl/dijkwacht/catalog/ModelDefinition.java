package nl.dijkwacht.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One approved model as the catalogue declares it. Tools address it by {@link #id()}; the upstream URL and
 * credentials come only from here, never from a request. {@link #governance()} is its governance record
 * (status, hosting, data classes, fallbacks, …); {@link #serving()} how it is served (upstreams, limits).
 * {@link #baseUrl()} is the first of {@link Serving#baseUrls()}.
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
        String sourceFile,
        ModelGovernance governance,
        Serving serving) {

    public ModelDefinition {
        governance = governance == null ? ModelGovernance.unspecified() : governance;
        serving = serving == null ? Serving.of(baseUrl) : serving;
    }

    /** With a governance record and one base URL, default serving settings. */
    public ModelDefinition(String id, String description, ProviderKind provider, URI baseUrl, String upstreamModel,
                           String apiKeyEnv, Duration connectTimeout, Duration responseTimeout, Duration streamIdleTimeout,
                           boolean supportsEmbeddings, String sourceFile, ModelGovernance governance) {
        this(id, description, provider, baseUrl, upstreamModel, apiKeyEnv, connectTimeout, responseTimeout, streamIdleTimeout,
                supportsEmbeddings, sourceFile, governance, null);
    }

    /** Without a governance record (tests and tools that build a definition by hand): approved, on-premises, no personal data. */
    public ModelDefinition(String id, String description, ProviderKind provider, URI baseUrl, String upstreamModel,
                           String apiKeyEnv, Duration connectTimeout, Duration responseTimeout, Duration streamIdleTimeout,
                           boolean supportsEmbeddings, String sourceFile) {
        this(id, description, provider, baseUrl, upstreamModel, apiKeyEnv, connectTimeout, responseTimeout, streamIdleTimeout,
                supportsEmbeddings, sourceFile, ModelGovernance.unspecified(), null);
    }

    /** The credential from the environment variable the catalogue names; the value itself is never in a file. */
    public Optional<String> apiKey() {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(System.getenv(apiKeyEnv)).filter(v -> !v.isBlank());
    }

    public ModelDefinition withGovernance(ModelGovernance next) {
        return new ModelDefinition(id, description, provider, baseUrl, upstreamModel, apiKeyEnv, connectTimeout,
                responseTimeout, streamIdleTimeout, supportsEmbeddings, sourceFile, next, serving);
    }
}
