package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.limits.AuthFailureStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A failed console sign-in is counted per source under a reason from a fixed list: the {@code error} of an identity
 * provider's callback is whatever the browser sends, so a caller who started its own sign-in could otherwise choose a
 * new reason per attempt — a counter in memory and a row in {@code auth_failure_minute} each (review44).
 */
class ConsoleLoginFailuresTest {

    @Test
    void aReasonTheCallbackMadeUpIsCountedAsOther() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:console-failures-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V40__auth_failure_minute.sql")));
        try (AuthFailureCounter counter = new AuthFailureCounter(new AuthFailureStore(jdbc, "replica-a"), Clock.systemUTC(), 1_000,
                Duration.ofDays(90), Duration.ZERO)) {
            ConsoleLoginFailures failures = new ConsoleLoginFailures(counter, List.of());
            for (int i = 0; i < 200; i++) {
                fail(failures, new OAuth2AuthenticationException(new OAuth2Error("gekozen-" + i)));
            }
            fail(failures, new OAuth2AuthenticationException(new OAuth2Error("tenant_claim_invalid")));
            fail(failures, new OAuth2AuthenticationException(new OAuth2Error("access_denied")));
            fail(failures, new BadCredentialsException("x"));
            MockHttpServletResponse answer = fail(failures, new OAuth2AuthenticationException(new OAuth2Error("role_conflict")));
            assertThat(answer.getRedirectedUrl()).isEqualTo("/console/inloggen?fout=role_conflict");
            counter.flush(true);

            assertThat(jdbc.queryForList("SELECT reason FROM auth_failure_minute ORDER BY reason", String.class))
                    .containsExactly("console_access_denied", "console_bad_credentials", "console_other", "console_role_conflict",
                            "console_tenant_claim_invalid");
            assertThat(jdbc.queryForObject("SELECT SUM(attempts) FROM auth_failure_minute WHERE reason = 'console_other'", Long.class))
                    .isEqualTo(200);
        }
    }

    private static MockHttpServletResponse fail(ConsoleLoginFailures failures, org.springframework.security.core.AuthenticationException e)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/idp");
        request.setRemoteAddr("192.0.2.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        failures.onAuthenticationFailure(request, response, e);
        return response;
    }
}
