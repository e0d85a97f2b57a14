package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import org.junit.jupiter.api.Test;

/**
 * The ordinary traffic the trainer can add ({@link OrdinaryTraffic}) is what it claims to be: allowed texts that name no
 * special category and ask for no forbidden purpose — else training on it as {@code toegestaan} would teach the
 * classifier to let such texts through — and the same samples on every run (training stays reproducible).
 */
class OrdinaryTrafficTest {

    @Test
    void everySampleIsAllowedWithoutASpecialCategoryTermOrAForbiddenRule() {
        List<PurposeCorpus.Sample> samples = OrdinaryTraffic.generate(OrdinaryTraffic.CHECKED);
        SpecialCategoryRecognizer terms = new SpecialCategoryRecognizer();
        List<ForbiddenPurpose> rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        assertThat(samples).hasSize(OrdinaryTraffic.CHECKED).allSatisfy(s -> assertThat(s.category()).isEqualTo(PurposeClassifier.ALLOWED));
        // counts only, so that a failure names the kind of text, not thousands of samples
        assertThat(samples.stream().filter(s -> !terms.find(s.text()).isEmpty()).map(PurposeCorpus.Sample::text).limit(3).toList())
                .as("samples with a special-category term").isEmpty();
        assertThat(samples.stream().filter(s -> rules.stream().anyMatch(r -> r.matches(s.text()))).map(PurposeCorpus.Sample::text).limit(3).toList())
                .as("samples a forbidden-purpose rule matches").isEmpty();
    }

    @Test
    void theSamplesAreTheSameOnEveryRun() {
        assertThat(OrdinaryTraffic.generate(500)).isEqualTo(OrdinaryTraffic.generate(500));
        assertThat(OrdinaryTraffic.generate(500).stream().map(PurposeCorpus.Sample::text).distinct().count()).isGreaterThan(300);
    }
}
