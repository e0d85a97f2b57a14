package nl.dijkwacht.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.RestTemplate;

/**
 * How the gateway fetches an identity provider's signing keys (its JWKS): at most once per {@link #MIN_INTERVAL} per
 * address; within that interval the last answer is used again. Spring Security's decoder refetches the keys for every
 * token that names a key id it does not know — and it builds its key source with Nimbus's rate limit switched off — so
 * without this anyone who can reach the gateway could make it ask the identity provider once per request with a
 * made-up {@code kid} (auth27: 10 such tokens, 10 fetches). A real key rotation is seen on the first token signed with
 * the new key, unless the keys were fetched less than {@link #MIN_INTERVAL} before (then within that interval).
 */
final class SigningKeyFetches extends RestTemplate {

    /** As Nimbus's own default rate limit for JWKS refreshes. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);

    private record Fetched(Instant at, ResponseEntity<?> response) {
    }

    private final Map<URI, Fetched> last = new ConcurrentHashMap<>();
    private final Clock clock;

    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock) {
        super(factory);
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ResponseEntity<T> exchange(RequestEntity<?> request, Class<T> responseType) {
        if (request.getMethod() != HttpMethod.GET) {
            return super.exchange(request, responseType);
        }
        Instant now = clock.instant();
        Fetched previous = last.get(request.getUrl());
        if (previous != null && now.isBefore(previous.at().plus(MIN_INTERVAL))
                && (previous.response().getBody() == null || responseType.isInstance(previous.response().getBody()))) {
            return (ResponseEntity<T>) previous.response();
        }
        ResponseEntity<T> response = super.exchange(request, responseType);
        if (response.getStatusCode().is2xxSuccessful()) {
            last.put(request.getUrl(), new Fetched(now, response));
        }
        return response;
    }
}
