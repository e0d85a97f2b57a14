package nl.dijkwacht.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.dijkwacht.identity.CallerAuthenticator;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;
import nl.dijkwacht.tenancy.Tenants;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Local development login for the console: user name = an operator id from policies/operators.yaml, password = that
 * operator's key — the very accounts, roles and expiry dates the management APIs accept. Only on the embedded
 * default (see {@link ConsoleProperties#localAccounts()}); in production people sign in through the identity
 * provider (OIDC). The console user belongs to the tenant whose operators.yaml lists the account.
 */
public final class LocalAccounts implements AuthenticationProvider {

    private final Tenants tenants;
    private final Clock clock;
    private final boolean enabled;

    public LocalAccounts(Tenants tenants, Clock clock, boolean enabled) {
        this.tenants = tenants;
        this.clock = clock;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!enabled) {
            throw new DisabledException("local accounts are off");
        }
        String id = authentication.getName();
        Object credentials = authentication.getCredentials();
        Tenants.Match<OperatorAccount> match = find(id, credentials == null ? null : credentials.toString());
        OperatorAccount account = match.value();
        if (account.expiredOn(LocalDate.now(clock))) {
            throw new AccountExpiredException("operator key expired");
        }
        ConsoleUser user = new ConsoleUser(account.id(), account.id(), account.roles(), match.tenant().id(), clock.instant(),
                account.keySha256().toLowerCase(Locale.ROOT));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    private Tenants.Match<OperatorAccount> find(String id, String key) {
        if (id == null || key == null) {
            throw new BadCredentialsException("missing");
        }
        byte[] hash = CallerAuthenticator.sha256(key.strip()).getBytes(StandardCharsets.US_ASCII);
        List<Tenants.Match<OperatorAccount>> found = new java.util.ArrayList<>();
        tenants.all().forEach(t -> t.policy().current().operators().stream()
                .filter(o -> o.id().equals(id.strip()))
                .filter(o -> MessageDigest.isEqual(hash, o.keySha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .ifPresent(o -> found.add(new Tenants.Match<>(t, o))));
        if (found.size() != 1) {
            // unknown, or (misconfigured) the same account and key in two tenants: refused rather than guessed
            throw new BadCredentialsException("unknown operator or wrong key");
        }
        return found.getFirst();
    }

    /**
     * Whether a local account's session may go on: its tenant's operators.yaml (as now loaded) still lists the account
     * with the key it signed in with, the same roles, and not expired. An identity-provider user is not a local account.
     */
    boolean stillValid(ConsoleUser user) {
        if (user.keySha256() == null) {
            return true;
        }
        var tenant = tenants.find(user.tenant());
        return tenant.isPresent() && tenant.get().policy().current().operators().stream()
                .anyMatch(o -> o.id().equals(user.operatorId()) && o.keySha256().equalsIgnoreCase(user.keySha256())
                        && o.roles().equals(user.roles()) && !o.expiredOn(LocalDate.now(clock)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<SimpleGrantedAuthority> authorities(ConsoleUser user) {
        return user.roles().stream().map(OperatorRole::name).sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
