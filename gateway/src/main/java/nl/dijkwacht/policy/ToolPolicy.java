package nl.dijkwacht.policy;

import java.util.List;

/** A tool (chat front end, add-in, script) that may call the gateway, identified by the SHA-256 of its API key. */
public record ToolPolicy(String id, String description, String keySha256, String defaultUseCase, List<String> useCases) {

    public ToolPolicy {
        useCases = useCases == null ? List.of() : List.copyOf(useCases);
    }

    public boolean mayUse(String useCaseId) {
        return useCases.contains(useCaseId) || useCaseId.equals(defaultUseCase);
    }
}
