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
import nl.dijkwacht.policy.ActivePolicy;
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
 * provider (OIDC).
 */
public final class LocalAccounts implements AuthenticationProvider {

    private final ActivePolicy policy;
    private final Clock clock;
    private final String tenant;
    private final boolean enabled;

    public LocalAccounts(ActivePolicy policy, Clock clock, String tenant, boolean enabled) {
        this.policy = policy;
        this.clock = clock;
        this.tenant = tenant;
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
        OperatorAccount account = find(id, credentials == null ? null : credentials.toString());
        if (account.expiredOn(LocalDate.now(clock))) {
            throw new AccountExpiredException("operator key expired");
        }
        ConsoleUser user = new ConsoleUser(account.id(), account.id(), account.roles(), tenant);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    private OperatorAccount find(String id, String key) {
        if (id == null || key == null) {
            throw new BadCredentialsException("missing");
        }
        byte[] hash = CallerAuthenticator.sha256(key.strip()).getBytes(StandardCharsets.US_ASCII);
        return policy.current().operators().stream()
                .filter(o -> o.id().equals(id.strip()))
                .filter(o -> MessageDigest.isEqual(hash, o.keySha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .orElseThrow(() -> new BadCredentialsException("unknown operator or wrong key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<SimpleGrantedAuthority> authorities(ConsoleUser user) {
        return user.roles().stream().map(OperatorRole::name).sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
