package nl.dijkwacht.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation (issue 8, item 5): a caller of one tenant, walking the gateway's endpoints against the data of the
 * other tenant, gets a refusal or an empty answer in every cell — and its own tenant's data where it asks for that.
 * The tenant comes from the key or the verified token only; {@code X-Dijkwacht-Tenant} changes nothing.
 */
class TenantIsolationTest extends TwoTenants {

    private static final String TENANT_HEADER = "X-Dijkwacht-Tenant";

    private HttpResponse<String> chatAs(String key, String useCase, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Dijkwacht-Use-Case";
        all[1] = useCase;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return postJson("/v1/chat/completions", chat("dry-run", "Vat samen: de vergadering is verplaatst."), key,
                useCase == null ? headers : all);
    }

    private String tenantOfRecord(HttpResponse<String> response) {
        String trace = response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        return (String) auditRecord(trace).get("TENANT");
    }

    // ------------------------------------------------------------------ model API

    @Test
    void aToolKeyDecidesTheTenantAndItsPolicyAndTheHeaderIsIgnored() throws Exception {
        HttpResponse<String> b = chatAs(B_TOOL_KEY, null, TENANT_HEADER, A);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(tenantOfRecord(b)).isEqualTo(B);

        HttpResponse<String> a = chatAs(TestPack.OTHER_TOOL_KEY, null, TENANT_HEADER, B);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(tenantOfRecord(a)).isEqualTo(A);
    }

    @Test
    void aToolOfOneTenantCannotUseTheOtherTenantsUseCases() throws Exception {
        HttpResponse<String> bOnA = chatAs(B_TOOL_KEY, "test-beperkt");
        assertThat(bOnA.statusCode()).as(bOnA.body()).isEqualTo(403);
        assertThat(tenantOfRecord(bOnA)).isEqualTo(B);

        HttpResponse<String> aOnB = chatAs(TestPack.OTHER_TOOL_KEY, "b-algemeen", TENANT_HEADER, B);
        assertThat(aOnB.statusCode()).as(aOnB.body()).isEqualTo(403);
    }

    @Test
    void aStaffTokenOfTheOtherTenantIsRefusedWithAToolKey() throws Exception {
        HttpResponse<String> r = chatAs(B_TOOL_KEY, null, "X-Dijkwacht-User-Token", token(A, "medewerker-a"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(parse(r.body()).path("error").path("code").asText()).isEqualTo("tenant_mismatch");

        HttpResponse<String> own = chatAs(B_TOOL_KEY, null, "X-Dijkwacht-User-Token", token(B, "medewerker-b"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(tenantOfRecord(own)).isEqualTo(B);
    }

    @Test
    void aTokenOnlyToolIsLookedUpInTheTokensTenant() throws Exception {
        HttpResponse<String> b = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), toolToken(B, "medewerker-b", B_TOKEN_CLIENT));
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(tenantOfRecord(b)).isEqualTo(B);

        // the same client id in a token of tenant A: tenant A has no such tool
        HttpResponse<String> a = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), toolToken(A, "medewerker-a", B_TOKEN_CLIENT));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(401);
        // a tenant nobody configured
        HttpResponse<String> c = postJson("/v1/chat/completions", chat("dry-run", "Hallo"), toolToken("gemeente-c", "x", B_TOKEN_CLIENT));
        assertThat(c.statusCode()).as(c.body()).isEqualTo(403);
        assertThat(parse(c.body()).path("error").path("code").asText()).isEqualTo("tenant_unknown");
    }

    @Test
    void theModelListShowsOnlyTheTenantsOwnUseCaseModels() throws Exception {
        JsonNode b = parse(getJson("/v1/models", B_TOOL_KEY).body());
        assertThat(b.path("data").findValuesAsText("id")).containsExactly("dry-run");
    }

    // ------------------------------------------------------------------ admin API

    @Test
    void anAdminSeesAndActsOnlyOnTheOwnTenantsPolicy() throws Exception {
        JsonNode b = parse(getJson("/admin/policy", B_ADMIN_KEY).body());
        assertThat(b.path("tenant").asText()).isEqualTo(B);
        assertThat(b.path("use_cases").findValuesAsText("id")).containsExactly("b-algemeen");
        JsonNode a = parse(getJson("/admin/policy", TestPack.ADMIN_KEY).body());
        assertThat(a.path("tenant").asText()).isEqualTo(A);
        assertThat(a.path("use_cases").findValuesAsText("id")).doesNotContain("b-algemeen");

        // B's admin cannot suspend A's use-case: it does not exist in B's policy
        HttpResponse<String> cross = postJson("/admin/use-cases/test-beperkt/suspend", "{}", B_ADMIN_KEY, TENANT_HEADER, A);
        assertThat(cross.statusCode()).as(cross.body()).isEqualTo(404);

        // a model both tenants use: suspended by B, only B's requests are refused
        HttpResponse<String> suspend = postJson("/admin/models/dry-run/suspend", "{\"reason\":\"test\"}", B_ADMIN_KEY);
        assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);
        try {
            assertThat(chatAs(B_TOOL_KEY, null).statusCode()).isEqualTo(403);
            assertThat(chatAs(TestPack.OTHER_TOOL_KEY, null).statusCode()).isEqualTo(200);
            assertThat(jdbc.queryForList("SELECT tenant FROM policy_suspension", String.class)).containsExactly(B);
        } finally {
            assertThat(postJson("/admin/models/dry-run/resume", "{}", B_ADMIN_KEY).statusCode()).isEqualTo(200);
        }
        assertThat(chatAs(B_TOOL_KEY, null).statusCode()).isEqualTo(200);
    }

    @Test
    void explainUsesTheOperatorsTenantPolicy() throws Exception {
        HttpResponse<String> ownTool = postJson("/admin/explain", "{\"tool\":\"b-tool\",\"prompt\":\"Hallo\"}", B_ADMIN_KEY);
        assertThat(ownTool.statusCode()).as(ownTool.body()).isEqualTo(200);
        HttpResponse<String> otherTool = postJson("/admin/explain", "{\"tool\":\"test-tool\",\"prompt\":\"Hallo\"}", B_ADMIN_KEY);
        assertThat(otherTool.statusCode()).as(otherTool.body()).isEqualTo(400);
        HttpResponse<String> aOnB = postJson("/admin/explain", "{\"tool\":\"b-tool\",\"prompt\":\"Hallo\"}", TestPack.ADMIN_KEY);
        assertThat(aOnB.statusCode()).as(aOnB.body()).isEqualTo(400);
    }

    @Test
    void operatorTokensBelongToTheirTokensTenant() throws Exception {
        JsonNode b = parse(getJson("/admin/policy", token(B, "beheerder-b", "dijkwacht-admin")).body());
        assertThat(b.path("tenant").asText()).isEqualTo(B);
        HttpResponse<String> unknown = getJson("/admin/policy", token("gemeente-c", "x", "dijkwacht-admin"));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(Map.of("code", parse(unknown.body()).path("error").path("code").asText())).containsEntry("code", "tenant_unknown");
    }
}
