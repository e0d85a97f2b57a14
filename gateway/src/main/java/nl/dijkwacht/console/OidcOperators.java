package nl.dijkwacht.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import nl.dijkwacht.identity.IdentityProperties;
import nl.dijkwacht.identity.IssuerTenants;
import nl.dijkwacht.identity.OidcActor;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.identity.TenantClaim;
import nl.dijkwacht.identity.TokenLifetime;
import nl.dijkwacht.identity.TokenRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OIDC login (authorisation-code flow) for the console: the ID token's roles claim decides the operator role with the
 * same role names the management APIs accept ({@code dijkwacht.identity.operator-roles}: {@code dijkwacht-admin},
 * {@code dijkwacht-auditor}); both roles at once is refused (separation of duties), as is neither. The operator id is the
 * APIs' ({@link OidcActor}): {@code oidc:<issuer id>:<pseudonym of the issuer's user claim>} for an issuer listed in
 * {@code dijkwacht.identity.issuers}, else {@code oidc:<registration>:<pseudonym of sub>} — never a name or e-mail address.
 * The tenant claim is read typed ({@link TenantClaim}: one text, else the sign-in is refused, auth28), and the ID token may
 * be valid no longer than the issuer's {@code max-token-lifetime} (leftover45). A refusal goes to
 * {@link ConsoleLoginFailures} (counted, Dutch reason on the sign-in page).
 */
