package nl.dijkwacht.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity49: during an outage of the identity provider (its keys answer 503 from the start), a console or script that
 * keeps asking the admin API is refused every time — and since identity48 every refusal wrote an audit record, one per
 * request for as long as the outage lasts. Now the first refusal per (tenant, source, reason) and interval is recorded at
 * once and the rest as one count when the interval closes; the chain still verifies. edges50: the same on the model API
 * (a tool retrying in a loop), and the source is the client behind the trusted proxy, not the proxy.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutageRefusalRecordsTest extends GatewayTestBase {

    static final WireMockServer keys = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String UNAVAILABLE = "identity_provider_unavailable";
    private static final String OUTAGE_RECORDS = "SELECT * FROM audit_record WHERE error_code = '" + UNAVAILABLE
            + "' AND bio_origin = 'unauthenticated' AND bio_action = 'policy.status' ORDER BY occurred_at, seq";
    private static final String MODEL_API_RECORDS = "SELECT * FROM audit_record WHERE error_code = '" + UNAVAILABLE
            + "' AND endpoint = 'chat.completions' ORDER BY occurred_at, seq";
    private static final String UPSTREAMS_RECORDS = "SELECT * FROM audit_record WHERE error_code = '" + UNAVAILABLE
            + "' AND bio_action = 'upstreams.status' ORDER BY occurred_at, seq";

    @DynamicPropertySource
    static void downIssuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().register(registry);
        if (!keys.isRunning()) {
            keys.start();
        }
        keys.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        registry.add("dijkwacht.identity.issuers[0].jwk-set-uri", () -> keys.baseUrl() + "/oauth2/jwks");
        registry.add("dijkwacht.identity.unidentified-refusal-interval", () -> "10s");
        registry.add("dijkwacht.limits.trusted-proxies", () -> "127.0.0.1"); // the test's connections come "through the ingress"
    }

    @AfterAll
    static void stopKeys() {
        keys.stop();
    }

    @Test
    void aPollingConsoleDuringAnOutageWritesOneRecordAndOneCountPerInterval() throws Exception {
        String admin = TestIssuer.get().token(Map.of("sub", "id49-polling-admin", "roles", List.of("dijkwacht-admin")));
        List<String> traces = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> answer = getJson("/admin/policy", admin);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(parse(answer.body()).path("error").path("code").asText()).isEqualTo(UNAVAILABLE);
            assertThat(parse(answer.body()).path("error").path("message").asText()).contains("identiteitsprovider is niet bereikbaar");
            traces.add(answer.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        }

        // the first refusal is a record at once (written before it was answered), the 19 after it are not — before: 20
        Map<String, Object> first = theOnlyRecord(OUTAGE_RECORDS, traces);
        assertThat(first.get("ACTOR_PSEUDONYM")).isEqualTo("unauthenticated");
        assertThat(first.get("BIO_RESULT")).isEqualTo("failed");

        // when the interval has closed: one more record with the count, the first and the last trace id
        Map<String, Object> count = theCountRecord(OUTAGE_RECORDS, traces);
        assertThat(count.get("BIO_ACTION")).isEqualTo(first.get("BIO_ACTION"));

        // the auditor (by key: needs no identity provider) finds it in the API, and the chain holds
        HttpResponse<String> found = getJson("/audit/v1/records/" + traces.getLast(), TestPack.AUDITOR_KEY);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode verify = parse(getJson("/audit/v1/verify", TestPack.AUDITOR_KEY).body());
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();

        // a new interval starts with a record of its own
        HttpResponse<String> again = getJson("/admin/policy", admin);
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(jdbc.queryForList(OUTAGE_RECORDS)).hasSize(3);
    }

    /** edges50: model-API refusals were one record each — a tool retrying through an outage wrote one per attempt. */
    @Test
    void aToolRetryingDuringAnOutageWritesOneRecordAndOneCountPerInterval() throws Exception {
        String staff = TestIssuer.get().staffToken("edges50.retrying", "Burgerzaken");
        List<String> traces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."),
                    TestPack.OTHER_TOOL_KEY, "X-Dijkwacht-User-Token", staff);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(parse(answer.body()).path("error").path("code").asText()).isEqualTo(UNAVAILABLE);
            traces.add(answer.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow());
        }

        // before: 6 records, one per attempt
        Map<String, Object> first = theOnlyRecord(MODEL_API_RECORDS, traces);
        assertThat(first.get("BIO_ORIGIN")).isEqualTo("unauthenticated");
        assertThat(first.get("RULE")).isEqualTo("authenticate:" + UNAVAILABLE);

        Map<String, Object> count = theCountRecord(MODEL_API_RECORDS, traces);
        assertThat(count.get("HASH_KEY_ID")).as("the key that made source_hmac").isNotNull();
        assertThat(count.get("ENDPOINT")).isEqualTo("chat.completions");
        assertThat(count.get("BIO_ORIGIN")).isEqualTo("unauthenticated");
        JsonNode verify = parse(getJson("/audit/v1/verify", TestPack.AUDITOR_KEY).body());
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
    }

    /**
     * edges50: the count was kept per connection address — behind the shipped ingress every client's is the ingress's, so
     * all of them shared one count. Now per client as the source limits tell it (X-Forwarded-For from a trusted proxy).
     */
    @Test
    void clientsBehindTheTrustedProxyAreCountedApart() throws Exception {
        String admin = TestIssuer.get().token(Map.of("sub", "edges50-ingress-admin", "roles", List.of("dijkwacht-admin")));
        for (String client : List.of("203.0.113.7", "203.0.113.8", "203.0.113.7", "203.0.113.8")) {
            HttpResponse<String> answer = getJson("/admin/upstreams", admin, "X-Forwarded-For", client);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        }
        // before: 1 record (both clients were 127.0.0.1, the proxy), the other three counted under it
        assertThat(jdbc.queryForList(UPSTREAMS_RECORDS)).as("one record at once per client behind the proxy").hasSize(2);

        // and one count each, told apart by the keyed hash of the client's address
        List<Map<String, Object>> all = Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForList(UPSTREAMS_RECORDS), rows -> rows.size() >= 4);
        List<String> sources = new ArrayList<>();
        for (Map<String, Object> row : all.subList(2, 4)) {
            JsonNode params = json.readTree((String) row.get("ACTION_PARAMS"));
            assertThat(params.path("repeats").asText()).isEqualTo("1");
            sources.add(params.path("source_hmac").asText());
        }
        assertThat(sources).doesNotHaveDuplicates();
    }

    /** Of the refusals under {@code traces}, within one interval, the first is a record at once, and only the first. */
    private Map<String, Object> theOnlyRecord(String query, List<String> traces) throws Exception {
        List<Map<String, Object>> records = jdbc.queryForList(query);
        assertThat(records).as("records of %d refused requests within one interval", traces.size()).hasSize(1);
        Map<String, Object> first = records.getFirst();
        assertThat(first.get("TRACE_ID")).isEqualTo(traces.getFirst());
        assertThat(first.get("HTTP_STATUS")).isEqualTo(503);
        assertThat(json.readTree((String) first.get("ACTION_PARAMS")).path("repeats_counted_for_s").asText()).isEqualTo("10");
        return first;
    }

    /** When the interval has closed: one more record that counts the rest, filed under the last one's trace id. */
    private Map<String, Object> theCountRecord(String query, List<String> traces) throws Exception {
        List<Map<String, Object>> both = Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForList(query), rows -> rows.size() >= 2);
        assertThat(both).hasSize(2);
        Map<String, Object> count = both.get(1);
        JsonNode params = json.readTree((String) count.get("ACTION_PARAMS"));
        assertThat(params.path("repeats").asText()).isEqualTo(Integer.toString(traces.size() - 1));
        assertThat(params.path("first_trace_id").asText()).isEqualTo(traces.getFirst());
        assertThat(params.path("last_trace_id").asText()).isEqualTo(traces.getLast());
        assertThat(params.path("first_at").asText()).isNotBlank();
        assertThat(params.path("last_at").asText()).isNotBlank();
        assertThat(params.path("source_hmac").asText()).as("the source address only as a keyed hash").isNotBlank();
        assertThat(params.toString()).doesNotContain("127.0.0.1");
        assertThat(count.get("TRACE_ID")).isEqualTo(traces.getLast());
        assertThat(count.get("ERROR_CODE")).isEqualTo(UNAVAILABLE);
        return count;
    }
}
