package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii46: the kinds of paste the paste-45 round left as misses, each with its harmless look-alike. Examples of our own,
 * not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class PastedKindsTest {

    @Test
    void aTeamsSpeakerLineIsANameInOutlooksOrderOrLedByAGivenName() {
        String teams = """
                Teamoverleg Wmo 09:30
                Brink, R. ten 08:04
                heb jij het bsn?
                Weide, Jolanda van der (Extern) 08:10
                ja: 111222333
                Marieke Haan di 09:12
                [10:43] Bouhali, Yasmina
                Vergadering beëindigd 10:45""";
        assertThat(found(teams, EntityType.PERSON)).containsExactly("Brink, R. ten", "Weide, Jolanda van der",
                "Marieke Haan", "Bouhali, Yasmina");
    }

    @Test
    void aWhatsAppSenderIsANameInAnyCase() {
        String chat = "[03-12-2026 09:14:22] joris: is hij al gebeld?\n"
                + "03-12-26 09:15 - Hendrik ter Haar: nee nog niet\n"
                + "[03-12-2026 09:16:01] Gemeente Assen: uw afspraak staat";
        assertThat(found(chat, EntityType.PERSON)).containsExactly("joris", "Hendrik ter Haar");
    }

    @Test
    void aStreetWithoutAStreetWordIsAnAddressAfterNaarOrOpWhereTheSentenceEnds() {
        assertThat(found("De beschikking gaat naar Klaproos 14-II. Zie artikel 12.", EntityType.ADDRESS))
                .containsExactly("Klaproos 14-II");
        assertThat(found("Adres: Het Lage Land 7 B", EntityType.ADDRESS)).containsExactly("Het Lage Land 7 B");
        assertThat(found("She moved to De Vlonder 3, in Zuidlaren.", EntityType.ADDRESS))
                .containsExactly("De Vlonder 3");
        // a year, a chapter, a weekday date, a sentence that goes on: no address
        assertThat(found("Dat staat in de Wmo 2015. Ga naar Fase 2. Uitstel tot op Dinsdag 3-12.", EntityType.ADDRESS))
                .isEmpty();
        assertThat(found("We gaan naar Klaproos 14 keer per jaar", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void aTownAfterAnAddressOrAfterInIsNoPerson() {
        String lines = "Bakker, H.;De Kolk 3-II;Ten Boer\nHet spreekuur is in Haren en Borne.";
        assertThat(found(lines, EntityType.PERSON)).containsExactly("Bakker, H.");
        assertThat(found(lines, EntityType.ADDRESS)).containsExactly("De Kolk 3-II");
        String mailing = "adressen voor de mailing:\nRoos Timmermans, Berkenrode 41 Borne\nFrank van Wijk, Havezate 223-1 Bergen";
        // pii47: the first line's name is found too (PastedMissesTest)
        assertThat(found(mailing, EntityType.PERSON)).containsExactly("Roos Timmermans", "Frank van Wijk");
        assertThat(found(mailing, EntityType.ADDRESS)).containsExactly("Berkenrode 41", "Havezate 223-1");
        // a four-digit year is no house number: the surname after a date of birth stays a name
        assertThat(found("Geboren 12 maart 1980\tJansen, Pieter", EntityType.PERSON)).containsExactly("Jansen, Pieter");
    }

    @Test
    void aFunctionTitleAfterAHandlerLabelIsNoPerson() {
        String letter = "Behandeld door: Senior adviseur Sociaal Domein\nOpgesteld door: T. Vermeulen, Teamleider Wmo\n"
                + "Contactpersoon: Coördinator Wijkteam";
        assertThat(found(letter, EntityType.PERSON)).containsExactly("T. Vermeulen");
    }

    @Test
    void aHeaderlessRangeTakesNamesAndWordDatesOnEveryRowOfItsPeople() {
        String rows = "Z-2026-000123\tYılmaz, Elif\t15 maart 1983\tKlaproos 14\tZuidlaren\n"
                + "Z-2026-000124\tBakker, H. de\t11-02-1983\tDe Kolk 3-II\tVries\n"
                + "Z-2026-000125\tS.M. Tiemens\t07-09-1958\tHet Want 2\tHaren";
        assertThat(found(rows, EntityType.PERSON)).containsExactly("Yılmaz, Elif", "Bakker, H. de", "S.M. Tiemens");
        assertThat(found(rows, EntityType.DATE_OF_BIRTH)).containsExactly("15 maart 1983", "11-02-1983", "07-09-1958");
        assertThat(found(rows, EntityType.ADDRESS)).containsExactly("Klaproos 14", "De Kolk 3-II", "Het Want 2");
    }
}
