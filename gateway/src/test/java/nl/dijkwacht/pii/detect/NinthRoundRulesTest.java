package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the ninth forms round (issue 11, recall), each with examples of our own that are not in the evaluation
 * sets. Fictitious data only; 111222333 and 123456782 pass the elfproef.
 */
class NinthRoundRulesTest {

    @Test
    void aCsvRowWithAnAmountOfOneDecimalStillFitsItsHeader() {
        String csv = "nr,naam,telefoon,geboortedatum,uren\n17,Piet Smit,612345678,3-3-1961,-7,5\n"
                + "18,Els Smit,687654321,4-4-1962,12,0\n";
        assertThat(found(csv, EntityType.PHONE)).containsExactly("612345678", "687654321");
        assertThat(found(csv, EntityType.DATE_OF_BIRTH)).containsExactly("3-3-1961", "4-4-1962");
    }

    @Test
    void aDutchMobileNumberWithoutItsPlus() {
        assertThat(found("stuur het naar 31698765432 vandaag", EntityType.PHONE)).containsExactly("31698765432");
        assertThat(found("{\"from\": \"31698765432\", \"type\": \"text\"}", EntityType.PHONE))
                .containsExactly("31698765432");
        // a label for another number rules it out; a longer run of digits is none
        assertThat(found("klantnummer 31698765432", EntityType.PHONE)).isEmpty();
        assertThat(found("referentie 3169876543210", EntityType.PHONE)).isEmpty();
    }

    @Test
    void anInternationalNumberWithoutItsPlusUnderAPhoneKey() {
        assertThat(found("{\"recipient\": 32471234567, \"status\": \"sent\"}", EntityType.PHONE))
                .containsExactly("32471234567");
        assertThat(found("naam;telefoon\nLena Berg;46812345678\n", EntityType.PHONE)).containsExactly("46812345678");
        // an account's id is no number to call
        assertThat(found("{\"phone_number_id\": \"104523987612\"}", EntityType.PHONE)).isEmpty();
    }

    @Test
    void phoneNumbersWithoutTheLeadingZeroInMoreGroupings() {
        assertThat(found("graag terugbellen op 6 1122 3344", EntityType.PHONE)).containsExactly("6 1122 3344");
        assertThat(found("tel 6 11 22 33 44 na vijven", EntityType.PHONE)).containsExactly("6 11 22 33 44");
        assertThat(found("dossier 6 1122 3344 afgesloten", EntityType.PHONE)).isEmpty();
    }

    @Test
    void aHyphenWithTwoSpacesInAPhoneNumber() {
        assertThat(found("zijn nummer: 06 -  12 34 56 78", EntityType.PHONE)).containsExactly("06 -  12 34 56 78");
    }

    @Test
    void scannedPhoneNumbersWithLettersForDigitsInEveryGroup() {
        assertThat(found("huisbaas  +3l 6 l2 O3 ll 44", EntityType.PHONE)).containsExactly("+3l 6 l2 O3 ll 44");
        assertThat(found("tel 6 l2O4 9937", EntityType.PHONE)).containsExactly("6 l2O4 9937");
        // a short word after a number stays a word
        assertThat(found("blad 12 lo", EntityType.PHONE)).isEmpty();
    }

