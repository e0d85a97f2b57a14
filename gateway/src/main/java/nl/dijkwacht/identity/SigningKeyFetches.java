package nl.dijkwacht.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * How the gateway fetches an identity provider's discovery document and signing keys (its JWKS): at most one fetch per
 * {@link #MIN_INTERVAL} per address, whether it succeeded or not, and never two at once for one address.
 * <ul>
 *   <li>Within the interval the last good answer is used again. Spring Security's decoder refetches the keys for every
 *       token that names a key id it does not know — and builds its key source with Nimbus's rate limit switched off —
 *       so without this anyone who can reach the gateway could make it ask the identity provider once per request with
 *       a made-up {@code kid} (auth27: 10 such tokens, 10 fetches).</li>
 *   <li>When a fetch fails (no answer, a timeout, an error status), the last good answer is served for up to
 *       {@link #STALE_LIMIT} after it was fetched: tokens signed with keys the gateway already knows keep working
 *       through an outage of the identity provider.</li>
 *   <li>When no good answer is known, the failure is kept for the interval: every token of that issuer is refused at
 *       once ({@link IssuerUnreachable}, a 503 {@code identity_provider_unavailable}) instead of each request waiting
 *       for its own fetch of up to 5 s connect + 5 s read (identity47).</li>
 * </ul>
 * Requests that arrive while a fetch for the address is under way wait for that fetch and use its outcome. Spring 7.0.6's
 * {@code JwkSetUriJwtDecoderBuilder} does not let Nimbus's outage-tolerant and rate-limited key sources be switched on,
 * and {@code withJwkSource} would lose its discovery, so this is done on the fetches both of them make.
 */
final class SigningKeyFetches extends RestTemplate {

    /** As Nimbus's own default rate limit for JWKS refreshes. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    /** How long after it was fetched a key set is still served while the identity provider cannot be reached. */
    static final Duration STALE_LIMIT = Duration.ofHours(2);

    /** The last attempt at an address, and the last good answer from it (null when there never was one). */
    private record Fetched(Instant attempted, Instant goodAt, ResponseEntity<?> good) {
    }

    /** Thrown instead of fetching while the last fetch failed less than {@link #MIN_INTERVAL} ago. */
    static final class IssuerUnreachable extends ResourceAccessException {
        IssuerUnreachable() {
            super("identity provider unreachable at the last attempt; not asked again within " + MIN_INTERVAL);
        }
    }

    private final Map<URI, Fetched> last = new ConcurrentHashMap<>();
    private final Map<URI, ReentrantLock> fetching = new ConcurrentHashMap<>();
    private final Clock clock;

    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock) {
        super(factory);
        this.clock = clock;
    }

    @Override
    public <T> ResponseEntity<T> exchange(RequestEntity<?> request, Class<T> responseType) {
        if (request.getMethod() != HttpMethod.GET) {
            return super.exchange(request, responseType);
        }
        ReentrantLock lock = fetching.computeIfAbsent(request.getUrl(), url -> new ReentrantLock());
        lock.lock();
        try {
            return fetchOrReuse(request, responseType);
        } finally {
            lock.unlock();
        }
    }

    private <T> ResponseEntity<T> fetchOrReuse(RequestEntity<?> request, Class<T> responseType) {
        URI url = request.getUrl();
        Fetched previous = last.get(url);
        if (previous != null && clock.instant().isBefore(previous.attempted().plus(MIN_INTERVAL))) {
            return reuse(previous, responseType, null);
        }
        try {
            ResponseEntity<T> response = super.exchange(request, responseType);
            if (response.getStatusCode().is2xxSuccessful()) {
                Instant now = clock.instant();
                last.put(url, new Fetched(now, now, response));
                return response;
            }
            failed(url, previous);
            return reuse(last.get(url), responseType, null);
        } catch (RestClientException e) {
            failed(url, previous);
            return reuse(last.get(url), responseType, e);
        }
    }

    private void failed(URI url, Fetched previous) {
        last.put(url, new Fetched(clock.instant(), previous == null ? null : previous.goodAt(),
                previous == null ? null : previous.good()));
    }

    /** The last good answer while it is young enough; else the failure ({@code cause}, or a fast refusal). */
    @SuppressWarnings("unchecked")
    private <T> ResponseEntity<T> reuse(Fetched fetched, Class<T> responseType, RestClientException cause) {
        ResponseEntity<?> good = fetched.good();
        if (good != null && clock.instant().isBefore(fetched.goodAt().plus(STALE_LIMIT))
                && (good.getBody() == null || responseType.isInstance(good.getBody()))) {
            return (ResponseEntity<T>) good;
        }
        throw cause != null ? cause : new IssuerUnreachable();
    }
}
