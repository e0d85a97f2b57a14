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

    @org.springframework.beans.factory.annotation.Autowired
    nl.dijkwacht.limits.BudgetGauge budgetGauge;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.beans.factory.annotation.Autowired
    nl.dijkwacht.telemetry.ChainWatch chainWatch;

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

    @Test
    void aToolReportsReviewsAndFeedbackOnItsOwnTenantsAnswersOnly() throws Exception {
        HttpResponse<String> b = chatAs(B_TOOL_KEY, null);
        String trace = b.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        String review = "{\"trace_id\":\"" + trace + "\",\"outcome\":\"accepted\"}";
        String feedback = "{\"trace_id\":\"" + trace + "\",\"description\":\"klopt niet\"}";

        // tenant A's tool: the answer is not its own (404, as for an unknown trace id)
        HttpResponse<String> crossReview = postJson("/v1/dijkwacht/reviews", review, TestPack.TOOL_KEY);
        assertThat(crossReview.statusCode()).as(crossReview.body()).isEqualTo(404);
        HttpResponse<String> crossFeedback = postJson("/v1/dijkwacht/feedback", feedback, TestPack.TOOL_KEY);
        assertThat(crossFeedback.statusCode()).as(crossFeedback.body()).isEqualTo(404);

        // B's own tool, known from B's tools.yaml (not the default tenant's)
        HttpResponse<String> ownReview = postJson("/v1/dijkwacht/reviews", review, B_TOOL_KEY);
        assertThat(ownReview.statusCode()).as(ownReview.body()).isEqualTo(201);
        HttpResponse<String> ownFeedback = postJson("/v1/dijkwacht/feedback", feedback, B_TOOL_KEY);
        assertThat(ownFeedback.statusCode()).as(ownFeedback.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_review WHERE trace_id = ?", Integer.class, trace)).isEqualTo(1);
    }

    @Test
    void theBudgetGaugeReadsEachTenantsOwnLimits() throws Exception {
        assertThat(chatAs(B_TOOL_KEY, null).statusCode()).isEqualTo(200);
        budgetGauge.refresh();
        // B's limits.yaml sets a tenant month budget; A (built-in limits) has none, so A has no row
        double used = meters.get("dijkwacht.budget.used.ratio").tags("tenant", B, "budget", "tokens-per-month").gauge().value();
        assertThat(used).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(meters.find("dijkwacht.budget.used.ratio").tags("tenant", A).gauges()).isEmpty();
    }

    // ------------------------------------------------------------------ audit chain per tenant

    @Test
    void eachTenantWritesItsOwnChainAndVerifiesOnlyThat() throws Exception {
        String b = trace(chatAs(B_TOOL_KEY, null));
        String a = trace(chatAs(TestPack.OTHER_TOOL_KEY, null));
        String chainA = (String) auditRecord(a).get("CHAIN_ID");
        String chainB = (String) auditRecord(b).get("CHAIN_ID");
        assertThat(chainA).doesNotContain("@");
        assertThat(chainB).isEqualTo(chainA + "@" + B);
        // an operator action is a record in its operator's tenant's chain
        assertThat(getJson("/admin/policy", B_ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT DISTINCT chain_id FROM audit_record WHERE actor_pseudonym = 'b-beheerder'", String.class))
                .containsExactly(chainB);
        assertThat(jdbc.queryForList("SELECT DISTINCT chain_id FROM audit_record WHERE tenant = ?", String.class, B))
                .containsExactly(chainB);

        JsonNode verifyB = parse(getJson("/audit/v1/verify", B_AUDITOR_KEY).body());
        assertThat(verifyB.path("ok").asBoolean()).as(verifyB.toString()).isTrue();
        assertThat(verifyB.path("chains").findValuesAsText("chain_id")).containsExactly(chainB);
        JsonNode verifyA = parse(getJson("/audit/v1/verify", TestPack.AUDITOR_KEY).body());
        assertThat(verifyA.path("ok").asBoolean()).as(verifyA.toString()).isTrue();
        assertThat(verifyA.path("chains").findValuesAsText("chain_id")).contains(chainA).doesNotContain(chainB);

        // the row MACs of reviews, complaints and outcomes: only B's are checked (and counted) for B's auditor
        assertThat(postJson("/audit/v1/complaints", "{\"trace_id\":\"" + a + "\",\"summary\":\"van A\"}", TestPack.AUDITOR_KEY).statusCode())
                .isEqualTo(201);
        long bRows = jdbc.queryForObject("SELECT COUNT(*) FROM audit_complaint WHERE tenant = ?", Long.class, B)
                + jdbc.queryForObject("SELECT COUNT(*) FROM audit_complaint_outcome WHERE complaint_id IN "
                + "(SELECT id FROM audit_complaint WHERE tenant = ?)", Long.class, B)
                + jdbc.queryForObject("SELECT COUNT(*) FROM audit_review v WHERE EXISTS "
                + "(SELECT 1 FROM audit_record r WHERE r.trace_id = v.trace_id AND r.tenant = ?)", Long.class, B);
        JsonNode rowsB = parse(getJson("/audit/v1/verify", B_AUDITOR_KEY).body()).path("reviews_and_complaints");
        assertThat(rowsB.path("ok").asBoolean()).isTrue();
        assertThat(rowsB.path("rows_checked").asLong()).isEqualTo(bRows);

        // the chain watch of this replica checks every tenant's chain
        chainWatch.check();
        assertThat(meters.get("dijkwacht.audit.chain.valid").tags("chain", chainB).gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("dijkwacht.audit.chain.valid").tags("chain", chainA).gauge().value()).isEqualTo(1.0);

        // the other tenant's chain does not exist for an auditor (404, not 403)
        assertThat(getJson("/audit/v1/verify?chain=" + chainA, B_AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/audit/v1/verify?chain=" + chainB, TestPack.AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/audit/v1/chain/head?chain=" + chainA, B_AUDITOR_KEY).statusCode()).isEqualTo(404);
        JsonNode headB = parse(getJson("/audit/v1/chain/head", B_AUDITOR_KEY).body());
        assertThat(headB.path("chain_id").asText()).isEqualTo(chainB);
    }

    // ------------------------------------------------------------------ auditor API

    @Test
    void anAuditorSeesOnlyTheOwnTenantsRecords() throws Exception {
        String b = trace(chatAs(B_TOOL_KEY, null));
        String a = trace(chatAs(TestPack.OTHER_TOOL_KEY, null));

        // B's auditor: A's trace is unknown, in the record view, the search, the exports and the hash check
        assertThat(getJson("/audit/v1/records/" + a, B_AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/audit/v1/records/" + b, B_AUDITOR_KEY).statusCode()).isEqualTo(200);
        assertThat(parse(getJson("/audit/v1/records?trace_id=" + a, B_AUDITOR_KEY).body()).path("data").size()).isZero();
        JsonNode own = parse(getJson("/audit/v1/records?size=500", B_AUDITOR_KEY).body()).path("data");
        assertThat(own.size()).isPositive();
        assertThat(own.findValuesAsText("tenant")).containsOnly(B);
        // (B's own action records may name A's trace id as what was asked for: that is B's record, not A's)
        assertThat(csvTraces(getJson("/audit/v1/export.csv", B_AUDITOR_KEY).body())).contains(b).doesNotContain(a);
        String jsonExport = getJson("/audit/v1/export.json", B_AUDITOR_KEY).body();
        assertThat(jsonExport).contains("\"trace_id\":\"" + b + "\"").doesNotContain("\"trace_id\":\"" + a + "\"");
        JsonNode tools = parse(getJson("/audit/v1/aggregates?by=tool", B_AUDITOR_KEY).body()).path("data");
        assertThat(tools.findValuesAsText("tool")).containsOnly("b-tool");
        HttpResponse<String> hash = postJson("/audit/v1/hash-check", "{\"trace_id\":\"" + a + "\",\"text\":\"x\"}", B_AUDITOR_KEY);
        assertThat(hash.statusCode()).as(hash.body()).isEqualTo(404);

        // failed sign-ins (counted before any tenant is known) are the default tenant's: B's auditor gets an empty answer
        assertThat(getJson("/v1/models", "geraden-sleutel").statusCode()).isEqualTo(401);
        JsonNode failures = parse(getJson("/audit/v1/auth-failures", B_AUDITOR_KEY).body());
        assertThat(failures.path("sources").size()).isZero();
        assertThat(failures.path("minutes").size()).isZero();

        // A's (the default tenant's) auditor: B's trace is unknown
        assertThat(getJson("/audit/v1/records/" + b, TestPack.AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(getJson("/audit/v1/records/" + a, TestPack.AUDITOR_KEY).statusCode()).isEqualTo(200);
        assertThat(csvTraces(getJson("/audit/v1/export.csv", TestPack.AUDITOR_KEY).body())).contains(a).doesNotContain(b);
        // operator actions of B's operators are B's records
        JsonNode actions = parse(getJson("/audit/v1/records?endpoint=operator&size=500", TestPack.AUDITOR_KEY).body()).path("data");
        assertThat(actions.findValuesAsText("actor")).doesNotContain("b-auditor", "b-beheerder");
    }

    @Test
    void complaintsHoldsAndRetentionRunsBelongToTheirTenant() throws Exception {
        String b = trace(chatAs(B_TOOL_KEY, null));
        String a = trace(chatAs(TestPack.OTHER_TOOL_KEY, null));

        // a complaint on the other tenant's trace: that trace does not exist for this auditor
        HttpResponse<String> cross = postJson("/audit/v1/complaints", "{\"trace_id\":\"" + a + "\",\"summary\":\"x\"}", B_AUDITOR_KEY);
        assertThat(cross.statusCode()).as(cross.body()).isEqualTo(404);
        HttpResponse<String> own = postJson("/audit/v1/complaints", "{\"trace_id\":\"" + b + "\",\"summary\":\"bezwaar\"}", B_AUDITOR_KEY);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long complaint = parse(own.body()).path("id").asLong();
        assertThat(parse(getJson("/audit/v1/complaints", B_AUDITOR_KEY).body()).path("data").findValuesAsText("trace_id")).contains(b).doesNotContain(a);
        assertThat(parse(getJson("/audit/v1/complaints", TestPack.AUDITOR_KEY).body()).path("data").findValuesAsText("trace_id")).doesNotContain(b);
        HttpResponse<String> crossOutcome = postJson("/audit/v1/complaints/" + complaint + "/outcome", "{\"status\":\"rejected\"}", TestPack.AUDITOR_KEY);
        assertThat(crossOutcome.statusCode()).as(crossOutcome.body()).isEqualTo(404);

        // legal holds: listed and released by their own tenant only
        HttpResponse<String> hold = postJson("/audit/v1/holds", "{\"trace_id\":\"" + b + "\",\"reason\":\"bezwaarzaak\"}", B_AUDITOR_KEY);
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        long holdId = parse(hold.body()).path("id").asLong();
        assertThat(parse(getJson("/audit/v1/holds", TestPack.AUDITOR_KEY).body()).path("data").findValuesAsText("id")).doesNotContain(String.valueOf(holdId));
        assertThat(parse(getJson("/audit/v1/holds", B_AUDITOR_KEY).body()).path("data").findValues("id").stream().map(JsonNode::asLong))
                .contains(holdId);
        assertThat(delete("/audit/v1/holds/" + holdId, TestPack.AUDITOR_KEY).statusCode()).isEqualTo(404);
        assertThat(delete("/audit/v1/holds/" + holdId, B_AUDITOR_KEY).statusCode()).isEqualTo(200);

        // a retention run is store-wide (its counts too): B's auditor may not start one, A's (the default tenant's)
        // may, and B's auditor does not see it
        HttpResponse<String> refused = postJson("/audit/v1/retention/run", "{}", B_AUDITOR_KEY);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(parse(refused.body()).path("error").path("code").asText()).isEqualTo("retention_store_wide");
        HttpResponse<String> run = postJson("/audit/v1/retention/run", "{}", TestPack.AUDITOR_KEY);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        long runId = parse(run.body()).path("id").asLong();
        assertThat(parse(getJson("/audit/v1/retention/runs", TestPack.AUDITOR_KEY).body()).path("data").findValues("id").stream().map(JsonNode::asLong))
                .contains(runId);
        assertThat(parse(getJson("/audit/v1/retention/runs", B_AUDITOR_KEY).body()).path("data").findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(runId);

        // oversight statistics: only the tenant's own use-cases
        assertThat(parse(getJson("/audit/v1/oversight", B_AUDITOR_KEY).body()).path("data").findValuesAsText("use_case")).containsOnly("b-algemeen");
        assertThat(parse(getJson("/audit/v1/oversight", TestPack.AUDITOR_KEY).body()).path("data").findValuesAsText("use_case")).doesNotContain("b-algemeen");
    }

    private HttpResponse<String> delete(String path, String key) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(url(path)).DELETE().header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ public pages

    @Test
    void eachTenantHasItsOwnTransparencyPageAndAlgoritmeregister() throws Exception {
        trace(chatAs(B_TOOL_KEY, null));
        long bRequests = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE tenant = ? AND endpoint NOT IN ('models', 'operator')",
                Long.class, B);
        JsonNode b = parse(getJson("/transparantie/" + B + ".json", null).body());
        assertThat(b.path("organisation").asText()).isEqualTo(B);
        assertThat(b.path("purposes").findValuesAsText("use_case")).containsExactly("b-algemeen");
        // (the public report is cached for a minute: another test class in this context may have had it made earlier)
        assertThat(b.path("totals").path("requests").asLong()).isBetween(1L, bRequests);
        JsonNode a = parse(getJson("/transparantie.json", null).body());
        assertThat(a.path("purposes").findValuesAsText("use_case")).isNotEmpty().doesNotContain("b-algemeen");

        assertThat(parse(getJson("/transparantie/" + B + "/algoritmeregister.json", null).body()).path("data").size()).isEqualTo(1);
        assertThat(getJson("/transparantie/" + B + "/algoritmeregister/b-algemeen.json", null).statusCode()).isEqualTo(200);
        assertThat(getJson("/transparantie/" + B + "/algoritmeregister/test-beperkt.json", null).statusCode()).isEqualTo(404);
        assertThat(getJson("/transparantie/algoritmeregister/b-algemeen.json", null).statusCode()).isEqualTo(404);
        assertThat(getJson("/transparantie/algoritmeregister/test-beperkt.json", null).statusCode()).isEqualTo(200);
        assertThat(getJson("/transparantie/gemeente-c.json", null).statusCode()).isEqualTo(404);

        HttpResponse<String> page = getJson("/transparantie/" + B, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tests van de tweede gemeente").contains("/transparantie/" + B + ".json");
        assertThat(getJson("/transparantie", null).body()).doesNotContain("Tests van de tweede gemeente");
        assertThat(getJson("/transparantie/gemeente-c", null).statusCode()).isEqualTo(404);
    }

    /** The trace ids (first column) of a CSV export. */
    private static java.util.List<String> csvTraces(String csv) {
        return csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    private static String trace(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
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
