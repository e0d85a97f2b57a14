package nl.dijkwacht.purpose;

import static nl.dijkwacht.purpose.LayeredGuardFixture.judge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.Test;

/**
 * The topic step ({@code topic-unnamed-below}, fifth round on): a listed term or special-category word without a named
 * person is a topic below the threshold, unless one person is pointed at by role or pronoun.
 * Thresholds leave only the step under test deciding ({@link LayeredGuardFixture}).
 */
class LayeredPurposeGuardTopicStepTest {

    @Test
    void aListedTermWithoutANamedPersonIsATopicBelowTopicUnnamedBelow() {
        String topic = "Schrijf een nieuwsbericht over de griepprik en diabetes voor de website.";
        PurposeGuardPolicy always = PurposeGuardPolicy.DEFAULTS.withThresholds(0.80, 0.25, 0.0, 0.0, 0.65, 0.0);
        assertThat(judge(topic, always.withFactorThresholds(0.45, 1.0, 0.0))).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
        assertThat(judge(topic, always.withFactorThresholds(0.45, 1.0, 1.0))).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void onePersonReferredToByRoleIsNoTopicWhateverTopicUnnamedBelow() {
        // personal-at 0.0: a text that is not exempted as a topic counts as a person's data
        PurposeGuardPolicy always = PurposeGuardPolicy.DEFAULTS.withThresholds(0.80, 0.25, 0.0, 0.0, 0.65, 0.0);
        for (String role : List.of("Cliënt heeft last van depressie en gebruikt medicatie.",
                "Notitie: mevrouw zelf is ziek en heeft diabetes, ze kan niet komen.",
                "Maak een mail: mijn collega heeft kanker en werkt tijdelijk minder.")) {
            assertThat(judge(role, always.withFactorThresholds(0.45, 1.0, 1.0))).as(role).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
        }
        String topic = "Maak een aankondiging van de ledenvergadering van de vakbond voor alle belangstellenden.";
        assertThat(judge(topic, always.withFactorThresholds(0.45, 1.0, 1.0))).isEqualTo(Verdict.ALLOWED);
        assertThat(PurposeGuardPolicy.DEFAULTS.topicUnnamedBelow()).as("seventh-round default").isEqualTo(0.55);
        assertThat(PurposeGuardPolicy.DEFAULTS.personalNamedAt()).as("eighth-round default").isEqualTo(0.10);
    }

    @Test
    void aSpecialWordWithoutANamedPersonIsATopicBelowTopicUnnamedBelowUnlessAPronounPointsAtSomeone() {
        PurposeGuardPolicy always = PurposeGuardPolicy.DEFAULTS.withThresholds(0.80, 0.25, 0.0, 0.0, 0.65, 0.0);
        String topic = "Zoek landelijke cijfers over hoe vaak homo's op het werk worden gepest, voor een notitie.";
        assertThat(judge(topic, always.withFactorThresholds(0.45, 1.0, 1.0))).isEqualTo(Verdict.ALLOWED);
        assertThat(judge(topic, always.withFactorThresholds(0.45, 1.0, 0.0))).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
        assertThat(judge("hij valt op mannen", always.withFactorThresholds(0.45, 1.0, 1.0))).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
    }
}
