package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.support.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

/**
 * identity48: with the default configuration (no {@code jwk-set-uri}) the gateway finds the keys through the issuer's
 * discovery document. Spring asks for that document with {@code exchange(RequestEntity, ParameterizedTypeReference)},
 * which identity47's {@link SigningKeyFetches} did not cover: while the provider was down every token made its own
 * discovery fetch. Now the 30-s rule holds for it too, and the refusal is {@code identity_provider_unavailable}.
 */
class IssuerDiscoveryOutageTest {

    private static final String ISSUER = "https://idp.example.test/realms/gemeente";

    @Test
    void whileDiscoveryFailsTheProviderIsAskedOncePerIntervalAndTokensAreRefusedAsUnavailable() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ClientHttpRequestFactory down = (uri, method) -> new MockClientHttpRequest(method, uri) {
            @Override
            protected ClientHttpResponse executeInternal() {
                asked.incrementAndGet();
                return new MockClientHttpResponse(new byte[0], HttpStatus.SERVICE_UNAVAILABLE);
            }
        };
        MovingClock clock = new MovingClock();
        IdentityProperties.Issuer issuer = new IdentityProperties.Issuer("idp", ISSUER, null, List.of("dijkwacht"), null, null,
                null, null, null, null, null, null);
        TokenVerifier verifier = new TokenVerifier(List.of(issuer), new SigningKeyFetches(down, clock, Runnable::run));
        String token = token();

        for (int i = 0; i < 5; i++) {
            TokenRejectedException refused = catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
            assertThat(refused).as("attempt " + i).isNotNull();
            assertThat(refused.reason()).isEqualTo(TokenRejectedException.Reason.ISSUER_UNREACHABLE);
        }
        assertThat(asked.get()).as("one discovery fetch for five tokens within the interval").isEqualTo(1);

        clock.advance(SigningKeyFetches.MIN_INTERVAL);
        catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
        assertThat(asked.get()).isEqualTo(2);
    }

    private static String token() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience("dijkwacht").subject("id48-medewerker").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
