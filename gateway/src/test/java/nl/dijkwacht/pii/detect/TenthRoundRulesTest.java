package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules of the tenth forms round (issue 11, recall), each with examples of our own that are not in the evaluation
 * sets. Fictitious data only; 111222333 and 123456782 pass the elfproef.
 */
class TenthRoundRulesTest {

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
    void birthDatesInAnExportsStyleAndInTheResidentsOwnLanguage() {
        assertThat(found("geb.datum 21-MAR-77 volgens de export", EntityType.DATE_OF_BIRTH)).containsExactly("21-MAR-77");
        assertThat(found("naam\tgeboortedatum\nPIET SMIT\t05-OCT-59\n", EntityType.DATE_OF_BIRTH))
                .containsExactly("05-OCT-59");
        assertThat(found("mon fils Luc, né le 12 février 2019 à Lyon", EntityType.DATE_OF_BIRTH))
                .containsExactly("12 février 2019");
        assertThat(found("mi madre nació el 3 de enero de 1944 en Quito", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 de enero de 1944");
        assertThat(found("BEGIN:VCARD\nFN:Piet Smit\nBDAY:1961-03-03\nEND:VCARD", EntityType.DATE_OF_BIRTH))
                .containsExactly("1961-03-03");
        assertThat(found("geboortedata: 4-4-1990 en 5-5-1992", EntityType.DATE_OF_BIRTH))
                .containsExactly("4-4-1990", "5-5-1992");
        // a meeting date in a foreign language is no birth date
        assertThat(found("la réunion du 12 février 2019 à Lyon", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void theNextDatesOfAListOfBirthDates() {
        assertThat(found("Ik ben geboren op 3.3.1961 in Gent, mijn man Karel op 4.5.1958 en onze zoon op 6.7.1990.",
                EntityType.DATE_OF_BIRTH)).containsExactly("3.3.1961", "4.5.1958", "6.7.1990");
        // another kind of date in the list, or a new sentence, ends it
        assertThat(found("Geboren op 3.3.1961 in Gent, ingediend op 4.5.2020.", EntityType.DATE_OF_BIRTH))
                .containsExactly("3.3.1961");
        assertThat(found("Geboren op 3.3.1961 in het ziekenhuis van Gent. Op 4.5.1990 zijn ze verhuisd.",
                EntityType.DATE_OF_BIRTH))
                .containsExactly("3.3.1961");
    }

    @Test
    void lowerCaseNamesClosedByAnIdentifier() {
        assertThat(found("kun je kijken naar de aanvraag, gaat om bertilde oyelaran (bsn 111222333), ze wacht al lang",
                EntityType.PERSON)).containsExactly("bertilde oyelaran");
        assertThat(found("terugbellen graag. fenneke otterspoor, tel 0612345678 na drie uur", EntityType.PERSON))
                .containsExactly("fenneke otterspoor");
        assertThat(found("stuur de brief aan wubke talsmaier wubke.t@voorbeeld.nl vandaag nog", EntityType.PERSON))
                .containsExactly("wubke talsmaier");
        assertThat(found("nog invoeren: ostrid venhuizer 9711 KL en dat was het", EntityType.PERSON))
                .containsExactly("ostrid venhuizer");
        assertThat(found("eigenaar is ragnhild oppedal (kapsalon, kvk 12345678) sinds maart", EntityType.PERSON))
                .containsExactly("ragnhild oppedal");
        // ordinary words before a number are no name
        assertThat(found("ze is bereikbaar via 06 12 34 56 78 na vijven", EntityType.PERSON)).isEmpty();
        assertThat(found("onderwerp: aanmaning aanslag 2026.041.12345 is verstuurd", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aRunOfNamesInSurnameCommaOrder() {
        String list = "graag in de volgorde voornaam achternaam:\nOkonkwo, Chidi; Mensah, Ama Serwaa; Boateng, Kofi; "
                + "Afdeling Zorg";
        assertThat(found(list, EntityType.PERSON)).containsExactly("Okonkwo, Chidi", "Mensah, Ama Serwaa", "Boateng, Kofi");
        // two items are no run: the items are not taken whole
        assertThat(found("Okonkwo, Chidi; Mensah, Ama", EntityType.PERSON)).doesNotContain("Okonkwo, Chidi", "Mensah, Ama");
    }

    @Test
    void aRunOfNamesWithTheFamilyNameFirstInCapitals() {
        String list = "zet ze om: YANG Mai Nou, THAO Pheng, LEE Kia Vang, en de rest volgt";
        assertThat(found(list, EntityType.PERSON)).contains("YANG Mai Nou", "THAO Pheng", "LEE Kia Vang");
        // acronyms of organisations are no family names
        assertThat(found("we belden UWV Werkbedrijf, SVB Leiden, CJG Noord en de rest", EntityType.PERSON)).isEmpty();
        assertThat(found("we belden DUO Groningen, IND Zwolle, CAK Utrecht en de rest", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aDateBetweenANameAndAnIdentifier() {
        assertThat(found("aanvraag: bertilde oyelaran 17041968 bsn 111222333", EntityType.DATE_OF_BIRTH))
                .containsExactly("17041968");
        assertThat(found("De aanvrager is Karel Visser 03-03-1961, BSN 111222333.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-03-1961");
        // without the identifier after it a date after a name is any date
        assertThat(found("Karel Visser 03-03-2021 gebeld over de aanvraag", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void thePartiesOfAReportAndOutlooksQuotedSender() {
        assertThat(found("Proces-verbaal\nAangever: Oudewater, Gerrit Jan\nBSN: 111222333", EntityType.PERSON))
                .containsExactly("Oudewater, Gerrit Jan");
        assertThat(found("Groet\n\n-----Original Message-----\nFrom: Hendrika Lautenbach [mailto:h.l@voorbeeld.nl]\n"
                + "Sent: maandag", EntityType.PERSON)).containsExactly("Hendrika Lautenbach");
    }
}
