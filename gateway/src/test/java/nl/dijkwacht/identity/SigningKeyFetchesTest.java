package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;
import nl.dijkwacht.support.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.HttpServerErrorException;

/** The identity provider's keys are fetched at most once per 30 seconds, failed or not; known keys outlast an outage for a while. */
class SigningKeyFetchesTest {

    private static final URI JWKS = URI.create("https://idp.example.test/jwks");

    private final MovingClock clock = new MovingClock();
    private final SigningKeyFetches fetches = new SigningKeyFetches(new SimpleClientHttpRequestFactory(), clock);
    private final MockRestServiceServer idp = MockRestServiceServer.bindTo(fetches).build();

    private String fetch() {
        return fetches.exchange(RequestEntity.get(JWKS).build(), String.class).getBody();
    }

    @Test
    void withinThirtySecondsTheLastKeysAreUsedAgainAfterThatTheyAreFetchedAnew() {
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withSuccess("{\"keys\":[1]}", MediaType.APPLICATION_JSON));
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withSuccess("{\"keys\":[2]}", MediaType.APPLICATION_JSON));

        assertThat(fetch()).isEqualTo("{\"keys\":[1]}");
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plusSeconds(1);
            assertThat(fetch()).as("a made-up kid asks again within the interval").isEqualTo("{\"keys\":[1]}");
        }
        clock.now = clock.now.plus(SigningKeyFetches.MIN_INTERVAL);
        assertThat(fetch()).as("a rotated key is seen after the interval").isEqualTo("{\"keys\":[2]}");
        idp.verify();
    }

    @Test
    void withNoKeysKnownAFailedFetchRefusesAtOnceUntilTheIntervalHasPassed() {
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withServerError());
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withSuccess("{\"keys\":[]}", MediaType.APPLICATION_JSON));

        assertThatThrownBy(this::fetch).as("the provider's 500").isInstanceOf(HttpServerErrorException.class);
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plusSeconds(1);
            assertThatThrownBy(this::fetch).as("not asked again within the interval").isInstanceOf(SigningKeyFetches.IssuerUnreachable.class);
        }
        clock.now = clock.now.plus(SigningKeyFetches.MIN_INTERVAL);
        assertThat(fetch()).isEqualTo("{\"keys\":[]}");
        idp.verify();
    }

    @Test
    void whileTheProviderIsDownTheLastKeysAreServedForAtMostTheStaleLimit() {
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withSuccess("{\"keys\":[1]}", MediaType.APPLICATION_JSON));
        idp.expect(ExpectedCount.manyTimes(), requestTo(JWKS)).andRespond(withServerError());
        assertThat(fetch()).isEqualTo("{\"keys\":[1]}");

        java.time.Instant fetchedAt = clock.now;
        int asked = 0;
        while (clock.now.isBefore(fetchedAt.plus(SigningKeyFetches.STALE_LIMIT).minus(SigningKeyFetches.MIN_INTERVAL))) {
            clock.now = clock.now.plus(SigningKeyFetches.MIN_INTERVAL);
            assertThat(fetch()).as("the keys it knows, at " + clock.now).isEqualTo("{\"keys\":[1]}");
            asked++;
        }
        clock.now = fetchedAt.plus(SigningKeyFetches.STALE_LIMIT).plusSeconds(1);
        assertThatThrownBy(this::fetch).as("too old to be trusted").isInstanceOf(HttpServerErrorException.class);
        assertThatThrownBy(this::fetch).as("and refused at once").isInstanceOf(SigningKeyFetches.IssuerUnreachable.class);
        assertThat(asked).isPositive();
    }

    @Test
    void concurrentRequestsShareOneFetch() throws Exception {
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withServerError());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var calls = java.util.Collections.nCopies(8, (java.util.concurrent.Callable<Object>) () -> {
                try {
                    return fetch();
                } catch (RuntimeException e) {
                    return e;
                }
            });
            for (var answer : pool.invokeAll(calls)) {
                assertThat(answer.get()).isInstanceOf(org.springframework.web.client.RestClientException.class);
            }
        }
        idp.verify();
    }

    @Test
    void otherMethodsAreNeverAnsweredFromTheLastFetch() {
        idp.expect(ExpectedCount.twice(), requestTo(JWKS)).andRespond(withSuccess("{}", MediaType.APPLICATION_JSON));

        fetches.exchange(RequestEntity.method(HttpMethod.POST, JWKS).body("a"), String.class);
        fetches.exchange(RequestEntity.method(HttpMethod.POST, JWKS).body("b"), String.class);
        idp.verify();
    }
}
