package nl.dijkwacht.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.web.client.RestOperations;

/**
 * Verifies OIDC access tokens (JWT) with Spring Security's resource-server machinery: one
 * {@link JwtAuthenticationProvider} per configured issuer (its own JWKS, algorithms, audiences and claim mapping),
 * chosen by the token's {@code iss} through {@link JwtIssuerAuthenticationManagerResolver}. Signature, issuer,
 * audience, expiry, not-before, issued-at and the issuer's maximum token lifetime are all checked; unsigned ({@code alg: none}) and HMAC tokens never pass.
 * Signing keys are fetched lazily, cached and refreshed when a token names an unknown key id.
 */
public final class TokenVerifier {

    /**
     * The tag each validator's failure carries, in the order a refusal names them: a token without {@code exp} or
     * {@code iat} also fails the timestamp check, and one whose {@code nbf} lies ahead fails it too ("used before") —
     * the refusal names the first cause, not "expired".
     */
    private static final List<Tag> TAGS = List.of(
            new Tag("dijkwacht:timestamps-missing", TokenRejectedException.Reason.TIMESTAMPS_MISSING),
            new Tag("dijkwacht:not-yet-valid", TokenRejectedException.Reason.NOT_YET_VALID),
            new Tag("dijkwacht:lifetime", TokenRejectedException.Reason.LIFETIME_TOO_LONG),
            new Tag("dijkwacht:expired", TokenRejectedException.Reason.EXPIRED),
            new Tag("dijkwacht:audience", TokenRejectedException.Reason.WRONG_AUDIENCE),
            new Tag("dijkwacht:token-type", TokenRejectedException.Reason.NOT_AN_ACCESS_TOKEN),
            new Tag("dijkwacht:required-claim", TokenRejectedException.Reason.REQUIRED_CLAIM));
    private static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    private final Map<String, AuthenticationManager> byIssuer = new LinkedHashMap<>();
    private final AuthenticationManager resolving;

    public TokenVerifier(List<IdentityProperties.Issuer> issuers) {
        this(issuers, new IdentityProperties.SigningKeys(null, null));
    }

    /** @param signingKeys the refetch interval and how long known keys serve during an outage ({@link SigningKeyFetches}) */
    public TokenVerifier(List<IdentityProperties.Issuer> issuers, IdentityProperties.SigningKeys signingKeys) {
        this(issuers, defaultRest(signingKeys));
    }

