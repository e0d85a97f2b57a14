package nl.dijkwacht.pipeline;

import java.util.Locale;

/**
 * The purpose guard's decision on one request as the audit record and /admin/explain keep it (issue 10): the verdict
 * ({@code allowed}, {@code special-category-topic}, {@code personal-special-category} or
 * {@code forbidden-purpose:<purpose id>}), the layer that made it ({@code rules}, {@code classifier},
 * {@code guard-model}, {@code guard-unavailable}) and its score, rounded to two decimals. Never any text.
 */
public record PurposeDecision(String verdict, String layer, double score) {

    public PurposeDecision {
        score = Math.round(score * 100) / 100.0;
    }

    /** {@code verdict/layer/score}, e.g. {@code forbidden-purpose:besluit-uitkering/classifier/0.93}. */
    public String summary() {
        return verdict + "/" + layer + "/" + String.format(Locale.ROOT, "%.2f", score);
    }
}
