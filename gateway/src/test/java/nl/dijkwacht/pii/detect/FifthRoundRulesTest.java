package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the fifth forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only.
 */
class FifthRoundRulesTest {

    @Test
    void shortCueWordsInRunningTextAreWholeWords() {
        // "bel" must not be read inside "belastingen"
        assertThat(found("vraag over de belastingen van 2025, nummer 612345678 klopt niet", EntityType.PHONE)).isEmpty();
        assertThat(found("kun je hem bellen op 612345678?", EntityType.PHONE)).containsExactly("612345678");
    }

    @Test
    void taxAssessmentNumbersAreNoBsn() {
        assertThat(found("Bezwaar tegen aanslag 111222333 van dit jaar", EntityType.BSN)).isEmpty();
        assertThat(found("Aanslagnr: 111222333", EntityType.BSN)).isEmpty();
        assertThat(found("BSN 111222333", EntityType.BSN)).containsExactly("111222333");
    }

    @Test
    void aDateInALaterYearIsNoBirthDate() {
        assertThat(found("De uitreiking is op 14 juni 2099. Geboortedatum vader 1970-01-02.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1970-01-02");
        assertThat(StructuredIdentifiers.laterThanThisYear("3-4-2099")).isTrue();
        assertThat(StructuredIdentifiers.laterThanThisYear("1999-04-03")).isFalse();
        assertThat(StructuredIdentifiers.laterThanThisYear("3-4-99")).isFalse();
    }

    @Test
    void birthdayResidencePermitAndIdCardKeys() {
        assertThat(found("my birthday 07/11/1979 and my name", EntityType.DATE_OF_BIRTH)).containsExactly("07/11/1979");
        assertThat(found("zijn verblijfsdocument XK4P81R27 verloopt", EntityType.ID_DOCUMENT)).containsExactly("XK4P81R27");
        assertThat(found("{\"idKaart\": \"XK4P81R27\"}", EntityType.ID_DOCUMENT)).containsExactly("XK4P81R27");
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
    void organisationsWithAnOfficeEndingOrATitleInside() {
        assertThat(found("Zie het Advocatenkantoor Van Houten de Wit.", EntityType.PERSON)).isEmpty();
        assertThat(found("De lessen zijn in Wijkcentrum Dr. Ariëns.", EntityType.PERSON)).isEmpty();
        assertThat(found("Vragen aan Buurthuis Prof. Lorentz.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void acronymsMailboxesAbbreviationsAndDateTimes() {
        assertThat(found("Onderwerp: melding BAG 2231907\n\nHoi Evi,", EntityType.PERSON)).containsExactly("Evi");
        assertThat(found("cc svc-chatbot-wmo@gemeente.nl en bijzonderebijstand@gemeente.nl", EntityType.EMAIL)).isEmpty();
        assertThat(found("lantaarnpaal t.h.v. huisnummer 4 is kapot", EntityType.PERSON)).isEmpty();
        assertThat(found("Tijdstip  14-03-2026 09:15", EntityType.PHONE)).isEmpty();
    }

    @Test
    void lowerCaseNamesAfterARelationWordOrAColon() {
        assertThat(found("intake: miroslav petrov (bsn volgt) en zijn zoon", EntityType.PERSON)).contains("miroslav petrov");
        assertThat(found("het gaat om zijn moeder liliana dobreva uit sofia, ze spreekt geen nederlands",
                EntityType.PERSON)).contains("liliana dobreva");
        assertThat(found("brief sturen aan ewa maria kowalczyk en tomasz kowalczyk (bsn staat in het dossier)",
                EntityType.PERSON)).contains("ewa maria kowalczyk", "tomasz kowalczyk");
        assertThat(found("kun je voor de energietoeslag zorgen.", EntityType.PERSON)).isEmpty();
        assertThat(found("doe het maar de tweede keer, niet eerder", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aDwellingWordBeforeAStreetWithoutStreetEnding() {
        assertThat(found("Sleutels van woning Vlierbes 12 zijn opgehaald.", EntityType.ADDRESS)).containsExactly("Vlierbes 12");
    }

    @Test
    void surnameCommaGivenNameInALine() {
        assertThat(found("Aanwezig: Bakker (wijkagent), Vos, Marieke (jurist) en de voorzitter.", EntityType.PERSON))
                .contains("Vos, Marieke");
        assertThat(found("Huishouden:\n- Doelwijt, Armand — aanvrager, sinds mei in de wijk\n", EntityType.PERSON))
                .contains("Doelwijt, Armand");
    }

    @Test
    void relativesAndHelpersBeforeAName() {
        assertThat(found("Zij komt met haar broertje Dawit naar de balie.", EntityType.PERSON)).contains("Dawit");
        assertThat(found("De tolk Soraya vertaalt.", EntityType.PERSON)).contains("Soraya");
    }

    @Test
    void placesAfterTeOrInAndSportsClubs() {
        assertThat(found("Geboren 2 mei 1950 te Winterswijk, weduwe.", EntityType.PERSON)).isEmpty();
        assertThat(found("Haar broer woont in Amsterdam-Noord.", EntityType.PERSON)).isEmpty();
        assertThat(found("De jeugd traint bij VV Beatrix '20 op zaterdag.", EntityType.PERSON)).isEmpty();
        assertThat(found("Namens de burgemeester, Borculo, 12 januari 2026", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aBirthDateInBracketsAfterARelationWord() {
        assertThat(found("Aanwezig: Sofia Lima (dochter, 03/09/2014) en haar moeder.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03/09/2014");
        assertThat(found("Joop Pels (overleden, 03-09-2014) liet een huis na.", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void residenceDocumentNumbersOnlyWithTheirWord() {
        assertThat(found("zijn verblijfsdocument V8K27T4Q1 is verlopen", EntityType.ID_DOCUMENT)).containsExactly("V8K27T4Q1");
        assertThat(found("artikelcode V8K27T4Q1 is uitverkocht", EntityType.ID_DOCUMENT)).isEmpty();
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
    void aBsnInTheBoxesOfAScannedForm() {
        assertThat(found("BSN: 1 1 1 2 2 2 3 3 3\n", EntityType.BSN)).containsExactly("1 1 1 2 2 2 3 3 3");
        assertThat(found("BSN: 1 l 1 2 2 2 3 3 3\n", EntityType.BSN)).containsExactly("1 l 1 2 2 2 3 3 3");
    }
}
