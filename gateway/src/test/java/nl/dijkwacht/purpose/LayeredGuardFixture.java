package nl.dijkwacht.purpose;

import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * The guard, the default pack's rules and the thresholds shared by the tests of the layered guard's steps (one test class
 * per step: {@link LayeredPurposeGuardVerdictOnCasesTest}, {@link LayeredPurposeGuardDomainStepTest},
 * {@link LayeredPurposeGuardNamedPersonTest}, {@link LayeredPurposeGuardTopicStepTest},
 * {@link LayeredPurposeGuardProvisionLetterTest}).
 */
final class LayeredGuardFixture {

    static final LayeredPurposeGuard GUARD = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
    static final List<ForbiddenPurpose> RULES = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
    /** The whole range is the unsure band, decide-at never refuses and the domain step is off: only the factor step can. */
    static final PurposeGuardPolicy BAND = PurposeGuardPolicy.DEFAULTS.withThresholds(1.0, 0.0, 0.30, 0.30, 1.0, 0.50)
            .withDomainVerdictAt(1.0);

    private LayeredGuardFixture() {
    }

    static Verdict judge(String text, PurposeGuardPolicy policy) {
        return GUARD.judge(List.of(text), RULES, policy, null).verdict();
    }
}
