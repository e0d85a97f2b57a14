package nl.dijkwacht.identity;

import java.util.List;

/**
 * Which tenants a token of an identity provider may act for (identity49). Before, an issuer that takes the tenant from
 * a claim could name any tenant — also one with an identity provider of its own — so one municipality's identity provider
 * could act for another by writing its name in the claim.
 * <ul>
 *   <li>An issuer with a fixed {@code tenant}: only that tenant; what its claim says does not count.</li>
 *   <li>An issuer that takes the tenant from a claim: only the tenants its {@code tenants} list names (deny by default);
 *       a token without the claim belongs to the default tenant, so that too must be listed.</li>
 *   <li>An issuer with neither: the default tenant only (a one-organisation gateway, as before).</li>
 * </ul>
 * The names are compared exactly, after the claim's surrounding white space is removed ({@link TenantClaim}): tenant ids
 * are lower case, so {@code Gemeente-B} is not {@code gemeente-b} and is refused rather than guessed at. That a tenant
 * with its own issuer is listed by no other issuer is checked at start-up ({@code config.IssuerTenantsCheck}).
 */
public final class IssuerTenants {

    private IssuerTenants() {
    }

    /** The tenants a token of {@code issuer} may act for; empty: the default tenant only. */
    static List<String> reachable(IdentityProperties.Issuer issuer) {
        return issuer.fixedTenant() ? List.of(issuer.tenant().strip()) : issuer.tenants();
    }

    /**
     * @param reachable     {@link #reachable} of the token's issuer
     * @param tenant        the tenant the token names (its issuer's fixed tenant or its claim), {@code null} when none
     * @param defaultTenant the gateway's default tenant, which a token naming none belongs to
     */
    public static boolean allows(List<String> reachable, String tenant, String defaultTenant) {
        String named = tenant == null ? defaultTenant : tenant;
        return reachable.isEmpty() ? named.equals(defaultTenant) : reachable.contains(named);
    }

    /** The same for an issuer of the console's sign-in; {@code null}: a sign-in provider not in {@code dijkwacht.identity.issuers}. */
    public static boolean allows(IdentityProperties.Issuer issuer, String tenant, String defaultTenant) {
        return allows(issuer == null ? List.of() : reachable(issuer), tenant, defaultTenant);
    }
}
