package nl.dijkwacht.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web console ({@code dijkwacht.console.*}).
 *
 * @param localAccounts {@code auto} (default): the development accounts (the operators of policies/operators.yaml,
 *                      password = their key) work only on the embedded default (H2 audit store); {@code off}: never;
 *                      {@code on}: also elsewhere (a loud warning at start-up; meant for a closed benchmark machine)
 * @param oidc          where the roles are in the identity provider's ID token when OIDC login is configured
 * @param maxSessionAge the longest a console session lasts from its sign-in, however active (default 8 hours): the
 *                      roles and tenant are read at sign-in, so a role withdrawn at the identity provider ends there
 *                      at the latest (redteam47)
 */
@ConfigurationProperties("dijkwacht.console")
public record ConsoleProperties(String localAccounts, Oidc oidc, java.time.Duration maxSessionAge) {

    static final java.time.Duration DEFAULT_MAX_SESSION_AGE = java.time.Duration.ofHours(8);

    public ConsoleProperties {
        localAccounts = localAccounts == null || localAccounts.isBlank() ? "auto" : localAccounts.strip().toLowerCase(java.util.Locale.ROOT);
        oidc = oidc == null ? new Oidc(null) : oidc;
        maxSessionAge = maxSessionAge == null ? DEFAULT_MAX_SESSION_AGE : maxSessionAge;
        if (!maxSessionAge.isPositive()) {
            throw new IllegalArgumentException("dijkwacht.console.max-session-age must be longer than zero (for example 8h)");
        }
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
