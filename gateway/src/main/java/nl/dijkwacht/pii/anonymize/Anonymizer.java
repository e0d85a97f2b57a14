package nl.dijkwacht.pii.anonymize;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiEngineException;

/** Applies the policy's operator to each finding. Stateless; the vault carries the per-request state. */
public final class Anonymizer {

    private final byte[] hashKey;

    public Anonymizer(byte[] hashKey) {
        if (hashKey == null || hashKey.length < 16) {
            throw new PiiEngineException("HMAC key must be at least 16 bytes");
        }
        this.hashKey = hashKey.clone();
    }

    public AnonymizedText apply(String text, List<Finding> findings, OperatorPolicy policy, PlaceholderVault vault) {
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        Set<EntityType> blocked = EnumSet.noneOf(EntityType.class);
        if (findings.isEmpty()) {
            return new AnonymizedText(text, counts, blocked);
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int cursor = 0;
        for (Finding f : findings) {
            if (f.start() < cursor || f.end() > text.length()) {
                throw new PiiEngineException("findings overlap, are unsorted or out of range");
            }
            counts.merge(f.type(), 1, Integer::sum);
            String value = text.substring(f.start(), f.end());
            String replacement = switch (policy.operatorFor(f.type())) {
                case PSEUDONYMISE -> vault.placeholderFor(f.type(), value);
                case REDACT -> "[" + f.type().label() + "]";
                case HASH -> "[" + f.type().label() + ":" + keyedHash(value) + "]";
                case BLOCK -> {
                    blocked.add(f.type());
                    yield "[" + f.type().label() + "]";
                }
                case ALLOW -> value;
            };
            out.append(text, cursor, f.start()).append(replacement);
            cursor = f.end();
        }
        out.append(text, cursor, text.length());
        return new AnonymizedText(out.toString(), counts, blocked);
    }

    private String keyedHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.GeneralSecurityException e) {
            throw new PiiEngineException("HMAC-SHA256 unavailable", e);
        }
    }
}
