package nl.dijkwacht.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.MovingClock;
import nl.dijkwacht.support.TestIssuer;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity47: an outage of the identity provider, with the in-process {@link TestIssuer} behind a WireMock that passes
 * its keys on or, during the outage, answers 503 or drops the connection; the fetches are counted at that door.
 * Before, nothing was kept after a failed fetch: every request with a token waited for its own fetch.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IdentityProviderOutageTest extends GatewayTestBase {

    private static final String JWKS = "/oauth2/jwks";
    static final WireMockServer keys = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final MovingClock clock = new MovingClock();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.get();
        issuer.register(registry);
        if (!keys.isRunning()) {
            keys.start();
        }
        keys.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(issuer.issuerUri())));
        registry.add("dijkwacht.identity.issuers[0].jwk-set-uri", () -> keys.baseUrl() + JWKS);
    }

    @TestConfiguration
    static class FetchClock {
        @Bean
        @Primary
        TokenVerifier movingClockTokenVerifier(IdentityProperties identity) {
            return new TokenVerifier(identity.issuers(), new SigningKeyFetches(new SimpleClientHttpRequestFactory(), clock));
        }
    }

    @AfterAll
    static void stopKeys() {
        keys.stop();
    }

    private final TestIssuer issuer = TestIssuer.get();

    private HttpResponse<String> chatWith(String token) throws Exception {
        return postJson("/v1/chat/completions", chat("dry-run", "Schrijf een korte groet."), TestPack.OTHER_TOOL_KEY,
                "X-Dijkwacht-User-Token", token);
    }

    private static int fetches() {
        return keys.countRequestsMatching(getRequestedFor(urlPathEqualTo(JWKS)).build()).getCount();
    }

    private List<HttpResponse<String>> concurrently(int n, String token) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> chatWith(token));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    private void assertUnavailable(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        JsonNode error = parse(answer.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("identity_provider_unavailable");
        assertThat(error.path("message").asText()).contains("identiteitsprovider is niet bereikbaar");
        assertThat(answer.headers().firstValue("X-Dijkwacht-Trace-Id")).isPresent();
    }

    @Test
    void anOutageCostsOneFetchPerIntervalServesKnownKeysAndRecovers() throws Exception {
        String token = issuer.staffToken("piet.outage", "Burgerzaken");

        // 1. no key set known yet, the provider answers 503: one fetch, every request refused at once
        StubMapping down = keys.stubFor(any(urlPathEqualTo(JWKS)).atPriority(1).willReturn(aResponse().withStatus(503)));
        keys.resetRequests();
        for (HttpResponse<String> answer : concurrently(8, token)) {
            assertUnavailable(answer);
        }
        for (int i = 0; i < 5; i++) {
            assertUnavailable(chatWith(token));
        }
        assertThat(fetches()).as("one fetch for 13 requests within the interval").isEqualTo(1);
        // the first refusal is a record at once, the others are counted into one more record when the interval closes
        // (edges50; OutageRefusalRecordsTest) — before, all 13 were records
        assertThat(jdbc.queryForList("SELECT trace_id FROM audit_record WHERE error_code = 'identity_provider_unavailable'"
                + " AND endpoint = 'chat.completions'")).as("records of 13 refusals in one interval").hasSize(1);
        // on the admin API too: refused at once, and the refusal is a record although nobody could be identified (identity48)
        HttpResponse<String> admin = getJson("/admin/policy",
                issuer.token(Map.of("sub", "id48-outage-admin", "roles", List.of("dijkwacht-admin"))));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(503);
        assertThat(parse(admin.body()).path("error").path("code").asText()).isEqualTo("identity_provider_unavailable");
        String adminTrace = admin.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
        Map<String, Object> adminRecord = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForList("SELECT * FROM audit_record WHERE trace_id = ?", adminTrace), rows -> rows.size() == 1).getFirst();
        assertThat(adminRecord.get("BIO_ORIGIN")).isEqualTo("unauthenticated");
        assertThat(adminRecord.get("ACTOR_PSEUDONYM")).isEqualTo("unauthenticated");
        assertThat(adminRecord.get("ERROR_CODE")).isEqualTo("identity_provider_unavailable");
        assertThat(adminRecord.get("BIO_RESULT")).isEqualTo("failed");

        // still down after the interval: one more fetch, no more
        clock.advance(SigningKeyFetches.MIN_INTERVAL);
        for (HttpResponse<String> answer : concurrently(8, token)) {
            assertUnavailable(answer);
        }
        assertThat(fetches()).as("one fetch in the second interval").isEqualTo(2);

        // 2. the provider is back: the next interval fetches and tokens work
        keys.removeStub(down);
        clock.advance(SigningKeyFetches.MIN_INTERVAL);
        HttpResponse<String> ok = chatWith(token);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        // 3. down again, the connection dropped, keys known: tokens keep working, the keys are asked for at most once
        keys.stubFor(any(urlPathEqualTo(JWKS)).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        int before = fetches();
        clock.advance(SigningKeyFetches.MIN_INTERVAL);
        for (HttpResponse<String> answer : concurrently(8, token)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(fetches() - before).isLessThanOrEqualTo(1);
    }
}
