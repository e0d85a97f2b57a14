package nl.dijkwacht.redaction;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.audit.TextHasher;
import nl.dijkwacht.openai.GovernedFields;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.PolicyStep;

/**
 * The request fields that identify people or carry side information, before anything is forwarded:
 * <ul>
 *   <li>{@code user} and {@code safety_identifier} become the keyed pseudonym of the verified staff member (or, when
 *       the caller names none, of the value sent) — the same one the audit trail keeps as actor, so a provider's abuse
 *       report can be traced to audit records, but never to a person without the key;</li>
 *   <li>{@code prompt_cache_key} becomes a keyed hash (equal keys stay equal, so caching still works);</li>
 *   <li>{@code seed} becomes a keyed hash of the seed, a non-negative 31-bit integer (redteam50): OpenAI documents of a
 *       seed only that repeated requests with the same seed and parameters sample alike, which a hash keeps, and as
 *       sent it was a channel for any number — a BSN among them;</li>
 *   <li>token ceilings are capped and sampling settings rounded to the precision a provider uses ({@link
 *       BoundedNumbers}, redteam51): as sent they too were a channel for any number;</li>
 *   <li>{@code metadata} keeps only the keys the use-case lists in {@code forward-metadata} (their values are scanned
 *       as text by the {@code pii} step); the gateway's own {@code dw_*} keys were taken out when the body was read.</li>
 * </ul>
 * First, under {@code pii.output: redact}, a request for an answer part the output scan cannot redact is refused
 * ({@link UnredactableAnswerParts}).
 */
public final class GovernFieldsStep implements PolicyStep {

    private final Pseudonymizer pseudonyms;
    private final SecretKeySpec hashKey;
    /** Initialised once, never updated itself: each hash starts from a clone (no provider look-up, no key set-up). */
    private final Mac prototype;

    public GovernFieldsStep(Pseudonymizer pseudonyms, byte[] hashKey) {
        this.pseudonyms = pseudonyms;
        this.hashKey = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
        this.prototype = TextHasher.newMac(this.hashKey);
    }

    @Override
    public String id() {
        return "fields";
    }

    @Override
    public Outcome apply(Exchange exchange) {
        if (exchange.useCase().redactOutputPii()) {
            String unredactable = UnredactableAnswerParts.requested(exchange.request().body());
            if (unredactable != null) {
                var refusal = UnredactableAnswerParts.refusal(unredactable, exchange.endpoint());
                return Outcome.deny(refusal, "fields:output-not-redactable:" + refusal.param());
            }
        }
        GovernedFields fields = exchange.request().fields();
        String verifiedUser = exchange.caller() == null ? null : exchange.caller().userId();
        for (TextSlot slot : fields.pseudonyms()) {
            slot.set(pseudonyms.pseudonym(verifiedUser != null ? verifiedUser : slot.get()));
        }
        for (TextSlot slot : fields.keyedHashes()) {
            slot.set("k-" + keyedHash(slot.get()));
        }
        if (exchange.request().body().get("seed") instanceof com.fasterxml.jackson.databind.JsonNode seed
                && seed.isNumber()) {
            // 111222333.0 and 1.11222333E8 pass the schema's "integer" as well; hash them as the integer they spell
            exchange.request().body().put("seed", keyedSeed(seed.decimalValue().stripTrailingZeros().toPlainString()));
        }
        BoundedNumbers.apply(exchange.request().body());
        Set<String> forwarded = Set.copyOf(exchange.useCase().fieldRules().forwardMetadata());
        for (GovernedFields.MetadataEntry entry : fields.metadata()) {
            if (!forwarded.contains(entry.key())) {
                entry.owner().remove(entry.key());
            }
        }
        if (exchange.request().body().get("metadata") instanceof com.fasterxml.jackson.databind.node.ObjectNode m && m.isEmpty()) {
            exchange.request().body().remove("metadata");
        }
        return Outcome.CONTINUE;
    }

    private String keyedHash(String value) {
        return HexFormat.of().formatHex(mac("prompt_cache_key:" + value), 0, 16);
    }

    /** The same seed gives the same number, a different seed (almost always) another; int-sized for every provider. */
    private int keyedSeed(String seed) {
        byte[] h = mac("seed:" + seed);
        return ((h[0] & 0x7f) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
    }

    private byte[] mac(String value) {
        return TextHasher.copyOf(prototype, hashKey).doFinal(value.getBytes(StandardCharsets.UTF_8));
    }
}
