package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.junit.jupiter.api.Test;

/**
 * review48: round 14 took a few capitalised words in quotes for a title ({@link PersonNameRuns}), so quoting the person
 * a text is about turned their special-category data into an allowed text. A known given name or surname in quotes is a person's.
 * Invented texts, judged by the shipped guard with the shipped thresholds.
 */
class QuotedNamesTest {

    private static Verdict judge(String text) {
        return LayeredGuardFixture.GUARD.judge(List.of(text), LayeredGuardFixture.RULES,
                PurposeGuardPolicy.DEFAULTS, null).verdict();
    }

    @Test
    void aPersonInQuotesIsStillThatPerson() {
        for (String text : List.of(
                "Mail aan 'Tim en Bas Verhoef' (twee vaders) over wat ze moeten meenemen voor de geboorteaangifte.",
                "Schrijf een kort bedankje voor 'Karin Smits', die namens de FNV het sociaal plan mee heeft onderhandeld.")) {
            assertThat(judge(text)).as(text).isEqualTo(Verdict.PERSONAL_SPECIAL_CATEGORY);
        }
        assertThat(PersonNameRuns.anyPersonName("een bedankje voor 'Karin Smits' van de ondernemingsraad")).isTrue();
    }

    @Test
    void aQuotedTitleStaysATitle() {
        assertThat(PersonNameRuns.anyPersonName("het raadsvoorstel 'Veilig Thuis-aanpak' voor de commissie")).isFalse();
        assertThat(PersonNameRuns.anyPersonName("de campagne \"Samen Sterk\" voor mantelzorgers")).isFalse();
    }
}
