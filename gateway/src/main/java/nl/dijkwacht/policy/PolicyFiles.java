package nl.dijkwacht.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The shapes of the YAML files as administrators write them (kebab-case keys). */
final class PolicyFiles {

    private PolicyFiles() {
    }

    record ToolsFile(List<ToolEntry> tools) {
    }

    record ToolEntry(
            String id,
            String description,
            @JsonProperty("key-sha256") String keySha256,
            @JsonProperty("default-use-case") String defaultUseCase,
            @JsonProperty("use-cases") List<String> useCases) {
    }

    record OperatorsFile(List<OperatorEntry> operators) {
    }

    record OperatorEntry(String id, String description, @JsonProperty("key-sha256") String keySha256, List<String> roles) {
    }

    record UseCaseFile(
            String id,
            String purpose,
            List<String> models,
            PiiSection pii,
            String disclaimer) {
    }

    record PiiSection(@JsonProperty("default") String defaultAction, Map<String, String> entities) {
    }

    record ModelFile(
            String id,
            String description,
            String provider,
            @JsonProperty("base-url") String baseUrl,
            @JsonProperty("upstream-model") String upstreamModel,
            @JsonProperty("api-key-env") String apiKeyEnv,
            Timeouts timeouts,
            Boolean embeddings) {
    }

    record Timeouts(String connect, String response, @JsonProperty("stream-idle") String streamIdle) {
    }
}
