package nl.dijkwacht.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import nl.dijkwacht.audit.AuditDb;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two tenants on the production store: the machine's PostgreSQL (partitioned audit table, in a schema of its
 * own). Each tenant's records go to its own chain and its auditors see only those — the tenant conditions
 * ({@code tenant = ?}, and for the default tenant {@code tenant IS NULL OR tenant NOT IN (…)}) on PostgreSQL.
 */
class TenantsOnPostgresTest extends TwoTenants {

    static final String SCHEMA = "dw_tenants_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void requirePostgres() {
        AuditDb.postgres().close(); // skips loudly (or fails on CI) when PostgreSQL is absent
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> AuditDb.PG_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> AuditDb.PG_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(AuditDb.PG_URL, AuditDb.PG_USER, "");
             var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (java.sql.SQLException e) {
            // PostgreSQL absent: nothing was created
        }
    }

    private static String trace(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    @Test
    void eachTenantsAuditorSeesAndVerifiesOnlyItsOwnChainOnPostgres() throws Exception {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        String b = trace(postJson("/v1/chat/completions", chat("dry-run", "Hallo van B"), B_TOOL_KEY));
        String a = trace(postJson("/v1/chat/completions", chat("dry-run", "Hallo van A"), TestPack.OTHER_TOOL_KEY));
        String chainA = jdbc.queryForObject("SELECT chain_id FROM audit_record WHERE trace_id = ?", String.class, a);
        assertThat(jdbc.queryForObject("SELECT chain_id FROM audit_record WHERE trace_id = ?", String.class, b))
                .isEqualTo(chainA + "@" + B);

        JsonNode bRecords = parse(getJson("/audit/v1/records?size=500", B_AUDITOR_KEY).body()).path("data");
        assertThat(bRecords.findValuesAsText("trace_id")).contains(b).doesNotContain(a);
        assertThat(bRecords.findValuesAsText("tenant")).containsOnly(B);
        JsonNode aRecords = parse(getJson("/audit/v1/records?size=500", TestPack.AUDITOR_KEY).body()).path("data");
        assertThat(aRecords.findValuesAsText("trace_id")).contains(a).doesNotContain(b);
        assertThat(getJson("/audit/v1/records/" + a, B_AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/audit/v1/records/" + b, TestPack.AUDITOR_KEY).statusCode()).isEqualTo(404);

        JsonNode verifyB = parse(getJson("/audit/v1/verify", B_AUDITOR_KEY).body());
        assertThat(verifyB.path("ok").asBoolean()).as(verifyB.toString()).isTrue();
        assertThat(verifyB.path("chains").findValuesAsText("chain_id")).containsExactly(chainA + "@" + B);
        JsonNode verifyA = parse(getJson("/audit/v1/verify", TestPack.AUDITOR_KEY).body());
        assertThat(verifyA.path("ok").asBoolean()).as(verifyA.toString()).isTrue();
        assertThat(verifyA.path("chains").findValuesAsText("chain_id")).containsExactly(chainA);

        HttpResponse<String> complaint = postJson("/audit/v1/complaints", "{\"trace_id\":\"" + b + "\",\"summary\":\"bezwaar\"}", B_AUDITOR_KEY);
        assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(201);
        assertThat(parse(getJson("/audit/v1/complaints", TestPack.AUDITOR_KEY).body()).path("data").findValuesAsText("trace_id"))
                .doesNotContain(b);
        assertThat(parse(getJson("/transparantie/" + B + ".json", null).body()).path("purposes").findValuesAsText("use_case"))
                .containsExactly("b-algemeen");
    }
}
