package nl.dijkwacht.console;

import java.io.Serial;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import nl.dijkwacht.identity.OperatorRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in to the console: an operator id (as the audit and admin records name operators), the roles
 * the APIs know and the tenant (organisation) they administer or audit. Kept in the HTTP session.
 */
public record ConsoleUser(String operatorId, String displayName, Set<OperatorRole> roles, String tenant) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

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
    public static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof ConsoleUser user) {
            return user;
        }
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        for (GrantedAuthority a : authentication.getAuthorities()) {
            if ("ROLE_ADMIN".equals(a.getAuthority())) {
                roles.add(OperatorRole.ADMIN);
            } else if ("ROLE_AUDITOR".equals(a.getAuthority())) {
                roles.add(OperatorRole.AUDITOR);
            }
        }
        if (authentication.getPrincipal() instanceof OidcUser oidc) {
            String name = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
            String display = oidc.getFullName() != null ? oidc.getFullName() : name;
            Object tenant = oidc.getClaims().get("tenant");
            return new ConsoleUser("oidc:" + name, display, roles, tenant == null ? null : tenant.toString());
        }
        return new ConsoleUser(authentication.getName(), authentication.getName(), roles, null);
    }
}
