package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Identifier rules of the third forms round (issue 11), each with examples of our own that are not in the evaluation
 * set: streets without a street ending, forms with several fields on a line or dot leaders, Dutch amounts in CSV,
 * birth-date cues in other languages and the death mark, phone numbers grouped 3-2-2-2, foreign passports and
 * bilingual months. Fictitious data only.
 */
class StreetsFieldsAndCuesTest {

    @Test
    void aStreetWithoutAStreetEndingAfterAResidencePhraseOrBeforeAPostcode() {
        assertThat(found("wij wonen op lage vuursche 12 sinds mei", EntityType.ADDRESS)).contains("lage vuursche 12");
        assertThat(found("de heer, wonende Kraaiennest 7 te Lelystad", EntityType.ADDRESS)).contains("Kraaiennest 7");
        assertThat(found("post graag naar esdoornhout 3, 3581 KL Utrecht", EntityType.ADDRESS)).contains("esdoornhout 3");
        // not a street: a room or page number, and no residence phrase or postcode
        assertThat(found("ik woon op kamer 12 in het gebouw", EntityType.ADDRESS)).isEmpty();
        assertThat(found("Zie pagina 4 voor het overzicht.", EntityType.ADDRESS)).isEmpty();
        assertThat(found("Het Nieuwe Diep 40 jaar open!", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void aDateAfterAStreetLikeWordIsNoHouseNumber() {
        assertThat(found("Na de Bijeenkomst 3-10-2025 volgt een verslag.", EntityType.ADDRESS)).isEmpty();
        assertThat(found("Wij wonen aan de Kerkring 3-1.", EntityType.ADDRESS)).contains("Kerkring 3-1");
    }

    @Test
    void formsWithSeveralFieldsOnALineAndDotLeaders() {
        String form = "Naam: Verhoeff    Voorletters: K.L.\nGeb.datum: 3-3-1971\tTel: 0612345678\n"
                + "Werkgever .......... Bakkerij Jan Dekker\nGeboortedatum ..... 14 - 02 - 1988";
        assertThat(found(form, EntityType.PERSON)).contains("Verhoeff", "K.L.").doesNotContain("Jan Dekker");
        assertThat(found(form, EntityType.DATE_OF_BIRTH)).contains("3-3-1971", "14 - 02 - 1988");
        assertThat(found("Achternaam        : OKONKWO", EntityType.PERSON)).contains("OKONKWO");
    }

    @Test
    void dutchAmountsInACsvRowDoNotShiftTheColumns() {
        String csv = "relatienr,naam,saldo,datum\n999904413,M. de Kort,45,50,2025-11-01\n999901308,S. Biharie,1.200,00,2025-11-02";
        assertThat(found(csv, EntityType.BSN)).isEmpty();
        assertThat(found(csv, EntityType.PERSON)).contains("M. de Kort", "S. Biharie");
    }

    @Test
    void birthCuesInOtherLanguagesAndTheDeathMark() {
        assertThat(found("Nombre: Lucía Ortega, fecha de nacimiento 03/11/1992", EntityType.DATE_OF_BIRTH))
                .contains("03/11/1992");
        assertThat(found("Geburtsdatum 21.04.1979", EntityType.DATE_OF_BIRTH)).contains("21.04.1979");
        assertThat(found("In memoriam Gerrit Veldkamp, * 2 mei 1940 † 9 juni 2025", EntityType.DATE_OF_BIRTH))
                .containsExactly("2 mei 1940");
        assertThat(found("gebdat 1988-06-30", EntityType.DATE_OF_BIRTH)).contains("1988-06-30");
    }

    @Test
    void phoneWithoutLeadingZeroGroupedThreeTwoTwoTwo() {
        assertThat(found("tel 623 45 67 89 na vijven", EntityType.PHONE)).contains("623 45 67 89");
        assertThat(found("zaaknummer 623 45 67 89", EntityType.PHONE)).isEmpty();
    }

    @Test
    void foreignPassportNumbersAndBilingualMonths() {
        assertThat(found("my passport number is K12345678, valid until 2030", EntityType.ID_DOCUMENT))
                .contains("K12345678");
        assertThat(found("bestelling K12345678 is verzonden", EntityType.ID_DOCUMENT)).isEmpty();
        assertThat(found("Geboortedatum 07 OKT/OCT 1979", EntityType.DATE_OF_BIRTH)).contains("07 OKT/OCT 1979");
    }

    @Test
    void columnsThatNameAnApplicationOrASupplierRuleOut() {
        String table = "| aanvraag | ingediend | leverancier |\n|---|---|---|\n| 999904413 | 2025-01-02 | Van Schaik |";
        assertThat(found(table, EntityType.BSN)).isEmpty();
        assertThat(found(table, EntityType.PERSON)).isEmpty();
        assertThat(found("{\"adres\": {\"straat\": \"Dorpsweg 4\", \"plaats\": \"Stiens\"}}", EntityType.ADDRESS))
                .containsExactly("Dorpsweg 4");
    }
}