    @Test
    void aBirthDateUnderItsHeaderInColumnsSetApartBySpaces() {
        String scan = "Deelnemer       Geboren        Groep\nPiet Smit       O3-O3-l96l     4\nEls de Wit      04-04-1962     2\n";
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).containsExactly("O3-O3-l96l", "04-04-1962");
        String other = "Deelnemer       Intake         Groep\nPiet Smit       03-03-2026     4\n";
        assertThat(found(other, EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aBirthDateOpeningTheBracketsAfterAName() {
        assertThat(found("bewind voor Karel Visser (03-03-1961, BSN 111222333) gaat in", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-03-1961");
        assertThat(found("kinderen Noor Visser (2015-04-01, 123456782) en Daan", EntityType.DATE_OF_BIRTH))
                .containsExactly("2015-04-01");
        assertThat(found("Karel Visser (03-03-2026, zaak Z-12) belde", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void birthDatesInSpokenForms() {
        assertThat(found("mijn moeder? ze is van 3 mrt 1941, woont nog thuis", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 mrt 1941");
        assertThat(found("de offerte is van 3 mrt 2025", EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("geboren op twaalf mei negentien vierenvijftig te Delft", EntityType.DATE_OF_BIRTH))
                .containsExactly("twaalf mei negentien vierenvijftig");
    }

    @Test
    void otherCapitalisedNamesOfAListWithANameFound() {
        assertThat(found("uitnodigen: Karel Visser, Tavita Leiataua, Ilse Hoekstra en Mosese Fonoti (bestuur)",
                EntityType.PERSON)).contains("Tavita Leiataua", "Mosese Fonoti");
        assertThat(found("export: Visser Karel | Leiataua Tavita | Hoekstra Ilse", EntityType.PERSON))
                .contains("Leiataua Tavita");
        // places and firms in such a list stay what they are
        assertThat(found("vestigingen: Karel Visser, Den Haag en Albert Heijn", EntityType.PERSON))
                .containsExactly("Karel Visser");
    }

    @Test
    void namesInSurnameCommaOrder() {
        assertThat(found("controle:\nVISSER, Karel Jan 111222333, graag", EntityType.PERSON))
                .contains("VISSER, Karel Jan");
        assertThat(found("collega's: Visser, Karel; Leiataua, Tavita; Fonoti, Mosese; Berg, van den, Joop.",
                EntityType.PERSON)).contains("Leiataua, Tavita", "Fonoti, Mosese", "Berg, van den, Joop");
        assertThat(found("huurders:\nLeiataua Fonoti, Tavita\nVisser, Karel\n", EntityType.PERSON))
                .contains("Leiataua Fonoti, Tavita");
        // a place and its country is no name
        assertThat(found("vanuit Visser, Karel; Leiden, Nederland", EntityType.PERSON)).containsExactly("Visser, Karel");
    }

    @Test
    void soleTradersNamedAsChildmindersOrSelfEmployed() {
        String table = "| gastouder | kvk |\n|---|---|\n| Petra Smit | 12345678 |\n| Gastouderbureau De Wip | 87654321 |\n";
        assertThat(found(table, EntityType.KVK)).containsExactly("12345678");
        assertThat(found("P. Smit, zelfst. vertaler\nKvK 1234 5678", EntityType.KVK)).containsExactly("1234 5678");
        assertThat(found("{\"name\": \"Klusbedrijf Smit (eenmanszaak)\", \"ChamberOfCommerce\": \"12345678\"}",
                EntityType.KVK)).containsExactly("12345678");
    }

    @Test
    void initialsAloneUnderAnInitialsKey() {
        assertThat(found("achternaam;voorletters;plaats\nSmit;P.J.;Delft\n", EntityType.PERSON)).contains("P.J.");
        assertThat(found("{\"geslachtsnaam\": \"Smit\", \"voorletters\": \"E.\"}", EntityType.PERSON)).contains("E.");
        assertThat(found("{\"versie\": \"E.\"}", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aCapitalisedGivenNameBeforeAKnownSurnameInMidSentence() {
        assertThat(found("volgens de brp wonen daar Tavita Jansen en haar zoon", EntityType.PERSON))
                .contains("Tavita Jansen");
        assertThat(found("per 1 mei wonen Ruben & Tavita Jansen op dit adres", EntityType.PERSON))
                .contains("Tavita Jansen");
    }

    @Test
    void aLowerCaseNameClosedByAnIdentifier() {
        assertThat(found("graag een briefadres voor tavita leiataua 111.222.333 bij haar zus", EntityType.PERSON))
                .contains("tavita leiataua");
    }
}
