package nl.dijkwacht.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session that may no longer act (redteam47). The roles and tenant are read once, at sign-in, and the
 * session's idle timeout (20 minutes) is renewed by every request: before this, a person kept working in the console
 * long after their role was withdrawn at the identity provider, and a local account's session outlived the removal or
 * replacement of its key in operators.yaml — the very answer to a key that leaked. Now a session ends
 * {@code dijkwacht.console.max-session-age} after its sign-in, and a local account's when operators.yaml (as now loaded)
 * no longer lists it with the same key, roles and a valid date. The request is not served: the session is invalidated
 * and the browser goes to the sign-in page, which says why; the end is counted like a refused sign-in.
 */
final class ConsoleSessionLimit extends OncePerRequestFilter {

    static final String TOO_OLD = "session_too_old";
    static final String ACCOUNT_CHANGED = "account_changed";

    private final Duration maxAge;
    private final LocalAccounts localAccounts;
    private final ConsoleLoginFailures failures;
    private final Clock clock;

    ConsoleSessionLimit(Duration maxAge, LocalAccounts localAccounts, ConsoleLoginFailures failures, Clock clock) {
        this.maxAge = maxAge;
        this.localAccounts = localAccounts;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        String ended = user == null ? null
                : user.signedInAt() != null && !clock.instant().isBefore(user.signedInAt().plus(maxAge)) ? TOO_OLD
                : !localAccounts.stillValid(user) ? ACCOUNT_CHANGED
                : null;
        if (ended == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        failures.sessionEnded(request, response, ended);
    }
}
