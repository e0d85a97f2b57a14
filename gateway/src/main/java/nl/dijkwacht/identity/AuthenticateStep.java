package nl.dijkwacht.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.ToolPolicy;

/**
 * Identifies the tool by the SHA-256 of its bearer key (policies/tools.yaml holds only hashes) and takes the
 * staff user and department from the documented headers or the OpenAI {@code user} field.
 */
public final class AuthenticateStep implements PolicyStep {

    private final String defaultTenant;

    public AuthenticateStep(String defaultTenant) {
        this.defaultTenant = defaultTenant;
    }

    @Override
    public String id() {
        return "authenticate";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        CallerHeaders headers = exchange.headers();
        if (headers.bearerToken() == null || headers.bearerToken().isBlank()) {
            return Outcome.deny(Refusal.unauthorized("missing_api_key",
                    "Geen API-sleutel meegestuurd. Zet de sleutel van uw tool in de header 'Authorization: Bearer <sleutel>'."),
                    "authenticate:missing-key");
        }
        ToolPolicy tool = exchange.policy().toolByKeyHash(sha256(headers.bearerToken())).orElse(null);
        if (tool == null) {
            return Outcome.deny(Refusal.unauthorized("invalid_api_key",
                    "Deze API-sleutel is onbekend bij Dijkwacht. Vraag de functioneel beheerder om een geldige sleutel voor uw tool."),
                    "authenticate:unknown-key");
        }
        String tenant = firstPresent(headers.tenant(), defaultTenant);
        exchange.caller(new Caller(tool.id(), headers.user(), headers.department(), tenant));
        return Outcome.CONTINUE;
    }

    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstPresent(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
