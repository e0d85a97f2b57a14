package nl.dijkwacht.purpose;

/**
 * The purpose guard's decision on one request: the verdict, the forbidden purpose (policy id) when that is the
 * verdict, the layer that decided and its score (the classifier's probability for the verdict's question, or 1/0 for
 * a guard model's answer). Holds no prompt text.
 *
 * @param specialTerm whether the special-category term list matched (the PII engine's list)
 */
public record Judgement(Verdict verdict, String purposeId, Layer layer, double score, boolean specialTerm) {

    public boolean refusesPurpose() {
        return verdict == Verdict.FORBIDDEN_PURPOSE;
    }

    /** For the audit record and /admin/explain: {@code verdict/layer/score}, e.g. {@code forbidden-purpose:besluit-uitkering/classifier/0.93}. */
    public String summary() {
        return decision().summary();
    }

    /** The decision as the audit record keeps it. */
    public nl.dijkwacht.pipeline.PurposeDecision decision() {
        String v = switch (verdict) {
            case FORBIDDEN_PURPOSE -> "forbidden-purpose:" + purposeId;
            case PERSONAL_SPECIAL_CATEGORY -> "personal-special-category";
            case ALLOWED -> specialTerm ? "special-category-topic" : "allowed";
        };
        return new nl.dijkwacht.pipeline.PurposeDecision(v, layer.auditName(), score);
    }
}
