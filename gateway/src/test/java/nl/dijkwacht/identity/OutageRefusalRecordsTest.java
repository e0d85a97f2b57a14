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
 * once and the rest as one count when the interval closes; the chain still verifies.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OutageRefusalRecordsTest extends GatewayTestBase {

    static final WireMockServer keys = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String UNAVAILABLE = "identity_provider_unavailable";
    private static final String OUTAGE_RECORDS = "SELECT * FROM audit_record WHERE error_code = '" + UNAVAILABLE
            + "' AND bio_origin = 'unauthenticated' ORDER BY occurred_at, seq";

    @DynamicPropertySource
    static void downIssuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().register(registry);
        if (!keys.isRunning()) {
            keys.start();
        }
        keys.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        registry.add("dijkwacht.identity.issuers[0].jwk-set-uri", () -> keys.baseUrl() + "/oauth2/jwks");
        registry.add("dijkwacht.identity.unidentified-refusal-interval", () -> "10s");
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
        List<Map<String, Object>> records = jdbc.queryForList(OUTAGE_RECORDS);
        assertThat(records).as("records of 20 refused requests within one interval").hasSize(1);
        Map<String, Object> first = records.getFirst();
        assertThat(first.get("TRACE_ID")).isEqualTo(traces.getFirst());
        assertThat(first.get("ACTOR_PSEUDONYM")).isEqualTo("unauthenticated");
        assertThat(first.get("BIO_RESULT")).isEqualTo("failed");
        assertThat(first.get("HTTP_STATUS")).isEqualTo(503);
        assertThat(json.readTree((String) first.get("ACTION_PARAMS")).path("repeats_counted_for_s").asText()).isEqualTo("10");

        // when the interval has closed: one more record with the count, the first and the last trace id
        List<Map<String, Object>> both = Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForList(OUTAGE_RECORDS), rows -> rows.size() >= 2);
        assertThat(both).hasSize(2);
        Map<String, Object> count = both.get(1);
        JsonNode params = json.readTree((String) count.get("ACTION_PARAMS"));
        assertThat(params.path("repeats").asText()).isEqualTo("19");
        assertThat(params.path("first_trace_id").asText()).isEqualTo(traces.getFirst());
        assertThat(params.path("last_trace_id").asText()).isEqualTo(traces.getLast());
        assertThat(params.path("first_at").asText()).isNotBlank();
        assertThat(params.path("last_at").asText()).isNotBlank();
        assertThat(params.path("source_hmac").asText()).as("the source address only as a keyed hash").isNotBlank();
        assertThat(params.toString()).doesNotContain("127.0.0.1");
        assertThat(count.get("TRACE_ID")).isEqualTo(traces.getLast());
        assertThat(count.get("ERROR_CODE")).isEqualTo(UNAVAILABLE);
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
}
