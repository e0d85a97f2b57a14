package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An issuer's {@code operator-clients} (redteam47): only tokens issued to those clients act on the admin and auditor
 * APIs. A key-based tool that is handed an administrator's token in {@code X-Dijkwacht-User-Token} holds a token of its
 * own client, which Dijkwacht does not know as a tool's — with the list, that token names the person on the model API
 * and nothing more.
 */
class OperatorClientsTest extends StaffTokenGatewayTestBase {

    private static final String SCRIPT = "beheer-script";

    @DynamicPropertySource
    static void operatorClients(DynamicPropertyRegistry registry) {
        registry.add("dijkwacht.identity.issuers[0].operator-clients[0]", () -> SCRIPT);
    }

    @Autowired
    Pseudonymizer pseudonymizer;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Test
    void withTheListTheHealthGroupNamesNoIssuer() throws Exception {
        assertThat(OperatorClientsNoticeTest.identityHealth(managementPort).toString()).isEqualTo("[]");
    }

    private static String adminToken(String client) {
        return TestIssuer.get().token(Map.of("sub", "rt47-admin", "azp", client, "roles", List.of("dijkwacht-admin")));
    }

    @Test
    void onlyTheListedClientsTokensAreOperatorTokens() throws Exception {
        HttpResponse<String> listed = getJson("/admin/policy", adminToken(SCRIPT));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

        HttpResponse<String> chatPortal = getJson("/admin/policy", adminToken("chat-portaal"));
        assertThat(chatPortal.statusCode()).as(chatPortal.body()).isEqualTo(403);
        assertThat(parse(chatPortal.body()).path("error").path("code").asText()).isEqualTo("operator_client_not_allowed");
        String traceId = chatPortal.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> record = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", traceId), rows -> rows.size() == 1).getFirst();
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo("oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym("rt47-admin"));
        assertThat(record.get("ERROR_CODE")).isEqualTo("operator_client_not_allowed");
    }

    @Test
    void theToolStillNamesTheAdministratorOnTheModelApi() throws Exception {
        HttpResponse<String> chat = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."),
                TestPack.OTHER_TOOL_KEY, "X-Dijkwacht-User-Token", adminToken("chat-portaal"));
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    }
}