    public TokenVerifier(List<IdentityProperties.Issuer> issuers, RestOperations rest) {
        for (IdentityProperties.Issuer issuer : issuers) {
            check(issuer);
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder(issuer, rest));
            provider.setJwtAuthenticationConverter(jwt -> new VerifiedToken(jwt, StaffClaims.read(issuer, jwt.getClaims())));
            if (byIssuer.put(issuer.issuerUri(), new ProviderManager(provider)) != null) {
                throw new IllegalStateException("dijkwacht.identity.issuers: issuer-uri " + issuer.issuerUri() + " is configured twice");
            }
        }
        AuthenticationManagerResolver<String> trusted = issuerUri -> {
            AuthenticationManager manager = byIssuer.get(issuerUri);
            if (manager == null) {
                throw new TokenRejectedException(TokenRejectedException.Reason.UNTRUSTED_ISSUER, "untrusted issuer");
            }
            return manager;
        };
        // The manager it hands out reads the (not yet verified) iss claim from the token itself and delegates to that
        // issuer's provider; it never looks at the request, which is why no request is passed.
        AuthenticationManagerResolver<?> byTokenIssuer = new JwtIssuerAuthenticationManagerResolver(trusted);
        this.resolving = byTokenIssuer.resolve(null);
    }

    /** Whether any issuer is configured; without one, tokens are refused as coming from an untrusted issuer. */
    public boolean enabled() {
        return !byIssuer.isEmpty();
    }

    /**
     * @return what the token says about the person, after the issuer's claim mapping
     * @throws TokenRejectedException with the reason the token is not accepted
     */
    public StaffToken verify(String token) {
        if (!enabled()) {
            throw new TokenRejectedException(TokenRejectedException.Reason.UNTRUSTED_ISSUER, "no issuers configured");
        }
        Authentication result;
        try {
            result = SigningKeyFetches.forKey(keyId(token), () -> resolving.authenticate(new BearerTokenAuthenticationToken(token)));
        } catch (AuthenticationException e) {
            throw rejected(e);
        } catch (org.springframework.security.oauth2.jwt.JwtDecoderInitializationException e) {
            // the issuer's discovery document could not be fetched or read (identity48: this escaped as a 500 while the
            // provider was down and no jwk-set-uri was configured)
            throw new TokenRejectedException(TokenRejectedException.Reason.ISSUER_UNREACHABLE, e.getClass().getSimpleName());
        }
        return ((VerifiedToken) result).staff();
    }

    /** The {@code kid} of a token's header, {@code null} when it has none or the header cannot be read. */
    private static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            Object kid = com.nimbusds.jose.util.JSONObjectUtils.parse(new com.nimbusds.jose.util.Base64URL(token.substring(0, dot))
                    .decodeToString()).get("kid");
            return kid instanceof String text ? text : null;
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static TokenRejectedException rejected(AuthenticationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TokenRejectedException known) {
                return known; // from the claim-set check (exp or iat absent), wrapped by the decoder
            }
            if (t instanceof JwtValidationException invalid) {
                for (Tag tag : TAGS) {
                    for (OAuth2Error error : invalid.getErrors()) {
                        if (tag.description().equals(error.getDescription())) {
                            return new TokenRejectedException(tag.reason(), tag.description());
                        }
                    }
                }
            }
            if (t instanceof org.springframework.security.authentication.AuthenticationServiceException) {
                // not the token's fault: the issuer's keys could not be fetched
                return new TokenRejectedException(TokenRejectedException.Reason.ISSUER_UNREACHABLE, t.getClass().getSimpleName());
            }
        }
        return new TokenRejectedException(TokenRejectedException.Reason.INVALID, e.getClass().getSimpleName());
    }

    private static void check(IdentityProperties.Issuer issuer) {
        String name = "dijkwacht.identity.issuers[" + issuer.id() + "]";
        if (issuer.id() == null || issuer.id().isBlank() || issuer.issuerUri() == null || issuer.issuerUri().isBlank()) {
            throw new IllegalStateException("dijkwacht.identity.issuers: every issuer needs an id and an issuer-uri");
        }
        if (issuer.audiences().isEmpty()) {
            throw new IllegalStateException(name + ": set audiences (the aud value of tokens meant for Dijkwacht)");
        }
        for (String alg : issuer.algorithms()) {
            if (!ASYMMETRIC.contains(alg)) {
                throw new IllegalStateException(name + ": algorithm " + alg + " is not accepted; use RS256, PS256 or ES256 (and longer)");
            }
        }
        if (!issuer.maxTokenLifetime().isPositive()) {
            throw new IllegalStateException(name + ": max-token-lifetime must be longer than zero (for example 24h)");
        }
    }

    private static JwtDecoder decoder(IdentityProperties.Issuer issuer, RestOperations rest) {
        OAuth2TokenValidator<Jwt> validator = validator(issuer);
        // lazy: the gateway starts while the identity provider is unreachable, and retries on the next token
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = issuer.jwkSetUri() == null || issuer.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri());
            NimbusJwtDecoder decoder = builder.restOperations(rest).jwsAlgorithms(algorithms -> {
                algorithms.clear();
                issuer.algorithms().forEach(a -> algorithms.add(SignatureAlgorithm.from(a)));
            }).build();
            decoder.setJwtValidator(validator);
            decoder.setClaimSetConverter(claimSet());
            return decoder;
        });
    }

    /**
     * Spring Security's validators for one issuer, each failure tagged with its cause ({@link #TAGS}). That {@code exp} and
     * {@code iat} are there at all is checked before, by {@link #claimSet()}.
     * <ol>
     *   <li>{@code nbf} and {@code iat} not ahead of the clock by more than the skew ({@link JwtClaimValidator}): "not yet
     *       valid", not "expired";</li>
     *   <li>the lifetime the issuer gave it — {@code exp} − {@code iat} — and what is left of it — {@code exp} − now — at
     *       most {@code max-token-lifetime} (+ the skew): a token signed for a year is refused, also one that claims a
     *       recent {@code iat};</li>
     *   <li>{@link JwtTimestampValidator}: {@code exp} (and {@code nbf}) with the skew;</li>
     *   <li>{@link JwtIssuerValidator} and the audience.</li>
     * </ol>
     */
    static OAuth2TokenValidator<Jwt> validator(IdentityProperties.Issuer issuer) {
        return validator(issuer, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(IdentityProperties.Issuer issuer, Clock clock) {
        Duration skew = issuer.clockSkew();
        Duration maxLifetime = issuer.maxTokenLifetime();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(skew);
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        List<String> audiences = issuer.audiences();
        JwtClaimValidator<Object> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> StaffClaims.list(aud).stream().anyMatch(audiences::contains));
        OAuth2TokenValidator<Jwt> started = new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.NBF, nbf -> nbf == null || !nbf.isAfter(clock.instant().plus(skew))),
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT, iat -> iat == null || !iat.isAfter(clock.instant().plus(skew))));
        OAuth2TokenValidator<Jwt> lifetime = new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP,
                        exp -> TokenLifetime.leftWithin(exp, clock.instant(), maxLifetime, skew)),
                jwt -> TokenLifetime.issuedWithin(jwt.getIssuedAt(), jwt.getExpiresAt(), maxLifetime, skew)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "exp - iat over the maximum", null)));
        return new DelegatingOAuth2TokenValidator<>(List.of(
                tagged(started, TAGS.get(1).description()),
                tagged(lifetime, TAGS.get(2).description()),
                tagged(timestamps, TAGS.get(3).description()),
                new JwtIssuerValidator(issuer.issuerUri()),
                tagged(audience, TAGS.get(4).description()),
                tagged(accessTokenType(), TAGS.get(5).description()),
                tagged(requiredClaims(issuer), TAGS.get(6).description())));
    }

    /**
     * Keycloak writes what a token is into its {@code typ} claim: {@code Bearer} for access tokens, {@code ID}, {@code Refresh},
     * {@code Logout} for the others. Its ID token of a client whose id is also Dijkwacht's audience (the console's client
     * {@code dijkwacht} in the admin guide's example) would otherwise pass as an access token (identity48). Other issuers
     * (Entra ID, ADFS, Google) write no such claim.
     */
    private static OAuth2TokenValidator<Jwt> accessTokenType() {
        return new JwtClaimValidator<Object>("typ", typ -> typ == null || "Bearer".equalsIgnoreCase(typ.toString()));
    }

    /** Every entry of the issuer's {@code required-claims}: present, one value, exactly that value. */
    private static OAuth2TokenValidator<Jwt> requiredClaims(IdentityProperties.Issuer issuer) {
        return jwt -> {
            for (Map.Entry<String, String> required : issuer.requiredClaims().entrySet()) {
                Object value = StaffClaims.claim(jwt.getClaims(), required.getKey());
                if (!(value instanceof String || value instanceof Boolean || value instanceof Number)
                        || !required.getValue().equals(value.toString())) {
                    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "required claim", null));
                }
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private record Tag(String description, TokenRejectedException.Reason reason) {
    }

    /**
     * Spring Security's claim conversion ({@link MappedJwtClaimSetConverter}), after the signature was verified, with one
     * check first: the token carries {@code exp} and {@code iat}. Keycloak, Entra ID and ADFS put both in every access
     * token; a token without them says nothing about how long it is good for. It has to be here, not in a validator:
     * the converter fills a missing {@code iat} with {@code exp} − 1 s, so a validator would see a token issued in the
     * future.
     */
    static Converter<Map<String, Object>, Map<String, Object>> claimSet() {
        MappedJwtClaimSetConverter spring = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return claims -> {
            if (claims.get(JwtClaimNames.EXP) == null || claims.get(JwtClaimNames.IAT) == null) {
                throw new TokenRejectedException(TokenRejectedException.Reason.TIMESTAMPS_MISSING, TAGS.get(0).description());
            }
            return spring.convert(claims);
        };
    }

    private static OAuth2TokenValidator<Jwt> tagged(OAuth2TokenValidator<Jwt> validator, String tag) {
        return jwt -> validator.validate(jwt).hasErrors()
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", tag, null))
                : OAuth2TokenValidatorResult.success();
    }

    private static RestOperations defaultRest(IdentityProperties.SigningKeys signingKeys) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(5));
        factory.setReadTimeout(Duration.ofSeconds(5));
        return new SigningKeyFetches(factory, Clock.systemUTC(), signingKeys);
    }

    /** The authentication a verified token turns into: the JWT plus the person it describes. */
    static final class VerifiedToken extends org.springframework.security.authentication.AbstractAuthenticationToken {
        private final transient Jwt jwt;
        private final transient StaffToken staff;

        VerifiedToken(Jwt jwt, StaffToken staff) {
            super(List.of());
            this.jwt = jwt;
            this.staff = staff;
            setAuthenticated(true);
        }

        StaffToken staff() {
            return staff;
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return staff.issuer() + ":" + staff.userId();
        }
    }
}
