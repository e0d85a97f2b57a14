package nl.dijkwacht.policy;

import java.time.Duration;

/**
 * How the layered purpose guard decides for one use-case (use-case field {@code purpose-guard},
 * docs/policy-reference.md). Between {@code allowBelow} and {@code refuseAt} the classifier is unsure about a
 * forbidden purpose, between {@code topicBelow} and {@code personalAt} about special-category data: the guard model
 * is asked when the use-case names one; otherwise the classifier decides at {@code decideAt} — except that a
 * special-category term is never treated as a mere topic while unsure (the exemption never fails open).
 *
 * @param refuseAt        forbidden-purpose score at or above which the request is refused without asking further
 * @param allowBelow      forbidden-purpose score below which the request is not refused — a rule (regular expression)
 *                        hit with a score this low is overruled as a near miss
 * @param personalAt      personal-special-category score at or above which the data counts as a person's
 * @param topicBelow      personal score below which a special-category term counts as a topic only
 * @param decideAt        the cut in the unsure band on the forbidden-purpose score when there is no guard model
 * @param personalWithoutTermAt personal score needed when the special-category term list found no term (the classifier
 *                        alone: union membership, "op meisjes valt"); the higher of this and {@code personalAt} applies,
 *                        so an ordinary prompt with a name or a BSN is not taken for special-category data
 * @param verdictOnCasesAt forbidden-purpose score in the unsure band, without a guard model, from which a request that
 *                        asks for a verdict on concrete cases (decide, choose, rank, score — on named or listed persons,
 *                        rows, "deze aanvraag") is refused; a request that asks for none and is about policy or rules is
 *                        then allowed below {@code refuseAt}
 * @param personalNamedAt personal score from which a named person (a form of address or two-word name) together with a
 *                        special-category word counts as that person's data
 * @param topicUnnamedBelow personal score below which a listed special-category term without a named person is a topic
 * @param domainVerdictAt forbidden-purpose score from which, without a guard model, a request that asks for a verdict on
 *                        concrete cases in a forbidden purpose's domain (benefits and provisions, applicants, fraud and
 *                        enforcement) and is not about policy or rules is refused — over the whole range, also below
 *                        {@code allowBelow}; {@code 0.0} (the default since the sixth round) applies it over the whole
 *                        range, {@code 1.0} switches it off (docs/pii-evaluation.md, "Sixth round")
 * @param guardModel      model id (models-config, {@code role: guard}) asked when unsure; {@code null} = none
 * @param guardBudget     how long the guard model may take, all attempts together
 * @param onGuardFailure  forbidden-purpose question when the guard model times out or fails: refuse (default) or allow.
 *                        The special-category question always fails closed.
 */
public record PurposeGuardPolicy(double refuseAt, double allowBelow, double personalAt, double topicBelow, double decideAt,
                                 double personalWithoutTermAt, double verdictOnCasesAt, double personalNamedAt,
                                 double topicUnnamedBelow, double domainVerdictAt, String guardModel, Duration guardBudget, FailureOutcome onGuardFailure) {

    public enum FailureOutcome { REFUSE, ALLOW }

    public static final PurposeGuardPolicy DEFAULTS = new PurposeGuardPolicy(0.80, 0.25, 0.30, 0.30, 0.65, 0.50, 0.45, 0.10, 0.55, 0.0, null,
            Duration.ofMillis(1500), FailureOutcome.REFUSE);

    public PurposeGuardPolicy {
        check("allow-below", allowBelow);
        check("refuse-at", refuseAt);
        check("personal-at", personalAt);
        check("topic-below", topicBelow);
        check("decide-at", decideAt);
        check("personal-without-term-at", personalWithoutTermAt);
        check("verdict-on-cases-at", verdictOnCasesAt);
        check("personal-named-at", personalNamedAt);
        check("topic-unnamed-below", topicUnnamedBelow);
        check("domain-verdict-at", domainVerdictAt);
        if (allowBelow > refuseAt) {
            throw new IllegalArgumentException("allow-below moet kleiner zijn dan of gelijk aan refuse-at");
        }
        if (topicBelow > personalAt) {
            throw new IllegalArgumentException("topic-below moet kleiner zijn dan of gelijk aan personal-at");
        }
        guardBudget = guardBudget == null ? Duration.ofMillis(1500) : guardBudget;
        onGuardFailure = onGuardFailure == null ? FailureOutcome.REFUSE : onGuardFailure;
    }

    public PurposeGuardPolicy withThresholds(double refuseAt, double allowBelow, double personalAt, double topicBelow, double decideAt,
                                             double personalWithoutTermAt) {
        return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, personalWithoutTermAt, verdictOnCasesAt,
                personalNamedAt, topicUnnamedBelow, domainVerdictAt, guardModel, guardBudget, onGuardFailure);
    }

    /** The fifth-round thresholds (purpose factors, a named person with a special-category word). */
    public PurposeGuardPolicy withFactorThresholds(double verdictOnCasesAt, double personalNamedAt, double topicUnnamedBelow) {
        return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, personalWithoutTermAt, verdictOnCasesAt,
                personalNamedAt, topicUnnamedBelow, domainVerdictAt, guardModel, guardBudget, onGuardFailure);
    }

    /** The domain step over the whole score range ({@code domain-verdict-at}; 1.0 switches it off). */
    public PurposeGuardPolicy withDomainVerdictAt(double domainVerdictAt) {
        return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, personalWithoutTermAt, verdictOnCasesAt,
                personalNamedAt, topicUnnamedBelow, domainVerdictAt, guardModel, guardBudget, onGuardFailure);
    }

    public PurposeGuardPolicy withGuardModel(String model, Duration budget, FailureOutcome onFailure) {
        return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, personalWithoutTermAt, verdictOnCasesAt,
                personalNamedAt, topicUnnamedBelow, domainVerdictAt, model, budget, onFailure);
    }

    /** The personal score at which the text counts as a person's special-category data, with or without a listed term. */
    public double personalAt(boolean termFound) {
        return termFound ? personalAt : Math.max(personalAt, personalWithoutTermAt);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " moet tussen 0 en 1 liggen");
        }
    }
}
