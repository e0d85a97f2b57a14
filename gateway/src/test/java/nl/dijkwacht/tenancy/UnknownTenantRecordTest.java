package nl.dijkwacht.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.support.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * identity48 (redteam47's leftover (e)): an administrator's or auditor's token naming a tenant this gateway does not serve
 * is refused on the admin and auditor API ({@code 403 tenant_unknown}) — and that refusal is a record, in the default
 * tenant's chain (the organisation that runs the gateway and configured the issuer), as the person's refused action.
 * Before, it left no record: there was no chain of that tenant to put it in.
 */
class UnknownTenantRecordTest extends TwoTenants {

    @Autowired
    Pseudonymizer pseudonymizer;

    private Map<String, Object> recordOf(HttpResponse<String> answer) {
        String trace = answer.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", trace), rows -> rows.size() == 1).getFirst();
    }

    @Test
    void anOperatorTokenOfAnUnknownTenantIsARefusalRecordOfTheDefaultTenant() throws Exception {
        String admin = token("gemeente-c", "id48-beheerder-c", "dijkwacht-admin");
        HttpResponse<String> policy = getJson("/admin/policy", admin);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(403);
        assertThat(parse(policy.body()).path("error").path("code").asText()).isEqualTo("tenant_unknown");

        Map<String, Object> record = recordOf(policy);
        assertThat(record.get("TENANT")).isEqualTo(A);
        assertThat(record.get("ERROR_CODE")).isEqualTo("tenant_unknown");
        assertThat(record.get("HTTP_STATUS")).isEqualTo(403);
        assertThat(record.get("ACTOR_PSEUDONYM")).isEqualTo("oidc:" + TestIssuer.ID + ":" + pseudonymizer.pseudonym("id48-beheerder-c"));
        assertThat(record.get("BIO_ORIGIN")).isEqualTo("operator:admin+oidc:" + TestIssuer.ID);
        assertThat(record.get("BIO_RESULT")).isEqualTo("refused");

        String auditor = TestIssuer.get().token(Map.of("sub", "id48-auditor-c", "tenant", "gemeente-c",
                "roles", List.of("dijkwacht-auditor")));
        HttpResponse<String> records = getJson("/audit/v1/records", auditor);
        assertThat(records.statusCode()).as(records.body()).isEqualTo(403);
        Map<String, Object> second = recordOf(records);
        assertThat(second.get("TENANT")).isEqualTo(A);
        assertThat(second.get("ERROR_CODE")).isEqualTo("tenant_unknown");
    }
}
