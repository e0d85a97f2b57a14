package nl.dijkwacht.identity;

import java.util.Set;

/**
 * An authenticated administrator or auditor: by an operator key from policies/operators.yaml, or by an OIDC token
 * carrying the configured role claim ({@code dijkwacht-admin}, {@code dijkwacht-auditor}).
 *
 * @param id        what the audit trail records as the actor: the key's id ({@code dev-beheerder}) for keys; for tokens
 *                  {@code oidc:<issuer>:<pseudonym>} (never the person's name or e-mail)
 * @param roles     the operator's roles
 * @param tenant    the organisation the operator administers or audits
 * @param viaToken  signed in with an OIDC token rather than an operator key
 */
public record Operator(String id, Set<OperatorRole> roles, String tenant, boolean viaToken) {

    public Operator {
        roles = Set.copyOf(roles);
    }

    /** The actor id of a refusal on the admin or auditor API before anyone could be identified (identity provider down). */
    public static final String UNIDENTIFIED = "unauthenticated";

    /** Nobody identified, in the records of {@code tenant} (the default tenant: the organisation that runs the gateway). */
    public static Operator unidentified(String tenant) {
        return new Operator(UNIDENTIFIED, Set.of(), tenant, false);
    }

    public boolean has(OperatorRole role) {
        return roles.contains(role);
    }
}
