package nl.dijkwacht.identity;

/**
 * The tenant claim of a token, read as what it must be: one text. A list (even of one), a number, a boolean or an object
 * is not a tenant name — before auth28 the console took {@code toString()} of whatever the claim held, so
 * {@code ["a","b"]} or {@code true} became a "tenant" — and makes the token unusable ({@link TokenRejectedException.Reason#TENANT_CLAIM}).
 * The one reader for the APIs ({@link StaffClaims}) and the console's OIDC login.
 */
public final class TenantClaim {

    private TenantClaim() {
    }

    /**
     * @param value the claim as the JWT library decoded it ({@code null} when absent)
     * @return the tenant id, stripped; {@code null} when the claim is absent or empty (the default tenant then applies)
     * @throws TokenRejectedException a claim that is not one text, or longer than a tenant name may be
     */
    public static String read(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid();
        }
        String id = text.strip();
        if (id.length() > StaffClaims.MAX_NAME) {
            throw invalid();
        }
        return id.isEmpty() ? null : id;
    }

    private static TokenRejectedException invalid() {
        return new TokenRejectedException(TokenRejectedException.Reason.TENANT_CLAIM, "the tenant claim is not one text");
    }
}
