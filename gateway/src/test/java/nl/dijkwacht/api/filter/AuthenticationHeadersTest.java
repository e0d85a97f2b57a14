package nl.dijkwacht.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.identity.Credentials;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

/** The tool routes' credentials are the first value of each header, whatever the case of its name. */
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
}
