package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.dijkwacht.identity.OperatorRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A console session lasts at most {@code dijkwacht.console.max-session-age} from its sign-in, however active it is
 * (redteam47): an identity-provider user's roles are read once, so a withdrawn role ends there at the latest. Before,
 * every request renewed the 20-minute idle timeout and nothing else bounded the session.
 */
class ConsoleSessionLimitTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-05T08:00:00Z");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anIdentityProviderSessionEndsEightHoursAfterItsSignIn() throws Exception {
        ConsoleUser auditor = new ConsoleUser("oidc:idp:p-1", "Anna", Set.of(OperatorRole.AUDITOR), "gemeente", SIGNED_IN, null);

        assertThat(served(auditor, SIGNED_IN.plus(Duration.ofHours(7)).plusSeconds(3599))).isTrue();
        MockHttpServletResponse ended = new MockHttpServletResponse();
        MockHttpSession session = new MockHttpSession();
        assertThat(served(auditor, SIGNED_IN.plus(Duration.ofHours(8)), session, ended)).isFalse();
        assertThat(ended.getRedirectedUrl()).isEqualTo("/console/inloggen?fout=session_too_old");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(ConsoleLoginFailures.MESSAGES.get("session_too_old")).startsWith("Uw sessie");
    }

    private static boolean served(ConsoleUser user, Instant now) throws Exception {
        return served(user, now, new MockHttpSession(), new MockHttpServletResponse());
    }

    private static boolean served(ConsoleUser user, Instant now, MockHttpSession session, MockHttpServletResponse response) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, LocalAccounts.authorities(user)));
        ConsoleSessionLimit limit = new ConsoleSessionLimit(ConsoleProperties.DEFAULT_MAX_SESSION_AGE,
                new LocalAccounts(null, Clock.fixed(now, ZoneOffset.UTC), false), new ConsoleLoginFailures(null, List.of()),
                Clock.fixed(now, ZoneOffset.UTC));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/audit");
        request.setSession(session);
        AtomicBoolean served = new AtomicBoolean();
        limit.doFilter(request, response, (req, res) -> served.set(true));
        return served.get();
    }
}
