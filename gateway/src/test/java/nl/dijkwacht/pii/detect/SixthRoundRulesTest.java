package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import org.junit.jupiter.api.Test;

/**
 * Rules of the sixth forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only.
 */
class SixthRoundRulesTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();

    private static List<String> found(String text, EntityType type) {
        return ENGINE.detect(text).stream().filter(f -> f.type() == type)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void objectionAndWozNumbersAreNoBsn() {
        assertThat(found("Onderwerp: WOZ-bezwaar 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("Uw bezwaar staat geregistreerd onder nummer 111222333.", EntityType.BSN)).isEmpty();
        assertThat(found("{\"bezwaar\": \"111222333\"}", EntityType.BSN)).isEmpty();
        assertThat(found("bezwaarmaakster mw. Kok, bsn 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void englishVNumberCue() {
        assertThat(found("his V-number 1234 5678 90 is on the letter", EntityType.V_NUMBER)).containsExactly("1234 5678 90");
    }

    @Test
    void birthDatesCompactOrWithAnApostropheYearButNoChatTimeStamps() {
        assertThat(found("dit is ruben kok geb 17031988, klopt dat?", EntityType.DATE_OF_BIRTH)).containsExactly("17031988");
        assertThat(found("ik ben geboren op 12-05-'71 in Delft", EntityType.DATE_OF_BIRTH)).containsExactly("12-05-'71");
        assertThat(found("wat is je geboortedatum?\n[03-11-26 14:02:11] Kees: 111222333", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(StructuredIdentifiers.timeFollows("03-11-26 14:02", 8)).isTrue();
        assertThat(StructuredIdentifiers.timeFollows("03-11-1960 in", 10)).isFalse();
    }

    @Test
    void roleAndDepartmentMailboxes() {
        assertThat(found("Aan: penningmeester@hockeyclub-oost.nl, bag@gemeente.nl en herstel@gemeente.nl",
                EntityType.EMAIL)).isEmpty();
        assertThat(found("Aan: j.dekker@hockeyclub-oost.nl", EntityType.EMAIL)).containsExactly("j.dekker@hockeyclub-oost.nl");
    }

    @Test
    void organisationsNamedAfterPeople() {
        assertThat(found("De bijzetting is op Begraafplaats Jan Hendrik Kamp.", EntityType.PERSON)).isEmpty();
        assertThat(found("De bijeenkomst is in Zaal Marie Curie op de tweede verdieping.", EntityType.PERSON)).isEmpty();
        assertThat(found("Het gebed is in Moskee Omar Farouk aan de kade.", EntityType.PERSON)).isEmpty();
        assertThat(found("De kist komt van Uitvaartzorg Van den Berg uit Zwolle.", EntityType.PERSON)).isEmpty();
        assertThat(found("Met vriendelijke groet,\nmr. P. Hazelhoff\nHazelhoff Advocatuur", EntityType.PERSON))
                .containsExactly("P. Hazelhoff");
        assertThat(found("Het uitzendbureau Karel Workforce belde.", EntityType.PERSON)).isEmpty();
    }
}
