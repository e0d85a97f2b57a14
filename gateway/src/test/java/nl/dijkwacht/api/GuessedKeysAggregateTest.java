package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import nl.dijkwacht.limits.AuthFailureCounter;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8, item 4: failed authentications are recorded in aggregate only. 200 guessed keys — all reaching
 * authentication (a per-source limit high enough) — add no chained audit record, and a bounded number of rows
 * (per source, minute and reason) whose counts add up to 200, visible in the auditor API.
 */
@TestPropertySource(properties = {"dijkwacht.limits.trusted-proxies=127.0.0.1", "dijkwacht.limits.auth-failures.flush-interval=0s"})
class GuessedKeysAggregateTest extends GatewayTestBase {

    private static final String[] SOURCES = {"203.0.113.21", "203.0.113.22", "198.51.100.23", "198.51.100.24"};

    @Autowired
    ActivePolicy policy;

    @Autowired
    AuthFailureCounter failures;

    @Test
    void twoHundredGuessedKeysLeaveBoundedCountedRowsAndNoChainedRecords() throws Exception {
        Files.writeString(policy.policiesDir().resolve("limits.yaml"), """
                unauthenticated:
                  requests-per-minute: 100000
                defaults:
                  tool:
                    requests-per-minute: 100000
                """);
        policy.reload();
        failures.flush(true);
        long recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
        long rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM auth_failure_minute", Long.class);

        Map<String, Integer> sent = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String source = SOURCES[i % SOURCES.length];
            var response = postJson("/v1/chat/completions", chat("dry-run", "hoi"), "geraden-sleutel-" + i, "X-Forwarded-For", source);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(parse(response.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
            sent.merge(source, 1, Integer::sum);
        }
        failures.flush(true);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("no chained record per guessed key").isEqualTo(recordsBefore);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM auth_failure_minute", Long.class) - rowsBefore;
        // one row per source and reason for each minute the 200 attempts spanned (a minute boundary may split them)
        assertThat(rows).isBetween((long) SOURCES.length, 2L * SOURCES.length);

        JsonNode report = parse(getJson("/audit/v1/auth-failures", TestPack.AUDITOR_KEY).body());
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode s : report.path("sources")) {
            counted.put(s.path("source").asText(), s.path("attempts").asLong());
        }
        for (String source : SOURCES) {
            assertThat(counted.get(source)).as(source).isEqualTo(sent.get(source).longValue());
        }
        long guessed = 0;
        for (JsonNode m : report.path("minutes")) {
            if (m.path("reason").asText().equals("invalid_api_key") && java.util.Arrays.asList(SOURCES).contains(m.path("source").asText())) {
                guessed += m.path("attempts").asLong();
            }
        }
        assertThat(guessed).isEqualTo(200);
    }
}
