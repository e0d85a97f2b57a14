package nl.dijkwacht.policy;

import java.time.Duration;
import java.util.Locale;

/** A use-case's {@code purpose-guard:} block (thresholds, guard model, its budget and failure outcome). */
final class PurposeGuardReader {

    private PurposeGuardReader() {
    }

    /**
     * The use-case's {@code purpose-guard:} over {@link PurposeGuardPolicy#DEFAULTS}: every field left out keeps its
     * default. The schema checks each value; the relations between them (allow-below ≤ decide-at ≤ refuse-at,
     * topic-below ≤ personal-at) are checked here.
     */
    static PurposeGuardPolicy read(YamlDocument doc, PolicyFiles.PurposeGuardSection raw, Problems problems) {
        PurposeGuardPolicy d = PurposeGuardPolicy.DEFAULTS;
        if (raw == null) {
            return d;
        }
        double refuseAt = raw.refuseAt() == null ? d.refuseAt() : raw.refuseAt();
        double allowBelow = raw.allowBelow() == null ? d.allowBelow() : raw.allowBelow();
        double personalAt = raw.personalAt() == null ? d.personalAt() : raw.personalAt();
        double topicBelow = raw.topicBelow() == null ? d.topicBelow() : raw.topicBelow();
        double decideAt = raw.decideAt() == null ? d.decideAt() : raw.decideAt();
        double withoutTerm = raw.personalWithoutTermAt() == null ? d.personalWithoutTermAt() : raw.personalWithoutTermAt();
        double onCases = raw.verdictOnCasesAt() == null ? d.verdictOnCasesAt() : raw.verdictOnCasesAt();
        double named = raw.personalNamedAt() == null ? d.personalNamedAt() : raw.personalNamedAt();
        double unnamed = raw.topicUnnamedBelow() == null ? d.topicUnnamedBelow() : raw.topicUnnamedBelow();
        double domain = raw.domainVerdictAt() == null ? d.domainVerdictAt() : raw.domainVerdictAt();
        if (decideAt < allowBelow || decideAt > refuseAt) {
            problems.add(doc.problem("/purpose-guard/decide-at", "decide-at (" + decideAt + ") moet tussen allow-below ("
                    + allowBelow + ") en refuse-at (" + refuseAt + ") liggen"));
        }
        Duration budget = ModelEntries.duration(doc, "/purpose-guard/guard-budget", raw.guardBudget(), d.guardBudget(), problems);
        PurposeGuardPolicy.FailureOutcome onFailure = raw.onGuardFailure() == null ? d.onGuardFailure()
                : PurposeGuardPolicy.FailureOutcome.valueOf(raw.onGuardFailure().toUpperCase(Locale.ROOT));
        try {
            return new PurposeGuardPolicy(refuseAt, allowBelow, personalAt, topicBelow, decideAt, withoutTerm, onCases, named, unnamed, domain,
                    raw.guardModel(), budget, onFailure);
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem("/purpose-guard", e.getMessage()));
            return d;
        }
    }
}
