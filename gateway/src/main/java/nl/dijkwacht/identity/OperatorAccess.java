package nl.dijkwacht.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ActivePolicy;

/**
 * Checks management requests (admin and auditor endpoints): a bearer key whose SHA-256 is declared in
 * policies/operators.yaml with the required role. Staff tool keys never grant management access.
 */
public final class OperatorAccess {

    private final ActivePolicy policy;

    public OperatorAccess(ActivePolicy policy) {
        this.policy = policy;
    }

    /** @return the operator, or a refusal (401 unknown key, 403 missing role) */
    public Result check(HttpServletRequest request, OperatorRole required) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Result(null, Refusal.unauthorized("missing_api_key",
                    "Geen beheersleutel meegestuurd. Gebruik 'Authorization: Bearer <sleutel>'."));
        }
        String hash = AuthenticateStep.sha256(authorization.substring(7).strip());
        Optional<OperatorAccount> operator = policy.current().operators().stream()
                .filter(o -> o.keySha256().equalsIgnoreCase(hash)).findFirst();
        if (operator.isEmpty()) {
            return new Result(null, Refusal.unauthorized("invalid_api_key", "Deze beheersleutel is onbekend."));
        }
        if (!operator.get().roles().contains(required)) {
            return new Result(null, Refusal.forbidden("role_required",
                    "Voor deze functie is de rol '" + required.name().toLowerCase(java.util.Locale.ROOT) + "' nodig.", null));
        }
        return new Result(operator.get(), null);
    }

    /**
     * The operator with this id whose key is {@code key} (the console's local development login uses the same
     * accounts and roles as the management APIs); empty when the id is unknown or the key does not match.
     */
    public Optional<OperatorAccount> byIdAndKey(String id, String key) {
        if (id == null || key == null) {
            return Optional.empty();
        }
        byte[] hash = AuthenticateStep.sha256(key.strip()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return policy.current().operators().stream()
                .filter(o -> o.id().equals(id.strip()))
                .filter(o -> java.security.MessageDigest.isEqual(hash,
                        o.keySha256().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .findFirst();
    }

    public record Result(OperatorAccount operator, Refusal refusal) {
        public boolean allowed() {
            return operator != null;
        }
    }
}
