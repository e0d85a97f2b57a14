package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The identity provider's keys are fetched at most once per 30 seconds; a failed fetch is not kept. */
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
    void aFailedFetchIsNotKeptTheNextTokenTriesAgain() {
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withServerError());
        idp.expect(ExpectedCount.once(), requestTo(JWKS)).andRespond(withSuccess("{\"keys\":[]}", MediaType.APPLICATION_JSON));

        try {
            fetch();
        } catch (HttpServerErrorException expected) {
            // the provider's 500: the token is refused as "provider unreachable"
        }
        assertThat(fetch()).isEqualTo("{\"keys\":[]}");
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
