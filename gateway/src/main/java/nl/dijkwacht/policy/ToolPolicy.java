package nl.dijkwacht.policy;

import java.util.List;

/**
 * A tool (chat front end, add-in, script) that may call the gateway, identified by the SHA-256 of its API key or,
 * for a tool that sends only its users' access tokens, by the OIDC client id those tokens were issued to.
 *
 * @param keySha256              SHA-256 of the tool's key; {@code null} for a token-only tool
 * @param trustedIdentityHeaders the tool may name the staff member, department and roles in headers
 *                               ({@code X-Dijkwacht-User/-Department/-Roles}); for all other tools those headers are ignored
 * @param oidcClientIds          client ids ({@code azp}) of staff tokens that identify this tool without a key
 */
public record ToolPolicy(String id, String description, String keySha256, String defaultUseCase, List<String> useCases,
                         boolean trustedIdentityHeaders, List<String> oidcClientIds) {

    public ToolPolicy {
        useCases = useCases == null ? List.of() : List.copyOf(useCases);
        oidcClientIds = oidcClientIds == null ? List.of() : List.copyOf(oidcClientIds);
    }

    /** An untrusted tool known by its key only. */
    public ToolPolicy(String id, String description, String keySha256, String defaultUseCase, List<String> useCases) {
        this(id, description, keySha256, defaultUseCase, useCases, false, List.of());
    }

    public boolean mayUse(String useCaseId) {
        return useCases.contains(useCaseId) || useCaseId.equals(defaultUseCase);
    }
}
