package nl.dijkwacht.console;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web console ({@code dijkwacht.console.*}).
 *
 * @param localAccounts {@code auto} (default): the development accounts (the operators of policies/operators.yaml,
 *                      password = their key) work only on the embedded default (H2 audit store); {@code off}: never;
 *                      {@code on}: also elsewhere (a loud warning at start-up; meant for a closed benchmark machine)
 * @param oidc          how roles are read from the identity provider's ID token when OIDC login is configured
 */
@ConfigurationProperties("dijkwacht.console")
public record ConsoleProperties(String localAccounts, Oidc oidc) {

    public ConsoleProperties {
        localAccounts = localAccounts == null || localAccounts.isBlank() ? "auto" : localAccounts.strip().toLowerCase(java.util.Locale.ROOT);
        oidc = oidc == null ? new Oidc(null, null, null) : oidc;
    }

    /**
     * @param rolesClaim    the claim that lists the person's roles or groups (default {@code roles})
     * @param adminValues   claim values that grant the admin role (default {@code dijkwacht-admin}, {@code admin})
     * @param auditorValues claim values that grant the auditor role (default {@code dijkwacht-auditor}, {@code auditor})
     */
    public record Oidc(String rolesClaim, List<String> adminValues, List<String> auditorValues) {
        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
            adminValues = adminValues == null || adminValues.isEmpty() ? List.of("dijkwacht-admin", "admin") : List.copyOf(adminValues);
            auditorValues = auditorValues == null || auditorValues.isEmpty() ? List.of("dijkwacht-auditor", "auditor") : List.copyOf(auditorValues);
        }
    }
}
