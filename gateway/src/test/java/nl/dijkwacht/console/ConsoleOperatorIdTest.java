package nl.dijkwacht.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.console.OidcSignIn.HttpBrowser;
import nl.dijkwacht.support.FreePort;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity47: one administrator or auditor, one actor id. The issuer's user claim is {@code oid} (as for Entra ID, whose
 * {@code sub} differs per application): the console, signed in to through the in-process {@link TestIssuer}, and the
 * auditor API, called with a token of the same person, write the same actor. Before, the console wrote
 * {@code oidc:gemeente:<pseudonym of sub>} and the API {@code oidc:test-idp:<pseudonym of oid>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConsoleOperatorIdTest {

    static final int PORT = FreePort.find();
    static final String CLIENT = "dijkwacht-console-id47";
    static final String SECRET = "console-secret-" + UUID.randomUUID();
    static final String OID = "oid-kees-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestIssuer issuer = TestIssuer.get();
        issuer.addWebClient(CLIENT, SECRET, "http://localhost:" + PORT + "/console/login/oauth2/code/gemeente");
        // the issuer's sub is the user name (kees); the user claim the gateway reads is oid
        issuer.addUser("kees", "kees-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor"), "oid", OID));
        issuer.addUser("lies", "lies-wachtwoord", Map.of("roles", List.of("dijkwacht-auditor")));
        OidcSignIn.register(registry, PORT, CLIENT, SECRET);
        issuer.register(registry);
        registry.add("dijkwacht.identity.issuers[0].claims.user", () -> "oid");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Pseudonymizer pseudonymizer;

    private static String gateway() {
        return "http://localhost:" + PORT;
    }

    private List<String> operatorActors(String origin) {
        return jdbc.queryForList("SELECT DISTINCT actor_pseudonym FROM audit_record WHERE endpoint = 'operator' AND bio_origin LIKE ?",
                String.class, origin);
    }

    @Test
    void theConsoleAndTheApiGiveOnePersonOneActorId() throws Exception {
        HttpBrowser kees = new HttpBrowser();
        HttpResponse<String> callback = kees.get(OidcSignIn.atIssuer(kees, gateway(), "kees", "kees-wachtwoord"));
        assertThat(OidcSignIn.location(callback)).doesNotContain("/console/inloggen");
        assertThat(kees.get(gateway() + "/console/audit").statusCode()).isEqualTo(200);

        String token = TestIssuer.get().token(Map.of("sub", "kees-api-" + UUID.randomUUID(), "oid", OID,
                "roles", List.of("dijkwacht-auditor")));
        HttpResponse<String> api = kees.client.send(HttpRequest.newBuilder(URI.create(gateway() + "/audit/v1/records"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);

        String expected = "oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym(OID);
        assertThat(operatorActors("%+console")).as("the console's records").containsExactly(expected);
        assertThat(operatorActors("operator:auditor+oidc:%")).as("the API's and the console's records").containsExactly(expected);
    }

    @Test
    void anIdTokenWithoutTheUserClaimSignsNobodyIn() throws Exception {
        HttpBrowser lies = new HttpBrowser();
        HttpResponse<String> callback = lies.get(OidcSignIn.atIssuer(lies, gateway(), "lies", "lies-wachtwoord"));
        String where = OidcSignIn.location(callback);
        assertThat(where).endsWith("/console/inloggen?fout=user_claim_invalid");
        assertThat(lies.get(where).body()).contains("noemt uw gebruikers-id niet");
        assertThat(lies.get(gateway() + "/console").statusCode()).isNotEqualTo(200);
    }
}
