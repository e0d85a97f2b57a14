package nl.dijkwacht.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web console ({@code dijkwacht.console.*}).
 *
 * @param localAccounts {@code auto} (default): the development accounts (the operators of policies/operators.yaml,
 *                      password = their key) work only on the embedded default (H2 audit store); {@code off}: never;
 *                      {@code on}: also elsewhere (a loud warning at start-up; meant for a closed benchmark machine)
 * @param oidc          where the roles are in the identity provider's ID token when OIDC login is configured
 */
@ConfigurationProperties("dijkwacht.console")
public record ConsoleProperties(String localAccounts, Oidc oidc) {

    public ConsoleProperties {
        localAccounts = localAccounts == null || localAccounts.isBlank() ? "auto" : localAccounts.strip().toLowerCase(java.util.Locale.ROOT);
        oidc = oidc == null ? new Oidc(null) : oidc;
    }

    /**
     * @param rolesClaim the ID-token claim that lists the person's roles (default {@code roles}); the role values are
     *                   the APIs' ({@code dijkwacht.identity.operator-roles.admin|auditor})
     */
    public record Oidc(String rolesClaim) {
        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        }
    }
}
