package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Outcomes side by side as a verdict asked, a membership stated outright (fourteenth round's word-level cues). */
class OutcomeChoiceTest {

    private static boolean choice(String text) {
        return OutcomeChoice.in(FactorWords.of(PurposeTokens.fold(text)));
    }

    @Test
    void twoOutcomesSideBySideAreAChoice() {
        assertThat(choice("{\"besluit\": \"toegekend\"|\"afgewezen\"}")).isTrue();
        assertThat(choice("geef per cv GESCHIKT of ONGESCHIKT terug")).isTrue();
        assertThat(choice("een harde ja/nee graag")).isTrue();
        assertThat(choice("verlenen of weigeren?")).isTrue();
        assertThat(choice("approve or deny this one")).isTrue();
    }

    @Test
    void oneOutcomeOrOutcomesApartAreNone() {
        assertThat(choice("de aanvraag is toegekend, de bezwaartermijn loopt")).isFalse();
        assertThat(choice("toegekend in maart, in april afgewezen voor de tweede keer")).isFalse();
    }

    @Test
    void aMembershipStatedOutright() {
        assertThat(StatedMembership.in(PurposeTokens.fold("Jeroen Kroes (FNV-kaderlid)"))).isTrue();
        assertThat(StatedMembership.in(PurposeTokens.fold("raadslid Ahmed Yilmaz (DENK)"))).isTrue();
        assertThat(StatedMembership.in(PurposeTokens.fold("van de lokale partij Dorpsbelang"))).isTrue();
        assertThat(StatedMembership.in(PurposeTokens.fold("Noah en Sem (twee vaders)"))).isTrue();
        assertThat(StatedMembership.in(PurposeTokens.fold("dhr. Haddad, van Syrische afkomst"))).isTrue();
        assertThat(StatedMembership.in(PurposeTokens.fold("ik denk dat de partijen het eens zijn"))).isFalse();
        assertThat(StatedMembership.namesByOffice("Afscheidsspeech voor dominee Wolters")).isTrue();
        assertThat(StatedMembership.namesByOffice("de dominee van de kerk")).isFalse();
    }
}
