package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import nl.dijkwacht.tenancy.TwoTenants;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A staff member's access token that a tool holds is no key to the admin or auditor API (redteam47). A tool known by its
 * users' tokens ({@code oidc-client-ids}) is given the token of every staff member who uses it — administrators and
 * auditors too; before redteam47 the tool (or whoever stole it or its logs) could send an administrator's token to
 * {@code /admin/…} and suspend models, or an auditor's to {@code /audit/v1/…} and read every record. And a staff token
 * without a management role sent to the audit API was refused without any record: someone probing it left no trace.
 */
class OperatorTokenOfToolTest extends TwoTenants {

    @Autowired
    Pseudonymizer pseudonymizer;

    private static String tokenOf(String user, String client, String... roles) {
        return TestIssuer.get().token(Map.of("sub", user, "tenant", A, "azp", client, "roles", List.of(roles)));
    }

    @Test
    void anAdministratorsTokenIssuedToAToolCannotSuspendAModel() throws Exception {
        String held = tokenOf("rt47-beheerder", TestPack.TOKEN_TOOL_CLIENT, "dijkwacht-admin");

        HttpResponse<String> suspend = postJson("/admin/models/dry-run/suspend", "{\"reason\":\"rt47\"}", held);

        assertRefused(suspend, "operator_token_of_tool");
        assertThat(jdbc.queryForList("SELECT tenant FROM policy_suspension", String.class)).isEmpty();
        assertRecorded(suspend, "rt47-beheerder", "operator:admin+oidc:" + TestIssuer.ID, "operator_token_of_tool");
        // the tool itself keeps working with it: the token names the staff member on the model API
        HttpResponse<String> chat = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), held);
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    }

    @Test
    void anAuditorsTokenIssuedToAnyTenantsToolCannotReadTheAudit() throws Exception {
        for (String client : List.of(TestPack.TOKEN_TOOL_CLIENT, B_TOKEN_CLIENT)) {
            HttpResponse<String> records = getJson("/audit/v1/records?size=5", tokenOf("rt47-auditor", client, "dijkwacht-auditor"));
            assertRefused(records, "operator_token_of_tool");
            assertRecorded(records, "rt47-auditor", "operator:auditor+oidc:" + TestIssuer.ID, "operator_token_of_tool");
        }
        // the same person's token from another client is an auditor's
        HttpResponse<String> own = getJson("/audit/v1/records?size=5", tokenOf("rt47-auditor", TestIssuer.AUDIENCE, "dijkwacht-auditor"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    }

    @Test
    void aStaffTokenWithoutAManagementRoleOnTheAuditApiLeavesARecord() throws Exception {
        HttpResponse<String> records = getJson("/audit/v1/records?size=5", token(A, "rt47-nieuwsgierig", "medewerker"));

        assertRefused(records, "role_required");
        assertRecorded(records, "rt47-nieuwsgierig", "operator:none+oidc:" + TestIssuer.ID, "role_required");
    }

    private static void assertRefused(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = parse(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("type").asText()).isEqualTo("permission_error");
        assertThat(error.path("message").asText()).matches(".*\\b(het|de|uw|Het|De|Uw|Dit)\\b.*").doesNotContain("Exception");
    }

    private void assertRecorded(HttpResponse<String> response, String user, String origin, String code) {
        String traceId = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> record = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", traceId), rows -> rows.size() == 1).getFirst();
        assertThat(record.get("ENDPOINT")).isEqualTo("operator");
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo("oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym(user));
        assertThat(record.get("BIO_ORIGIN")).isEqualTo(origin);
        assertThat(record.get("BIO_RESULT")).isEqualTo("refused");
        assertThat(record.get("ERROR_CODE")).isEqualTo(code);
        assertThat(record.get("TENANT")).isIn(A, null);
    }
}
