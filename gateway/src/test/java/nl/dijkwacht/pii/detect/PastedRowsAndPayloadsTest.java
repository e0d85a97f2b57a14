package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii45: personal data as staff paste it from a spreadsheet without its header row, from a StUF-BG (XML) or
 * zaaksysteem (JSON) answer, and under a header "Straat + nr". Examples of our own, not in the evaluation sets;
 * fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class PastedRowsAndPayloadsTest {

    @Test
    void aHeaderlessSpreadsheetRowOfAPersonGivesItsDateOfBirthAndAddress() {
        String rows = "Rozemarijn Tiemens\t07-09-1958\t111222333\tKlaproos 14\tZuidlaren\n"
                + "Bakker, H.\t1983-02-11\t123456782\tDe Kolk 3-II\tVries";
        assertThat(found(rows, EntityType.DATE_OF_BIRTH)).containsExactly("07-09-1958", "1983-02-11");
        assertThat(found(rows, EntityType.ADDRESS)).containsExactly("Klaproos 14", "De Kolk 3-II");
    }

    @Test
    void underAHeaderRowTheColumnNamesDecide() {
        String withHeader = "Naam\tDatum intake\tBSN\tLocatie\n"
                + "Rozemarijn Tiemens\t07-09-2026\t111222333\tGebouw 2";
        assertThat(found(withHeader, EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found(withHeader, EntityType.ADDRESS)).isEmpty();
        String noPerson = "Gebouw 2\t07-09-1958\tvergaderzaal\nGebouw 3\t08-09-1958\tkantine";
        assertThat(found(noPerson, EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found(noPerson, EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void stufBgXmlElementsAreReadAsKeyedValues() {
        String xml = """
                <BG:object StUF:entiteittype="NPS">
                  <BG:inp.bsn>111222333</BG:inp.bsn>
                  <BG:geslachtsnaam>Tiemens</BG:geslachtsnaam>
                  <BG:voorletters>R.J.</BG:voorletters>
                  <BG:verblijfsadres>
                    <BG:gor.openbareRuimteNaam>Klaproos</BG:gor.openbareRuimteNaam>
                    <BG:aoa.huisnummer>14</BG:aoa.huisnummer>
                    <BG:wpl.woonplaatsNaam>Zuidlaren</BG:wpl.woonplaatsNaam>
                  </BG:verblijfsadres>
                </BG:object>""";
        assertThat(found(xml, EntityType.PERSON)).containsExactly("Tiemens", "R.J.");
        assertThat(found(xml, EntityType.ADDRESS)).containsExactly("Klaproos");
    }

    @Test
    void stufEntityPrefixesLeaveTheKeyBehindThem() {
        assertThat(FieldKeys.normalise("wpl.woonplaatsNaam")).isEqualTo("woonplaats naam");
        assertThat(FieldKeys.normalise("gor.openbareRuimteNaam")).isEqualTo("openbare ruimte naam");
        assertThat(FieldKeys.normalise("geb.datum")).isEqualTo("geb.datum");
        String json = "{\"verblijfsadres\": {\"gor.openbareRuimteNaam\": \"Klaproos\", \"aoa.huisnummer\": 14,"
                + " \"wpl.woonplaatsNaam\": \"Zuidlaren\"}}";
        assertThat(found(json, EntityType.ADDRESS)).containsExactly("Klaproos");
        assertThat(found(json, EntityType.PERSON)).isEmpty();
    }

    @Test
    void aStreetAndNumberHeaderWithAPlusIsAKey() {
        String table = "Achternaam\tVrl.\tGebdat\tStraat + nr\n"
                + "Tiemens\tR.J.\t07-09-1958\tKlaproos 14";
        assertThat(found(table, EntityType.ADDRESS)).containsExactly("Klaproos 14");
        assertThat(found(table, EntityType.DATE_OF_BIRTH)).containsExactly("07-09-1958");
    }
}
