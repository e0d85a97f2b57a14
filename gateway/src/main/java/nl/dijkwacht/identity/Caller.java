package nl.dijkwacht.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * Who is calling, as verified by the gateway: the tool (from its key, or from the client id of a staff token) and,
 * where known, the staff member, department, roles and tenant. {@link #source()} says how the staff identity was
 * established; the tenant never comes from a header the tool chose freely.
 *
 * @param toolId         the tool, from policies/tools.yaml
 * @param userId         the staff member's stable id (a token claim, or a trusted tool's header); {@code null} when
 *                       unknown. The audit keeps only a keyed pseudonym of it; never log it
 * @param department     the staff member's department, {@code null} when unknown
 * @param roles          the staff member's roles (empty when unknown)
 * @param tenant         the organisation whose policy applies (from the tool's policy directory or the token)
 * @param aiTrainingDate when the staff member last completed AI-literacy training (token claim), {@code null} when unknown
 * @param issuer         the short id of the identity provider that issued the token ({@code dijkwacht.identity.issuers[].id}),
 *                       {@code null} without a token
 */
public record Caller(String toolId, String userId, String department, List<String> roles, String tenant,
                     LocalDate aiTrainingDate, IdentitySource source, String issuer) {

    public Caller {
        roles = roles == null ? List.of() : List.copyOf(roles);
        source = source == null ? IdentitySource.TOOL_ONLY : source;
    }

    /** A tool whose staff member is not known (its key only). */
    public static Caller toolOnly(String toolId, String tenant) {
        return new Caller(toolId, null, null, List.of(), tenant, null, IdentitySource.TOOL_ONLY, null);
    }

    /** Whether department and roles may be relied on; see {@link IdentitySource#establishesIdentity()}. */
    public boolean identityEstablished() {
        return source.establishesIdentity();
    }

    /**
     * The OpenAI {@code user} field as the staff member's id, only for a tool the policy trusts to name its users
     * and only when no id is known yet; for every other tool a declared user changes nothing.
     */
    public Caller withDeclaredUser(String user) {
        if (source != IdentitySource.TRUSTED_TOOL || userId != null || user == null || user.isBlank()) {
            return this;
        }
        return new Caller(toolId, user.strip(), department, roles, tenant, aiTrainingDate, source, issuer);
    }

    /** The gateway's own warm-up request ({@link WarmUpPass}): nothing it does may count or be recorded. */
    public boolean warmUp() {
        return source == IdentitySource.WARM_UP;
    }

    /** Where the identity came from, for the audit record's origin: {@code tool:<id>} plus how the person is known. */
    public String origin() {
        return switch (source) {
            case TOOL_ONLY -> "tool:" + toolId;
            case TOKEN -> "tool:" + toolId + "+oidc:" + issuer;
            default -> "tool:" + toolId + "+" + source.auditName();
        };
    }
}
