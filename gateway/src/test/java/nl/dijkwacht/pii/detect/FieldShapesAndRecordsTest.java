package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii48b: identifiers and birth dates under their column or key in the shapes held-out-6, -9, -10, -12, -13 and -14
 * wrote them, the IND's file number in a resident's mail, and the street of a monument inside a person's record.
 * Examples of our own, not in the evaluation sets; fictitious data only.
 */
class FieldShapesAndRecordsTest {

    @Test
    void aVNumberColumnOrKeyKeepsItsVNumbersAlsoWithAV() {
        String table = """
                Naam\tGeboren\tNationaliteit\tV-nummer\tLocatie
                Tesfay, Samuel\t00-00-1996\tEritrese\tV 2210 4471\tAZC Assen
                Rahimi, Wali\t12-01-1988\tAfghaanse\t2210447188\tHotel De Brink""";
        assertThat(found(table, EntityType.V_NUMBER)).containsExactly("V 2210 4471", "2210447188");
        assertThat(found("{\"naam\":\"lima, ana\",\"vnr\":\"3310297746\",\"land\":\"BRA\"}", EntityType.V_NUMBER))
                .containsExactly("3310297746");
        assertThat(found("Bonjour, notre numéro de dossier à l'IND est 3310297746. Merci.", EntityType.V_NUMBER))
                .containsExactly("3310297746");
    }

    @Test
    void aBirthDateColumnOrKeyKeepsAYearAloneAnExcelSerialAndAnAmericanDate() {
        String table = """
                Naam\tBSN\tGeboortedatum\tTrajectnr
                Pieters, Joost\t999900018\t32511\tPW-20017
                Hakimi, Wali\t999900031\t1987\tPW-20018""";
        assertThat(found(table, EntityType.DATE_OF_BIRTH)).containsExactly("32511", "1987");
        assertThat(found("{\"lastName\":\"Alves\",\"birthDate\":\"07/23/1984\",\"city\":\"Porto\"}",
                EntityType.DATE_OF_BIRTH)).containsExactly("07/23/1984");
        assertThat(found("{\"geboortedatum\":{\"dag\":7,\"maand\":3,\"jaar\":1984,\"datum\":\"1984-03-07\"}}",
                EntityType.DATE_OF_BIRTH)).containsExactly("1984-03-07");
    }

    @Test
    void theStreetOfAMonumentInAPersonsRecordIsNoAddressButAPersonsStreetIs() {
        String request = "{\"body\":{\"Aanvrager\":\"Lisa Bos\",\"Geboortedatum\":\"1990-04-30\","
                + "\"Monument\":\"Molen De Hoop\",\"Adres\":\"Molenstraat\",\"Bedrag\":7500}}";
        assertThat(found(request, EntityType.ADDRESS)).isEmpty();
        String person = "{\"aanvrager\":{\"naam\":\"Lisa Bos\",\"adres\":\"Molenstraat\",\"woonplaats\":\"Assen\"}}";
        assertThat(found(person, EntityType.ADDRESS)).containsExactly("Molenstraat");
    }

    /** A StUF entity prefix glued on in camelCase ("gorOpenbareRuimteNaam" beside "aoaHuisnummer") still goes. */
    @Test
    void aStufPrefixInCamelCaseLeavesTheStreetBesideItsHouseNumber() {
        String answer = "{\"wplWoonplaatsNaam\":\"Zwolle\",\"gorOpenbareRuimteNaam\":\"Populierstraat\","
                + "\"aoaHuisnummer\":21,\"inpBsn\":\"999900043\"}";
        assertThat(found(answer, EntityType.ADDRESS)).containsExactly("Populierstraat");
        assertThat(FieldKeys.normalise("gorOpenbareRuimteNaam")).isEqualTo("openbare ruimte naam");
    }

    @Test
    void aDocumentNumberAfterKopieIdIsAnIdDocument() {
        assertThat(found("we missen nog een kopie id (NPR4K8T27 stond op het formulier) van meneer", EntityType.ID_DOCUMENT))
                .containsExactly("NPR4K8T27");
    }
}
