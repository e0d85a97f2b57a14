package nl.dijkwacht.identity;

/** How the gateway knows who the staff member behind a request is. */
public enum IdentitySource {
    /** A verified OIDC access token of the municipality's identity provider (signature, issuer, audience, expiry). */
    TOKEN,
    /** Identity headers of a tool that policies/tools.yaml marks {@code trusted-identity-headers: true}. */
    TRUSTED_TOOL,
    /** Only the tool is known (its key); any identity headers it sent were ignored. */
    TOOL_ONLY,
    /** Named by an administrator in a dry run ({@code POST /admin/explain}); never on a real request. */
    EXPLAIN,
    /**
     * The gateway's own start-up warm-up ({@link WarmUpPass}): made-up requests before readiness, answered by the
     * dry-run model, recorded nowhere and charged to no real bucket; never a real request.
     */
    WARM_UP;

    /** Whether department and roles may be relied on (use-cases with {@code allowed.departments/roles}). */
    public boolean establishesIdentity() {
        return this != TOOL_ONLY;
    }

    /** The short name used in audit records and documentation. */
    public String auditName() {
        return switch (this) {
            case TOKEN -> "oidc";
            case TRUSTED_TOOL -> "trusted-headers";
            case TOOL_ONLY -> "tool-key";
            case EXPLAIN -> "explain";
            case WARM_UP -> "warm-up";
        };
    }
}
