package nl.dijkwacht.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dijkwacht.identity.*}: the identity providers whose access tokens the gateway accepts, how
 * their claims map to a staff member, and the role names that grant management access. Worked Entra ID and Keycloak
 * examples are in docs/admin-guide.md.
 *
 * @param userTokenHeader the header in which a tool sends the staff member's access token next to its own key
 * @param issuers         the trusted identity providers; empty = no tokens accepted (tool keys only)
 * @param operatorRoles   role values (in the issuer's roles claim) that make someone an admin or auditor
 * @param signingKeys     how often the identity providers' signing keys may be fetched, and how long known keys are used
 *                        while a provider cannot be reached (identity49: were fixed at 30 s and 2 h)
 * @param unidentifiedRefusalInterval on the admin and auditor API, refusals of callers who could not be identified (the
 *                        identity provider unreachable) are recorded once per (tenant, source address, reason, action) per
 *                        interval, with a record of how many more were refused when it closes (identity49; default
 *                        {@value #DEFAULT_UNIDENTIFIED_REFUSAL_MINUTES} min, bounds 10 s – 1 h, checked at start-up)
 */
@ConfigurationProperties("dijkwacht.identity")
public record IdentityProperties(String userTokenHeader, List<Issuer> issuers, OperatorRoles operatorRoles,
                                 SigningKeys signingKeys, Duration unidentifiedRefusalInterval) {

    public static final String DEFAULT_USER_TOKEN_HEADER = "X-Dijkwacht-User-Token";
    public static final int DEFAULT_UNIDENTIFIED_REFUSAL_MINUTES = 5;

    public IdentityProperties {
        userTokenHeader = userTokenHeader == null || userTokenHeader.isBlank() ? DEFAULT_USER_TOKEN_HEADER : userTokenHeader;
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        operatorRoles = operatorRoles == null ? new OperatorRoles(null, null) : operatorRoles;
        signingKeys = signingKeys == null ? new SigningKeys(null, null) : signingKeys;
        unidentifiedRefusalInterval = unidentifiedRefusalInterval == null
                ? Duration.ofMinutes(DEFAULT_UNIDENTIFIED_REFUSAL_MINUTES) : unidentifiedRefusalInterval;
    }

    /**
     * How the gateway fetches the identity providers' signing keys and discovery documents ({@link SigningKeyFetches}).
     * Bounds are checked at start-up (config.IdentitySettingsCheck); docs/admin-guide.md says what each trades off.
     *
     * @param refetchInterval    at most one fetch per address per interval, whether it succeeds or not (default 30 s,
     *                           5 s – 10 min): shorter notices a recovered provider or a rotated key sooner, longer asks
     *                           the provider less often when tokens name unknown key ids
     * @param keepDuringOutage   how long after a successful fetch its keys are still used while the provider cannot be
     *                           reached (default 2 h, from the refetch interval up to 24 h): longer keeps staff working
     *                           through a longer outage, but also keeps accepting a key the provider withdrew meanwhile
     */
    public record SigningKeys(Duration refetchInterval, Duration keepDuringOutage) {
        public SigningKeys {
            refetchInterval = refetchInterval == null ? SigningKeyFetches.MIN_INTERVAL : refetchInterval;
            keepDuringOutage = keepDuringOutage == null ? SigningKeyFetches.STALE_LIMIT : keepDuringOutage;
        }
    }

    /**
     * One trusted identity provider.
     *
     * @param id          short name, used in audit records ({@code oidc:<id>}) and logs
     * @param issuerUri   the exact {@code iss} value of its tokens; also where discovery is read when no jwk-set-uri is given
     * @param jwkSetUri   where its signing keys are published; default: from {@code <issuer-uri>/.well-known/openid-configuration}
     * @param audiences   accepted {@code aud} values; a token must name at least one (required: a token for another
     *                    application is refused)
     * @param algorithms  accepted signature algorithms (default RS256); {@code none} and HMAC are never accepted
     * @param tenant      the tenant all its users belong to; leave empty when a claim names the tenant
     * @param clockSkew   tolerance on exp/nbf/iat (default 60s)
     * @param claims      which claims carry the user id, department, roles, tenant, training date and client id
     * @param maxTokenLifetime the longest a token may be valid: {@code exp} − {@code iat}, and {@code exp} − now
     *                    (default {@value #DEFAULT_MAX_TOKEN_LIFETIME_HOURS} h; Keycloak, Entra ID and ADFS issue access
     *                    tokens of 5 minutes to about 1.5 hours). Every token must carry {@code exp} and {@code iat}.
     * @param operatorClients the client ids ({@code azp}) whose tokens may be used on the admin and auditor APIs (an
     *                    administrator's script or management client); empty: any client that is not a tool's. A staff
     *                    member's token that a tool was given carries the tool's client id, so with this list a tool
     *                    cannot act as the administrator or auditor who uses it (redteam47)
     * @param requiredClaims claims every token of this issuer must carry with exactly this value (identity48): Google signs
     *                    a token for any Google account that signs in to the client, so {@code hd: gemeente.nl} keeps it
     *                    to the organisation's Workspace domain; Entra ID's {@code tid} likewise. Empty: none
     * @param tenants     for an issuer without a fixed {@code tenant}: the tenants its tenant claim may name (identity49).
     *                    Deny by default: a claim naming a tenant not listed is refused (403 {@code tenant_not_allowed}),
     *                    so one municipality's identity provider cannot act for another. Empty: the default tenant only.
     *                    A tenant that has its own issuer ({@code tenant}) may not be listed here; see {@link IssuerTenants}
     */
    public record Issuer(String id, String issuerUri, String jwkSetUri, List<String> audiences, List<String> algorithms,
                         String tenant, Duration clockSkew, ClaimNames claims, Duration maxTokenLifetime,
                         List<String> operatorClients, java.util.Map<String, String> requiredClaims, List<String> tenants) {

        public static final int DEFAULT_MAX_TOKEN_LIFETIME_HOURS = 24;

        public Issuer {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
            algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256") : List.copyOf(algorithms);
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            claims = claims == null ? ClaimNames.DEFAULTS : claims.withDefaults();
            maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(DEFAULT_MAX_TOKEN_LIFETIME_HOURS) : maxTokenLifetime;
            operatorClients = operatorClients == null ? List.of() : List.copyOf(operatorClients);
            requiredClaims = requiredClaims == null ? java.util.Map.of() : java.util.Map.copyOf(requiredClaims);
            tenants = tenants == null ? List.of() : tenants.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        }

        /** Whether all its tokens belong to one tenant, its own ({@code tenant} set), rather than to the tenant a claim names. */
        public boolean fixedTenant() {
            return tenant != null && !tenant.isBlank();
        }
    }

    /**
     * Claim names per issuer. A name is first looked up as it is (ADFS uses URIs with dots); when absent and it
     * contains dots, as a path into nested objects (Keycloak's {@code realm_access.roles}).
     *
     * @param user        stable user id: {@code sub} (Keycloak), {@code oid} (Entra ID), {@code upn} or {@code sub} (ADFS)
     * @param department  department name
     * @param roles       roles: a list, or one string separated by commas or spaces
     * @param tenant      tenant id, when the issuer serves several tenants
     * @param aiTraining  date of the last AI-literacy training: ISO date (2026-03-01), ISO instant, or epoch seconds
     * @param client      the tool's OIDC client id, for tools that send only the staff token ({@code azp}; Entra v1: {@code appid})
     */
    public record ClaimNames(String user, String department, String roles, String tenant, String aiTraining, String client) {

        static final ClaimNames DEFAULTS = new ClaimNames("sub", "department", "roles", "tenant", "ai_training_date", "azp");

        ClaimNames withDefaults() {
            return new ClaimNames(or(user, DEFAULTS.user), or(department, DEFAULTS.department), or(roles, DEFAULTS.roles),
                    or(tenant, DEFAULTS.tenant), or(aiTraining, DEFAULTS.aiTraining), or(client, DEFAULTS.client));
        }

        private static String or(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** Role values that grant management access; defaults {@code dijkwacht-admin} and {@code dijkwacht-auditor}. */
    public record OperatorRoles(String admin, String auditor) {
        public OperatorRoles {
            admin = admin == null || admin.isBlank() ? "dijkwacht-admin" : admin;
            auditor = auditor == null || auditor.isBlank() ? "dijkwacht-auditor" : auditor;
        }
    }
}
