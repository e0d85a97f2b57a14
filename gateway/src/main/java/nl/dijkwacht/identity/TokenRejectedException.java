package nl.dijkwacht.identity;

/** A staff or operator token that the gateway does not accept, with the reason (for the Dutch refusal). */
public final class TokenRejectedException extends RuntimeException {

    public enum Reason {
        /** Past {@code exp}, beyond the clock skew. */
        EXPIRED,
        /** {@code nbf} or {@code iat} ahead of the gateway's clock by more than the clock skew. */
        NOT_YET_VALID,
        /** Valid for longer than the issuer's {@code max-token-lifetime}: {@code exp} − {@code iat}, or {@code exp} − now. */
        LIFETIME_TOO_LONG,
        /** No {@code exp} or no {@code iat}. */
        TIMESTAMPS_MISSING,
        /** {@code iss} is not one of the configured issuers. */
        UNTRUSTED_ISSUER,
        /** {@code aud} names none of the issuer's configured audiences. */
        WRONG_AUDIENCE,
        /** The token names no user in the configured user claim. */
        NO_USER,
        /**
         * A signed token whose identity claims cannot be read as one value each: a department, tenant, user or client id
         * that is an object, a list of several values or longer than the gateway keeps; roles that are not text.
         */
        CLAIMS,
        /** The tenant claim is not one text (a list, number, boolean or object), or too long ({@link TenantClaim}). */
        TENANT_CLAIM,
        /** Unsigned ({@code alg: none}), a bad or unknown signature, a disallowed algorithm, or not a JWT at all. */
        INVALID,
        /** The issuer's signing keys could not be fetched: the token cannot be checked now. */
        ISSUER_UNREACHABLE,
        /** Not an access token: Keycloak's {@code typ} claim says {@code ID}, {@code Refresh}, {@code Logout}, … (identity48). */
        NOT_AN_ACCESS_TOKEN,
        /** A claim the issuer's {@code required-claims} asks for is absent or has another value (Google's {@code hd}, identity48). */
        REQUIRED_CLAIM
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
