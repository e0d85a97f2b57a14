package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii47: cells of pasted tables that are not personal data — the dates of an absence or a wedding under their own
 * column names, numbered column names, and a firm's street — stay intact, while the birth dates and addresses beside
 * them are still found. Examples of our own, not in the evaluation sets; fictitious data only.
 */
class TableCellPrecisionTest {

    @Test
    void aHeaderRowWithAHealthWordIsStillAHeaderSoItsDateColumnsAreNoBirthDates() {
        String absence = """
                Personeelsnr\tMedewerker\tZiek sinds\tHersteld per\tTelefoon
                40112233\tWillems, Anouk\t03-02-2025\t17-02-2025\t06-12345678
                40112234\tGroot, Pieter de\t10-03-2025\t24-03-2025\t06-87654321""";
        assertThat(found(absence, EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found(absence, EntityType.PERSON)).containsExactly("Willems, Anouk", "Groot, Pieter de");
    }

    @Test
    void aNumberedColumnNameIsNoAddressAndTheBirthDatesUnderItsHeaderAreFound() {
        String weddings = """
                Datum\tPartner 1\tGeb. partner 1\tPartner 2\tGeb. partner 2\tLocatie
                2025-06-14\tSanne Visser\t1993-05-02\tDaan Mulder\t1991-11-23\tTrouwzaal""";
        assertThat(found(weddings, EntityType.ADDRESS)).isEmpty();
        assertThat(found(weddings, EntityType.DATE_OF_BIRTH)).containsExactly("1993-05-02", "1991-11-23");
    }

    @Test
    void onAHeaderlessRowOnlyTheEarliestDateIsTheBirthDate() {
        String rows = """
                Z-2025-000311\tYılmaz, Elif\t15-03-1983\t02-09-2019\tKlaproos 14
                Z-2025-000312\tBakker, H. de\t04-01-2020\t11-02-1983\tDe Kolk 3-II""";
        assertThat(found(rows, EntityType.DATE_OF_BIRTH)).containsExactly("15-03-1983", "11-02-1983");
        assertThat(found(rows, EntityType.ADDRESS)).containsExactly("Klaproos 14", "De Kolk 3-II");
    }

    @Test
    void aStreetAloneOnAFirmsRowIsNoAddressOnAPersonsRowItIs() {
        String debtors = """
                Debiteurnr\tNaam\tAdres\tPlaats
                88123\tGarage Bos B.V.\tIndustrieweg\tAssen
                88124\tStichting De Brug\tMarktplein\tAssen
                88125\tJansen, P.\tDorpsstraat\tAssen""";
        assertThat(found(debtors, EntityType.ADDRESS)).containsExactly("Dorpsstraat");
    }

    /** pii47b: each person on a headerless row keeps their birth date, not only the row's earliest. */
    @Test
    void onAHeaderlessRowWithTwoPeopleEachKeepsTheirBirthDate() {
        String couple = "Z-2025-000411\tSanne Visser\t02-05-1993\tDaan Mulder\t23-11-1991\tKlaproos 14";
        assertThat(found(couple, EntityType.DATE_OF_BIRTH)).containsExactly("02-05-1993", "23-11-1991");
        String parentAndChild = "Bakker, Anouk\t12-04-1985\tkind: Bakker, Tim\t03-09-2015";
        assertThat(found(parentAndChild, EntityType.DATE_OF_BIRTH)).containsExactly("12-04-1985", "03-09-2015");
    }

    /** pii47b: a firm in an employer column does not make a person's row a firm's: the bare street stays an address. */
    @Test
    void aPersonsRowWithAnEmployerColumnKeepsTheBareStreet() {
        String clients = """
                Klantnr\tNaam\tAdres\tPlaats\tWerkgever
                10234\tJansen, Piet\tDorpsstraat\tAssen\tBakkerij Smid B.V.
                10235\tGarage Bos B.V.\tIndustrieweg\tAssen\t""";
        assertThat(found(clients, EntityType.ADDRESS)).containsExactly("Dorpsstraat");
    }
}
