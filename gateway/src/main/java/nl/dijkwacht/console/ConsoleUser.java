package nl.dijkwacht.console;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import nl.dijkwacht.identity.OperatorRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person signed in to the console: an operator id (as the audit and admin records name operators), the roles
 * the APIs know and the tenant (organisation) they administer or audit. Kept in the HTTP session.
 *
 * @param signedInAt when they signed in ({@code null}: not known): a session lasts at most
 *                   {@code dijkwacht.console.max-session-age} from then ({@link ConsoleSessionLimit})
 * @param keySha256  for a local account, the key hash operators.yaml held when they signed in (never the key), so that
 *                   a removed or replaced key ends the session; {@code null} for an identity-provider sign-in
 */
public record ConsoleUser(String operatorId, String displayName, Set<OperatorRole> roles, String tenant, Instant signedInAt,
                          String keySha256) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(OperatorRole.ADMIN);
    }

    public boolean isAuditor() {
        return roles.contains(OperatorRole.AUDITOR);
    }

    /** The person behind a Spring Security authentication (local account or OIDC login), or null. */
    /** The tenant of the signed-in console user; {@code null} (= the default tenant) when nobody is signed in. */
    public static String tenantOf(Authentication authentication) {
        ConsoleUser user = of(authentication);
        return user == null ? null : user.tenant();
    }

    public static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof ConsoleUser user) {
            return user;
        }
        if (authentication.getPrincipal() instanceof OidcOperators.ConsoleOidcUser oidcUser) {
            return oidcUser.user();
        }
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        for (GrantedAuthority a : authentication.getAuthorities()) {
            if ("ROLE_ADMIN".equals(a.getAuthority())) {
                roles.add(OperatorRole.ADMIN);
            } else if ("ROLE_AUDITOR".equals(a.getAuthority())) {
                roles.add(OperatorRole.AUDITOR);
            }
        }
        return new ConsoleUser(authentication.getName(), authentication.getName(), roles, null, null, null);
    }
}
