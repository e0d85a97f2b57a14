package nl.dijkwacht.api.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.dijkwacht.config.HeaderCharacters;
import nl.dijkwacht.identity.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The tool routes' credentials are the first value of each header, whatever the case of its name (a credential header
 * sent more than once never gets this far: the route filter refuses it, 401 credentials_ambiguous — auth27).
 */
class AuthenticationHeadersTest {

    private final Authentication authentication = new Authentication(null, "X-User-Token", null);

    @Test
    void theFiveHeadersAreReadByNameWhateverTheirCase() {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/v1/chat/completions");
        servlet.addHeader("authorization", "Bearer key-1");
        servlet.addHeader("x-user-token", "Bearer token-1");
        servlet.addHeader("X-DIJKWACHT-USER", "medewerker-1");
        servlet.addHeader("X-Dijkwacht-User", "medewerker-2");
        servlet.addHeader("x-dijkwacht-department", "Burgerzaken");
        servlet.addHeader("X-Dijkwacht-Roles", "behandelaar,teamleider");

        Credentials credentials = authentication.toolCredentials(ServerRequest.create(servlet, List.of()));

        assertThat(credentials).isEqualTo(new Credentials("key-1", "token-1", "medewerker-1", "Burgerzaken",
                "behandelaar,teamleider"));
    }

    @Test
    void missingHeadersAreNull() {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/v1/chat/completions");
        servlet.addHeader("Authorization", "Basic abc");

        Credentials credentials = authentication.toolCredentials(ServerRequest.create(servlet, List.of()));

        assertThat(credentials).isEqualTo(new Credentials(null, null, null, null, null));
    }

    /** Each header as Spring's {@code firstHeader} gives it: sent twice, in two cases, empty, blank. */
    @Test
    void theValuesSpringsFirstHeaderGave() {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", "/v1/chat/completions");
        servlet.addHeader("authorization", "Bearer key-1");
        servlet.addHeader("AUTHORIZATION", "Bearer key-2");
        servlet.addHeader("X-User-Token", "");
        servlet.addHeader("X-User-Token", "Bearer token-2");
        servlet.addHeader("x-dijkwacht-user", " ");
        servlet.addHeader("X-Dijkwacht-Roles", "");
        ServerRequest request = ServerRequest.create(servlet, List.of());

        ServerRequest.Headers headers = request.headers();
        assertThat(authentication.toolCredentials(request)).isEqualTo(new Credentials(
                Credentials.bearerOf(headers.firstHeader("Authorization")), headers.firstHeader("X-User-Token"),
                headers.firstHeader(Credentials.USER), headers.firstHeader(Credentials.DEPARTMENT),
                headers.firstHeader(Credentials.ROLES)));
        assertThat(authentication.toolCredentials(request)).isEqualTo(new Credentials("key-1", null, " ", null, ""));
    }

    /**
     * Behind the gateway's firewall (as SecurityConfiguration sets it up) every value of a credential header is checked:
     * a refused character refuses the request whether it stands in the value read or in one sent after it.
     */
    @Test
    void theFirewallChecksEveryValueOfACredentialHeader() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::name);
        firewall.setAllowedHeaderValues(HeaderCharacters::value);

        MockHttpServletRequest secondRefused = new MockHttpServletRequest("POST", "/v1/chat/completions");
        secondRefused.addHeader(Credentials.USER, "medewerker-1");
        secondRefused.addHeader(Credentials.USER, "medewerker-\u0085");
        ServerRequest second = ServerRequest.create(firewall.getFirewalledRequest(secondRefused), List.of());
        assertThatThrownBy(() -> authentication.toolCredentials(second)).isInstanceOf(RequestRejectedException.class);

        MockHttpServletRequest firstRefused = new MockHttpServletRequest("POST", "/v1/chat/completions");
        firstRefused.addHeader(Credentials.USER, "medewerker-\u0085");
        firstRefused.addHeader(Credentials.USER, "medewerker-1");
        ServerRequest first = ServerRequest.create(firewall.getFirewalledRequest(firstRefused), List.of());
        assertThatThrownBy(() -> authentication.toolCredentials(first)).isInstanceOf(RequestRejectedException.class);
    }
}
