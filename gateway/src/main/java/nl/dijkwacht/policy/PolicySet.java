package nl.dijkwacht.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.identity.OperatorAccount;

/**
 * One consistent snapshot of everything that decides a request: tools, use-cases, the model catalogue and the
 * governance settings, with the admin API's suspensions already applied. A request takes the snapshot once at
 * its start, so a reload never shows it half a policy. {@link #limits()} is {@code null} when there is no limits.yaml. {@link #version()} is a content hash of all files it was
 * read from (plus, after a '+', a hash of the suspensions made through the admin API, when there are any).
 */
public record PolicySet(
        String version,
        Map<String, ToolPolicy> tools,
        Map<String, UseCasePolicy> useCases,
        ModelCatalog catalog,
        List<OperatorAccount> operators,
        GovernanceSettings governance,
        LimitsPolicy limits) {

    public PolicySet {
        tools = Map.copyOf(tools);
        useCases = Map.copyOf(useCases);
        operators = List.copyOf(operators);
        governance = governance == null ? GovernanceSettings.defaults() : governance;
    }

    public PolicySet(String version, Map<String, ToolPolicy> tools, Map<String, UseCasePolicy> useCases,
                     ModelCatalog catalog, List<OperatorAccount> operators) {
        this(version, tools, useCases, catalog, operators, GovernanceSettings.defaults());
    }

    /** Without limits.yaml: the gateway's built-in limits apply (see {@link LimitsPolicy#builtIn}). */
    public PolicySet(String version, Map<String, ToolPolicy> tools, Map<String, UseCasePolicy> useCases,
                     ModelCatalog catalog, List<OperatorAccount> operators, GovernanceSettings governance) {
        this(version, tools, useCases, catalog, operators, governance, null);
    }

    public Optional<ToolPolicy> toolByKeyHash(String sha256) {
        for (ToolPolicy tool : tools.values()) {
            if (tool.keySha256() != null && tool.keySha256().equalsIgnoreCase(sha256)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    /** The tool whose users' tokens are issued to this OIDC client id ({@code oidc-client-ids} in tools.yaml). */
    public Optional<ToolPolicy> toolByClientId(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return tools.values().stream().filter(t -> t.oidcClientIds().contains(clientId)).findFirst();
    }

    public Optional<UseCasePolicy> useCase(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(useCases.get(id));
    }
}
