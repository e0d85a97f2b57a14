package nl.dijkwacht.identity;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The actor id of an administrator or auditor known by an identity provider: {@code oidc:<issuer id>:<pseudonym of the
 * issuer's user claim>}, the same whether they call the admin or auditor API with a token or sign in to the console
 * (identity47: the console took {@code sub} under its registration's name, so on Entra ID — whose {@code sub} differs
 * per application — one person had two ids).
 */
public final class OidcActor {

    private OidcActor() {
    }

    public static String id(String issuerId, String userId, UnaryOperator<String> pseudonym) {
        return "oidc:" + issuerId + ":" + pseudonym.apply(userId);
    }

    /**
     * The issuer's user claim ({@code claims.user}, default {@code sub}) as one text, as the APIs read it.
     *
     * @return null when the claims do not hold it
     * @throws TokenRejectedException when it is not one value
     */
    public static String userId(IdentityProperties.Issuer issuer, Map<String, Object> claims) {
        return StaffClaims.single(StaffClaims.claim(claims, issuer.claims().user()), StaffClaims.MAX_USER);
    }
}
