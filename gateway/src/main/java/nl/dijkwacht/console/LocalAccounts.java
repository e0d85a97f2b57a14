package nl.dijkwacht.console;

import java.util.List;
import nl.dijkwacht.identity.OperatorAccess;
import nl.dijkwacht.identity.OperatorAccount;
import nl.dijkwacht.identity.OperatorRole;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Local development login for the console: user name = an operator id from policies/operators.yaml, password = that
 * operator's key — the very accounts and roles the management APIs accept. Only on the embedded default (see
 * {@link ConsoleProperties#localAccounts()}); in production people sign in through the identity provider (OIDC).
 */
public final class LocalAccounts implements AuthenticationProvider {

    private final OperatorAccess operators;
    private final boolean enabled;

    public LocalAccounts(OperatorAccess operators, boolean enabled) {
        this.operators = operators;
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
        OperatorAccount account = operators.byIdAndKey(id, credentials == null ? null : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("unknown operator or wrong key"));
        ConsoleUser user = new ConsoleUser(account.id(), account.id(), account.roles());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<SimpleGrantedAuthority> authorities(ConsoleUser user) {
        return user.roles().stream().map(OperatorRole::name).sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
