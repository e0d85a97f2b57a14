package nl.dijkwacht.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.RequestEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

/**
 * How the gateway fetches an identity provider's discovery document and signing keys (its JWKS): at most one fetch per
 * refetch interval ({@code dijkwacht.identity.signing-keys.refetch-interval}, default {@link #MIN_INTERVAL}) per address, whether it succeeded or not, never two at once for one address, and — while keys are
 * known — never with a request waiting for it.
 * <ul>
 *   <li>Within the interval the last good answer is used again. Spring Security's decoder refetches the keys for every
 *       token that names a key id it does not know — and builds its key source with Nimbus's rate limit switched off —
 *       so without this anyone who can reach the gateway could make it ask the identity provider once per request with
 *       a made-up {@code kid} (auth27: 10 such tokens, 10 fetches).</li>
 *   <li>After the interval, while a good answer is known (no older than {@link #STALE_LIMIT}), the request is answered
 *       with it at once and the fetch runs in the background (identity48): Spring's key cache asks again every 5 minutes,
 *       and during an outage of the identity provider that request used to wait for a fetch of up to 5 s connect + 5 s
 *       read, once per interval. Only a token whose key id the known answer lacks (a key rotation) waits for the fetch,
 *       and only while the provider answered at the last attempt: during an outage it is refused at once.</li>
 *   <li>When a fetch fails (no answer, a timeout, an error status), the last good answer is served for up to
 *       {@link #STALE_LIMIT} after it was fetched: tokens signed with keys the gateway already knows keep working
 *       through an outage of the identity provider.</li>
 *   <li>When no good answer is known, the failure is kept for the interval: every token of that issuer is refused at
 *       once ({@link IssuerUnreachable}, a 503 {@code identity_provider_unavailable}) instead of each request waiting
 *       for its own fetch (identity47).</li>
 * </ul>
 * Both ways Spring fetches go through here: the keys ({@code exchange(RequestEntity, Class)}) and the discovery document
 * ({@code exchange(RequestEntity, ParameterizedTypeReference)}, which identity47 did not cover: with the default
 * issuer-location configuration every request waited for its own discovery fetch while the provider was down).
 *
 * <p>Why hand-written: Spring Security 7.0.6's {@code JwkSetUriJwtDecoderBuilder} builds its Nimbus key source with
 * {@code refreshAheadCache(false)} and {@code rateLimited(false)} and without {@code outageTolerant} (read in its
 * bytecode), and exposes only the {@code RestOperations} and a Spring {@code Cache} of the JWKS text — a cache it
 * reads only on a miss, so a refresh-ahead cache there would not reach the decoder's parsed key set.
 * {@code NimbusJwtDecoder.withJwkSource} with Nimbus's own {@code JWKSourceBuilder} (refresh-ahead, outage-tolerant,
 * rate-limited) would give up Spring's issuer discovery and its issuer check, and Nimbus reads the system clock, so its
 * intervals could not be tested without waiting.
 */
