package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Structure as context: table headers, JSON keys (also a sibling label's), labelled lines, forms without colons, lists
 * typed with dashes — which key makes a value personal data and which rules it out. Examples of our own, not in the
 * evaluation sets; fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class StructureFieldRulesTest {

    @Test
    void shortKeyCuesMatchWholeWordsOnly() {
        assertThat(KeyContext.containsWord("geb", "geb")).isTrue();
        assertThat(KeyContext.containsWord("geb datum", "geb")).isTrue();
        assertThat(KeyContext.containsWord("gebeurtenissen datum", "geb")).isFalse();
        assertThat(KeyContext.containsWord("gebouw", "geb")).isFalse();
        assertThat(KeyContext.containsWord("naam partner", "naam")).isTrue();
        assertThat(KeyContext.containsWord("geboortedatum", "geboorte")).isTrue();
        assertThat(KeyContext.containsWord("taalcafe", "taal$")).isFalse();
        assertThat(KeyContext.containsWord("taal", "taal$")).isTrue();
        // a date in a list of events under a key that merely starts like "geb" is no birth date
        String json = "{\"gebouw\": \"B\", \"gebruikers\": [{\"datum\": \"2026-03-04\"}]}";
        assertThat(found(json, EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("{\"geb\": \"1971-07-30\"}", EntityType.DATE_OF_BIRTH)).containsExactly("1971-07-30");
    }

    @Test
    void whoDidSomethingKeysAndOwnersArePersons() {
        assertThat(found("{\"ingediend_door\": \"Wendela Smit\", \"status\": \"open\"}", EntityType.PERSON))
                .containsExactly("Wendela Smit");
        assertThat(found("kvk;handelsnaam;eigenaar\n12345678;Glazenwasserij Helder;Gijs Brouwer\n", EntityType.PERSON))
                .containsExactly("Gijs Brouwer");
    }

    @Test
    void everyCellOfAColumnAndEveryObjectOfAnArrayIsReadByItsOwnKey() {
        // a key is read once per text and path (pii22): the same key under another parent is read again
        FieldRecognizer fields = new FieldRecognizer();
        String table = "naam;geb_datum;afdeling\nSanne Visser;12-03-1981;Vergunningen\nJan de Wit;1-7-1975;Zorg\n"
                + "Ravi Doerga;30-11-1969;Belastingen\n";
        assertThat(fields.find(AnalysedText.of(table))).extracting(f -> f.type() + " " + table.substring(f.start(), f.end()))
                .containsExactly("PERSON Sanne Visser", "DATE_OF_BIRTH 12-03-1981", "PERSON Jan de Wit",
                        "DATE_OF_BIRTH 1-7-1975", "PERSON Ravi Doerga", "DATE_OF_BIRTH 30-11-1969");
        String json = "[{\"department\": {\"name\": \"Vergunningen\"}, \"user\": {\"name\": \"Ravi Doerga\"}},"
                + " {\"department\": {\"name\": \"Zorg\"}, \"user\": {\"name\": \"Jan de Wit\"}}]";
        assertThat(fields.find(AnalysedText.of(json))).extracting(f -> f.type() + " " + json.substring(f.start(), f.end()))
                .containsExactly("PERSON Ravi Doerga", "PERSON Jan de Wit");
    }

    @Test
    void aUnitOrCreditorKeyRulesOutAPerson() {
        assertThat(found("{\"department\": {\"name\": \"Vergunningen\"}, \"user\": {\"name\": \"Ravi Doerga\"}}",
                EntityType.PERSON)).containsExactly("Ravi Doerga");
        assertThat(found("schuldeiser;bedrag\nBram Hoekstra Incasso;120,00\n", EntityType.PERSON)).isEmpty();
        // a label speaks for its first sentence only
        assertThat(found("Schuldeiser: de woningcorporatie (huur). Gesprek met mevr. Kanhai op vrijdag.",
                EntityType.PERSON)).containsExactly("Kanhai");
    }

    @Test
    void formsWithoutColonsAndDottedCapitalI() {
        String scan = "Naam / Surname          YILDIRIM\nVoornamen / Given names   ZEYNEP İLAYDA\nBetrokkene   0KONKWO, EMEKA\n";
        assertThat(found(scan, EntityType.PERSON)).contains("YILDIRIM", "ZEYNEP İLAYDA", "0KONKWO, EMEKA");
        assertThat(AnalysedText.lowerSameLength("İLAYDA")).hasSize(6);
        // a table laid out with blanks is no "label value" line
        assertThat(TextStructure.of("Datum      Onderwerp      Uren\nMaandag      Overleg      3\n").fields()).isEmpty();
    }

    @Test
    void headerNamesAsJsonValuesAreNoPersons() {
        String json = "{\"headers\": [{\"name\": \"From\", \"value\": \"x\"}, {\"name\": \"Date\", \"value\": \"y\"},"
                + " {\"name\": \"Subject\", \"value\": \"z\"}]}";
        assertThat(found(json, EntityType.PERSON)).isEmpty();
    }

    @Test
    void tableHeadersWithARowNumberColumnOrACommaInBrackets() {
        assertThat(found("| # | naam | geboortedatum |\n|---|---|---|\n| 1 | P. Smit | 3 maart 1961 |\n",
                EntityType.DATE_OF_BIRTH)).containsExactly("3 maart 1961");
        assertThat(found("\"Naam (achternaam, voornaam)\";\"Geb. datum\"\n\"Smit, Piet\";\"03.03.1961\"\n",
                EntityType.DATE_OF_BIRTH)).containsExactly("03.03.1961");
    }

    @Test
    void personKeysOfFilersAndGivenNamesWithoutSalutation() {
        assertThat(found("{\"voornamen\": \"Lieve Anna\", \"geslachtsnaam\": \"Smit\"}", EntityType.PERSON))
                .containsExactly("Lieve Anna", "Smit");
        assertThat(found("{\"titel\": \"Bezwaar\", \"indiener\": \"SMIT P\"}", EntityType.PERSON))
                .containsExactly("SMIT P");
        assertThat(found("Werknemer: Tj. de Vries-Bakker        Afdeling: Burgerzaken", EntityType.PERSON))
                .containsExactly("Tj. de Vries-Bakker");
    }

    @Test
    void aListTypedWithDashesBetweenItsColumns() {
        String list = "deelnemers:\n\nnaam - geboortedatum - woonplaats\npiet smit - 02/03/2009 - Delft\n"
                + "ayla demir - 11/12/2010 - Gouda\n";
        assertThat(found(list, EntityType.PERSON)).containsExactly("piet smit", "ayla demir");
        assertThat(found(list, EntityType.DATE_OF_BIRTH)).containsExactly("02/03/2009", "11/12/2010");
        // two columns are no such list: "Delft - Gouda" lines stay prose
        assertThat(found("route - vertrek\nDelft - 02/03/2009\n", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aCsvRowWithAnAmountOfOneDecimalStillFitsItsHeader() {
        String csv = "nr,naam,telefoon,geboortedatum,uren\n17,Piet Smit,612345678,3-3-1961,-7,5\n"
                + "18,Els Smit,687654321,4-4-1962,12,0\n";
        assertThat(found(csv, EntityType.PHONE)).containsExactly("612345678", "687654321");
        assertThat(found(csv, EntityType.DATE_OF_BIRTH)).containsExactly("3-3-1961", "4-4-1962");
    }

    @Test
    void initialsAloneUnderAnInitialsKey() {
        assertThat(found("achternaam;voorletters;plaats\nSmit;P.J.;Delft\n", EntityType.PERSON)).contains("P.J.");
        assertThat(found("{\"geslachtsnaam\": \"Smit\", \"voorletters\": \"E.\"}", EntityType.PERSON)).contains("E.");
        assertThat(found("{\"versie\": \"E.\"}", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aJsonValueTakesItsKeyFromTheSiblingLabel() {
        String form = "{\"fields\": [{\"label\": \"Geboortedatum\", \"value\": \"17/04/1968\"},"
                + " {\"value\": \"612345678\", \"name\": \"telefoon\"}, {\"label\": \"Klantnummer\", \"value\": \"123456782\"}]}";
        assertThat(found(form, EntityType.DATE_OF_BIRTH)).containsExactly("17/04/1968");
        assertThat(found(form, EntityType.PHONE)).containsExactly("612345678");
        // the sibling says it is a client number: no BSN, although it passes the elfproef
        assertThat(found(form, EntityType.BSN)).isEmpty();
        // a date under another label stays a date
        assertThat(found("[{\"label\": \"Datum afspraak\", \"value\": \"17/04/1968\"}]", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void structureTextTracksTheSiblingName() {
        String json = "{\"a\": {\"value\": \"x1\", \"name\": \"Geb. datum\"}, \"b\": {\"name\": \"iban\", \"value\": \"x2\"}}";
        List<TextStructure.Field> values = TextStructure.of(json).fields().stream()
                .filter(f -> json.substring(f.start(), f.end()).startsWith("x")).toList();
        assertThat(values).extracting(TextStructure.Field::key).containsExactly("geb. datum", "iban");
        assertThat(values).extracting(TextStructure.Field::path).containsExactly("a geb. datum", "b iban");
    }

    @Test
    void thePartiesOfAReportAndOutlooksQuotedSender() {
        assertThat(found("Proces-verbaal\nAangever: Oudewater, Gerrit Jan\nBSN: 111222333", EntityType.PERSON))
                .containsExactly("Oudewater, Gerrit Jan");
        assertThat(found("Groet\n\n-----Original Message-----\nFrom: Hendrika Lautenbach [mailto:h.l@voorbeeld.nl]\n"
                + "Sent: maandag", EntityType.PERSON)).containsExactly("Hendrika Lautenbach");
    }

    @Test
    void aFormReadersTextNamesTheValue() {
        String blocks = "[{\"BlockType\":\"KEY_VALUE_SET\",\"Text\":\"Geboortedatum\",\"Value\":\"17-04-1968\"},"
                + "{\"BlockType\":\"KEY_VALUE_SET\",\"Text\":\"Datum ondertekening\",\"Value\":\"02-12-2026\"}]";
        assertThat(found(blocks, EntityType.DATE_OF_BIRTH)).containsExactly("17-04-1968");
    }

    @Test
    void aCommaInsideAHeaderCellOfATableByOtherDelimiters() {
        String csv = "Klantnr;Achternaam, Voornaam;Woonplaats\n123456782;\"Smit, Piet\";Delft\n";
        assertThat(found(csv, EntityType.PERSON)).containsExactly("Smit, Piet");
        // the client-number column is read again, so its elfproef-passing number is no BSN
        assertThat(found(csv, EntityType.BSN)).isEmpty();
    }

    @Test
    void aTwoColumnTableOfLabelsAndValues() {
        String form = "| veld | waarde |\n|---|---|\n| Naam | Piet Smit |\n| Geboren | 03-03-1961 |\n"
                + "| Dossiernummer | 111222333 |\n";
        assertThat(found(form, EntityType.DATE_OF_BIRTH)).containsExactly("03-03-1961");
        assertThat(found(form, EntityType.BSN)).isEmpty();
        // a two-column table with ordinary headers keeps them
        assertThat(found("| naam | geboortedatum |\n|---|---|\n| Piet Smit | 03-03-1961 |\n", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-03-1961");
    }

    @Test
    void aHeaderWordAbbreviatedWithAFullStop() {
        assertThat(found("\"Naam\";\"Voorl.\";\"Plaats\"\n\"Smit\";\"P.\";\"Delft\"\n", EntityType.PERSON))
                .containsExactly("Smit", "P.");
        // letters glued after the stop make another word: a staff number, not "persoonsnummer"
        assertThat(found("pers.nr;naam\n111222333;P. Smit\n", EntityType.BSN)).isEmpty();
    }

    @Test
    void aPostcodeInItsOwnCellOfACommaSeparatedRow() {
        assertThat(found("naam,adres,pc\nPiet Smit,Kerkstraat 88-2,1234 AB\n", EntityType.POSTCODE))
                .containsExactly("1234 AB");
        assertThat(found("naam,adres,postcode\nPiet Smit,Kerkstraat 88-2,1234 AB\n", EntityType.POSTCODE))
                .containsExactly("1234 AB");
    }
}
