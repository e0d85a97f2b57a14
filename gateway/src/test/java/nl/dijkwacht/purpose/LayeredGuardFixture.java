package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;

/**
 * The guard, the default pack's rules and the thresholds shared by the tests of the layered guard's steps (one test class
 * per step: {@link LayeredPurposeGuardVerdictOnCasesTest}, {@link LayeredPurposeGuardDomainStepTest},
 * {@link LayeredPurposeGuardNamedPersonTest}, {@link LayeredPurposeGuardTopicStepTest},
 * {@link LayeredPurposeGuardProvisionLetterTest}, {@link LayeredPurposeGuardStaffKindsTest},
 * {@link LayeredPurposeGuardMessageScopeTest}).
 */
final class LayeredGuardFixture {

    static final LayeredPurposeGuard GUARD = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
    static final List<ForbiddenPurpose> RULES = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
    /** The whole range is the unsure band, decide-at never refuses and the domain step is off: only the factor step can. */
    static final PurposeGuardPolicy BAND = PurposeGuardPolicy.DEFAULTS.withThresholds(1.0, 0.0, 0.30, 0.30, 1.0, 0.50)
            .withDomainVerdictAt(1.0);

    /** The classifier and the other steps never refuse as personal: only the named-person step can (its thresholds per test). */
    static final PurposeGuardPolicy NAMED_STEP_ONLY = PurposeGuardPolicy.DEFAULTS.withThresholds(0.80, 0.25, 1.0, 1.0, 0.65, 1.0);

    private LayeredGuardFixture() {
    }

    static Verdict judge(String text, PurposeGuardPolicy policy) {
        return GUARD.judge(List.of(text), RULES, policy, null).verdict();
    }

    /** The messages joined, judged with the shipped thresholds. */
    static Verdict judgeShipped(String... messages) {
        return GUARD.judge(List.of(messages), RULES, PurposeGuardPolicy.DEFAULTS, null).verdict();
    }

    /** Each text is a named person's special-category data by the named-person step, and only by it (off: allowed). */
    static void assertNamedPersonsData(String... texts) {
        for (String text : texts) {
            assertThat(judge(text, NAMED_STEP_ONLY.withFactorThresholds(0.45, 0.0, 0.0))).as(text).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
            assertThat(judge(text, NAMED_STEP_ONLY.withFactorThresholds(0.45, 1.0, 0.0))).as(text).isEqualTo(Verdict.ALLOWED);
        }
    }

    /** Each text stays allowed with the named-person step on. */
    static void assertNoNamedPersonsData(String... texts) {
        for (String text : texts) {
            assertThat(judge(text, NAMED_STEP_ONLY.withFactorThresholds(0.45, 0.0, 0.0))).as(text).isEqualTo(Verdict.ALLOWED);
        }
    }
}
