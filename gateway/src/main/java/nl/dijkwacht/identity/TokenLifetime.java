package nl.dijkwacht.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The issuer's {@code max-token-lifetime} rule, in one place for the API tokens ({@link TokenVerifier}) and the console's
 * ID token at sign-in ({@code OidcOperators}, leftover45): the lifetime the issuer gave a token — {@code exp} − {@code iat}
 * — and what is left of it — {@code exp} − now — are each at most the maximum plus the clock skew.
 */
public final class TokenLifetime {

    private TokenLifetime() {
    }

    /** {@code exp} − now within the maximum (+ skew); true when {@code exp} is absent (checked elsewhere). */
    public static boolean leftWithin(Instant exp, Instant now, Duration max, Duration skew) {
        return exp == null || !exp.isAfter(now.plus(max).plus(skew));
    }

    /** {@code exp} − {@code iat} within the maximum (+ skew); true when either is absent (checked elsewhere). */
    public static boolean issuedWithin(Instant iat, Instant exp, Duration max, Duration skew) {
        return iat == null || exp == null || Duration.between(iat, exp).compareTo(max.plus(skew)) <= 0;
    }

    /** Both: the token is not valid for longer than the issuer allows. */
    public static boolean within(Instant iat, Instant exp, Instant now, Duration max, Duration skew) {
        return leftWithin(exp, now, max, skew) && issuedWithin(iat, exp, max, skew);
    }
}
