package nl.dijkwacht.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * What a verified access token says about the person, after the issuer's claim mapping
 * ({@link IdentityProperties.ClaimNames}). Holds the user id: never log it.
 *
 * @param issuer         the short id of the identity provider ({@code dijkwacht.identity.issuers[].id})
 * @param userId         the stable user id claim
 * @param tenant         the issuer's fixed tenant, else the tenant claim; {@code null} when neither names one
 * @param clientId       the OIDC client the token was issued to ({@code azp}), {@code null} when absent
 * @param operatorClient whether the issuer lets that client's tokens act on the admin and auditor APIs: its
 *                       {@code operator-clients} lists the client, or it lists none
 * @param reachableTenants the tenants a token of its issuer may act for ({@link IssuerTenants}); empty: the default tenant only
 */
public record StaffToken(String issuer, String userId, String department, List<String> roles, String tenant,
                         LocalDate aiTrainingDate, String clientId, boolean operatorClient,
                         List<String> reachableTenants) {

    public StaffToken {
        roles = roles == null ? List.of() : List.copyOf(roles);
        reachableTenants = reachableTenants == null ? List.of() : List.copyOf(reachableTenants);
    }
}