final class OidcOperators implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcOperators.class);

    private final OidcUserService delegate = new OidcUserService();
    private final IdentityProperties.OperatorRoles roleNames;
    private final String rolesClaim;
    private final UnaryOperator<String> pseudonym;
    private final List<IdentityProperties.Issuer> issuers;
    private final nl.dijkwacht.tenancy.Tenants tenants;
    private final Clock clock = Clock.systemUTC();
    private static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    OidcOperators(IdentityProperties.OperatorRoles roleNames, String rolesClaim, UnaryOperator<String> pseudonym,
                  List<IdentityProperties.Issuer> issuers, nl.dijkwacht.tenancy.Tenants tenants) {
        this.roleNames = roleNames;
        this.rolesClaim = rolesClaim;
        this.pseudonym = pseudonym;
        this.issuers = issuers;
        this.tenants = tenants;
    }

    /** The OIDC user with the console's view of them attached. */
    static final class ConsoleOidcUser extends DefaultOidcUser {
        private final ConsoleUser user;

        ConsoleOidcUser(OidcUser oidc, ConsoleUser user) {
            super(LocalAccounts.authorities(user), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        ConsoleUser user() {
            return user;
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        IdentityProperties.Issuer issuer = issuerOf(request);
        checkLifetime(request, issuer);
        OidcUser oidc = delegate.loadUser(request);
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        List<String> values = values(oidc.getClaims().get(rolesClaim));
        if (values.contains(roleNames.admin())) {
            roles.add(OperatorRole.ADMIN);
        }
        if (values.contains(roleNames.auditor())) {
            roles.add(OperatorRole.AUDITOR);
        }
        if (roles.size() > 1) {
            throw new OAuth2AuthenticationException(new OAuth2Error("role_conflict",
                    "Uw account heeft zowel de beheer- als de auditorrol; functiescheiding staat dat niet toe.", null));
        }
        if (roles.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("role_required",
                    "Uw account heeft geen beheer- of auditorrol voor Dijkwacht.", null));
        }
        String id = actorId(request, issuer, oidc);
        String display = oidc.getFullName() != null ? oidc.getFullName()
                : oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : id;
        String tenant = tenantOf(request, oidc);
        if (tenants.find(tenant).isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("tenant_unknown",
                    "Uw account hoort bij een organisatie die deze Dijkwacht niet bedient.", null));
        }
        if (!IssuerTenants.allows(issuerOf(request), tenant, tenants.defaultTenant().id())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("tenant_not_allowed",
                    ConsoleLoginFailures.MESSAGES.get("tenant_not_allowed"), null));
        }
        return new ConsoleOidcUser(oidc, new ConsoleUser(id, display, roles, tenant, clock.instant(), null));
    }

    /**
     * The ID token may be valid no longer than the issuer's {@code max-token-lifetime} allows, the rule the APIs apply to
     * their tokens ({@link TokenLifetime}, with the issuer's clock skew; an issuer not in {@code dijkwacht.identity.issuers}
     * gets the defaults, 24 h and 60 s). Spring's own ID-token validation checks only that it has not expired (leftover45).
     */
    private void checkLifetime(OidcUserRequest request, IdentityProperties.Issuer issuer) {
        Duration max = issuer == null ? Duration.ofHours(IdentityProperties.Issuer.DEFAULT_MAX_TOKEN_LIFETIME_HOURS) : issuer.maxTokenLifetime();
        Duration skew = issuer == null ? DEFAULT_SKEW : issuer.clockSkew();
        var idToken = request.getIdToken();
        if (idToken.getIssuedAt() == null || idToken.getExpiresAt() == null
                || !TokenLifetime.within(idToken.getIssuedAt(), idToken.getExpiresAt(), clock.instant(), max, skew)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("token_lifetime_too_long",
                    ConsoleLoginFailures.MESSAGES.get("token_lifetime_too_long"), null));
        }
    }

    /**
     * The id the APIs give this person (identity47). Before, the console used {@code oidc:<registration>:<pseudonym of
     * sub>}; that id is logged next to the new one at each sign-in, so an auditor can join records written before.
     */
    private String actorId(OidcUserRequest request, IdentityProperties.Issuer issuer, OidcUser oidc) {
        String before = OidcActor.id(request.getClientRegistration().getRegistrationId(), oidc.getSubject(), pseudonym);
        if (issuer == null) {
            return before;
        }
        String user;
        try {
            user = OidcActor.userId(issuer, oidc.getClaims());
        } catch (TokenRejectedException e) {
            user = null;
        }
        if (user == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("user_claim_invalid",
                    ConsoleLoginFailures.MESSAGES.get("user_claim_invalid"), null));
        }
        String id = OidcActor.id(issuer.id(), user, pseudonym);
        if (!id.equals(before)) {
            log.info("console operator {} signed in (the console named them {} before identity47)", id, before);
        }
        return id;
    }

    /** The {@code dijkwacht.identity.issuers} entry of the registration's issuer, or null. */
    private IdentityProperties.Issuer issuerOf(OidcUserRequest request) {
        String issuerUri = request.getClientRegistration().getProviderDetails().getIssuerUri();
        for (IdentityProperties.Issuer issuer : issuers) {
            if (issuer.issuerUri() != null && issuer.issuerUri().equals(issuerUri)) {
                return issuer;
            }
        }
        return null;
    }

    /**
     * The operator's tenant, decided as for the APIs: the fixed tenant of the matching {@code dijkwacht.identity.issuers}
     * entry, else its tenant claim ({@code tenant} by default), else the default tenant. {@link #loadUser} then accepts only
     * a tenant that issuer may act for ({@link IssuerTenants}, identity49: before, any tenant the claim named; a sign-in
     * provider not listed in {@code dijkwacht.identity.issuers} reaches the default tenant only).
     */
    private String tenantOf(OidcUserRequest request, OidcUser oidc) {
        IdentityProperties.Issuer issuer = issuerOf(request);
        String tenant;
        if (issuer != null && issuer.fixedTenant()) {
            tenant = issuer.tenant().strip();
        } else {
            try {
                tenant = TenantClaim.read(oidc.getClaims().get(issuer == null ? "tenant" : issuer.claims().tenant()));
            } catch (TokenRejectedException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("tenant_claim_invalid",
                        ConsoleLoginFailures.MESSAGES.get("tenant_claim_invalid"), null));
            }
        }
        return tenant == null ? tenants.defaultTenant().id() : tenant;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            values.addAll(List.of(s.split("[\\s,]+")));
        }
        return values;
    }
}