final class SigningKeyFetches extends RestTemplate {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFetches.class);

    /** The default refetch interval: as Nimbus's own default rate limit for JWKS refreshes. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    /** The default of how long after it was fetched a key set is still served while the identity provider cannot be reached. */
    static final Duration STALE_LIMIT = Duration.ofHours(2);

    /** The key id of the token being verified on this thread (set by {@link #forKey}), {@code null} when none. */
    private static final ThreadLocal<String> WANTED_KEY = new ThreadLocal<>();

    /**
     * The last attempt at an address, whether it failed, and the last good answer from it (null when there never was
     * one) with the key ids it holds (empty for a discovery document).
     */
    private record Fetched(Instant attempted, boolean failed, Instant goodAt, ResponseEntity<?> good, Set<String> keyIds) {
    }

    /** Thrown instead of fetching while the last fetch failed less than {@link #MIN_INTERVAL} ago. */
    static final class IssuerUnreachable extends ResourceAccessException {
        IssuerUnreachable(Duration interval) {
            super("identity provider unreachable at the last attempt; not asked again within " + interval);
        }
    }

    private final Map<URI, Fetched> last = new ConcurrentHashMap<>();
    private final Map<URI, ReentrantLock> fetching = new ConcurrentHashMap<>();
    private final Set<URI> refreshing = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Executor background;
    private final Duration minInterval;
    private final Duration staleLimit;

    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock) {
        this(factory, clock, new IdentityProperties.SigningKeys(null, null));
    }

    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock, IdentityProperties.SigningKeys settings) {
        this(factory, clock, task -> Thread.ofVirtual().name("signing-key-fetch").start(task), settings);
    }

    /** @param background where a fetch runs while the request is answered with the keys already known */
    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock, Executor background) {
        this(factory, clock, background, new IdentityProperties.SigningKeys(null, null));
    }

    SigningKeyFetches(ClientHttpRequestFactory factory, Clock clock, Executor background, IdentityProperties.SigningKeys settings) {
        super(factory);
        this.clock = clock;
        this.background = background;
        this.minInterval = settings.refetchInterval();
        this.staleLimit = settings.keepDuringOutage();
    }

    /**
     * Runs {@code verification} knowing which key id the token names, so that a fetch it causes waits only for a key that
     * is not known yet ({@code kid} {@code null}: unknown).
     */
    static <T> T forKey(String kid, Supplier<T> verification) {
        String outer = WANTED_KEY.get();
        WANTED_KEY.set(kid);
        try {
            return verification.get();
        } finally {
            if (outer == null) {
                WANTED_KEY.remove();
            } else {
                WANTED_KEY.set(outer);
            }
        }
    }

    @Override
    public <T> ResponseEntity<T> exchange(RequestEntity<?> request, Class<T> responseType) {
        if (request.getMethod() != HttpMethod.GET) {
            return super.exchange(request, responseType);
        }
        return fetchOrReuse(request, () -> super.exchange(request, responseType),
                body -> body == null || responseType.isInstance(body));
    }

    @Override
    public <T> ResponseEntity<T> exchange(RequestEntity<?> request, ParameterizedTypeReference<T> responseType) {
        if (request.getMethod() != HttpMethod.GET) {
            return super.exchange(request, responseType);
        }
        // one address, one type: the discovery document is always asked for as the same map type
        return fetchOrReuse(request, () -> super.exchange(request, responseType), body -> true);
    }

    private <T> ResponseEntity<T> fetchOrReuse(RequestEntity<?> request, Supplier<ResponseEntity<T>> fetch, Predicate<Object> fits) {
        URI url = address(request);
        Fetched previous = last.get(url);
        if (previous != null && clock.instant().isBefore(previous.attempted().plus(minInterval))) {
            return reuse(previous, fits, null);
        }
        if (usable(previous, fits) && !waitsFor(previous)) {
            refreshInBackground(url, fetch);
            return typed(previous);
        }
        ReentrantLock lock = fetching.computeIfAbsent(url, u -> new ReentrantLock());
        lock.lock();
        try {
            Fetched now = last.get(url);
            if (now != null && clock.instant().isBefore(now.attempted().plus(minInterval))) {
                return reuse(now, fits, null); // fetched by another request while this one waited for the lock
            }
            return fetchNow(url, fetch, fits);
        } finally {
            lock.unlock();
        }
    }

    /** The address asked for; Spring's discovery builds its request from a URI template, which this expands. */
    private URI address(RequestEntity<?> request) {
        if (request instanceof RequestEntity.UriTemplateRequestEntity<?> template) {
            return template.getVars() != null
                    ? getUriTemplateHandler().expand(template.getUriTemplate(), template.getVars())
                    : getUriTemplateHandler().expand(template.getUriTemplate(),
                            template.getVarsMap() == null ? Map.of() : template.getVarsMap());
        }
        return request.getUrl();
    }

    /**
     * Whether this request waits for the fetch although a good answer is known: only for a token whose key id that answer
     * lacks (a key rotation), and only while the provider answered at the last attempt.
     */
    private static boolean waitsFor(Fetched known) {
        String kid = WANTED_KEY.get();
        return !known.failed() && kid != null && !known.keyIds().isEmpty() && !known.keyIds().contains(kid);
    }

    private <T> void refreshInBackground(URI url, Supplier<ResponseEntity<T>> fetch) {
        if (!refreshing.add(url)) {
            return; // already under way
        }
        try {
            background.execute(() -> {
                ReentrantLock lock = fetching.computeIfAbsent(url, u -> new ReentrantLock());
                lock.lock();
                try {
                    Fetched previous = last.get(url);
                    if (previous == null || !clock.instant().isBefore(previous.attempted().plus(minInterval))) {
                        fetchNow(url, fetch, body -> true);
                    }
                } catch (RestClientException e) {
                    log.warn("identity provider's {} could not be fetched in the background ({}); the keys known are used meanwhile",
                            url.getPath(), e.getClass().getSimpleName());
                } finally {
                    lock.unlock();
                    refreshing.remove(url);
                }
            });
        } catch (RuntimeException e) {
            refreshing.remove(url);
            log.error("background fetch of the identity provider's keys not started: {}", e.getClass().getSimpleName());
        }
    }

    /** Fetches now (the caller holds the address's lock); a failure serves the last good answer while it is young enough. */
    private <T> ResponseEntity<T> fetchNow(URI url, Supplier<ResponseEntity<T>> fetch, Predicate<Object> fits) {
        Fetched previous = last.get(url);
        try {
            ResponseEntity<T> response = fetch.get();
            if (response.getStatusCode().is2xxSuccessful()) {
                Instant now = clock.instant();
                last.put(url, new Fetched(now, false, now, response, keyIds(response.getBody())));
                return response;
            }
            failed(url, previous);
            return reuse(last.get(url), fits, null);
        } catch (RestClientException e) {
            failed(url, previous);
            return reuse(last.get(url), fits, e);
        }
    }

    private void failed(URI url, Fetched previous) {
        last.put(url, new Fetched(clock.instant(), true, previous == null ? null : previous.goodAt(),
                previous == null ? null : previous.good(), previous == null ? Set.of() : previous.keyIds()));
    }

    private boolean usable(Fetched fetched, Predicate<Object> fits) {
        return fetched != null && fetched.good() != null && clock.instant().isBefore(fetched.goodAt().plus(staleLimit))
                && fits.test(fetched.good().getBody());
    }

    /** The last good answer while it is young enough; else the failure ({@code cause}, or a fast refusal). */
    private <T> ResponseEntity<T> reuse(Fetched fetched, Predicate<Object> fits, RestClientException cause) {
        if (usable(fetched, fits)) {
            return typed(fetched);
        }
        throw cause != null ? cause : new IssuerUnreachable(minInterval);
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> typed(Fetched fetched) {
        return (ResponseEntity<T>) fetched.good();
    }

    /** The key ids of a JWKS answer (Spring fetches it as text); empty for anything else. */
    private static Set<String> keyIds(Object body) {
        if (!(body instanceof String text)) {
            return Set.of();
        }
        try {
            return JWKSet.parse(text).getKeys().stream().map(JWK::getKeyID).filter(id -> id != null)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (ParseException e) {
            return Set.of();
        }
    }
}
