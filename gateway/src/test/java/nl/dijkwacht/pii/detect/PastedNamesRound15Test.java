package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii48 (round 15, names side): the kinds of name that held-out-12, -13 and -14's writers wrote and the engine missed
 * or took wrongly, each with a look-alike of its kind. Examples of our own, not in the evaluation sets; fictitious
 * data only.
 */
class PastedNamesRound15Test {

    @Test
    void aChatHandleWithATimeOpeningALineIsTheWholeSpeakerNotASystemsHandle() {
        String log = "anouk.v 09:12\nkun je dit dossier bekijken?\nthijs_dekker 09:14 ja, komt goed\n"
                + "servicedesk.noord 09:15 ticket aangemaakt";
        assertThat(found(log, EntityType.PERSON)).containsExactly("anouk.v", "thijs_dekker");
    }

    @Test
    void aSenderAfterAStampOfTheTimeAloneIsAPersonButAPronounIsNot() {
        String log = "[09:41] wout: staat het dossier al open?\n[09:42] me: ja, sinds gisteren";
        assertThat(found(log, EntityType.PERSON)).containsExactly("wout");
    }

    @Test
    void aOneWordItemClosingAListOfNamesIsAName() {
        assertThat(found("Aanwezig: Sanne de Boer, Karim Haddou, Oyelowo (notulist).", EntityType.PERSON))
                .containsExactly("Sanne de Boer", "Karim Haddou", "Oyelowo");
        assertThat(found("Present: Lars Eriksen, Ama Owusu and Zodwa.", EntityType.PERSON))
                .containsExactly("Lars Eriksen", "Ama Owusu", "Zodwa");
    }

    @Test
    void aOneWordItemBetweenNamesOrCoupledByAnAmpersandIsAName() {
        assertThat(found("groep: daan, Fleur Jansen, noor, Pim de Wit", EntityType.PERSON))
                .containsExactly("daan", "Fleur Jansen", "noor", "Pim de Wit");
        assertThat(found("Ida & Bram Kuipers verhuizen per 1 maart", EntityType.PERSON))
                .containsExactly("Ida", "Bram Kuipers");
        assertThat(found("Contact: Karim Haddou, Zwolle", EntityType.PERSON)).doesNotContain("Zwolle");
    }

    @Test
    void aGivenNameWithARegnalNumberNamesAPlaceNotAPerson() {
        String text = "Lezing in Kazerne Willem III en feest in Poppodium Willem II, met Anna Smit.";
        assertThat(found(text, EntityType.PERSON)).containsExactly("Anna Smit");
    }

    @Test
    void aGivenNameOpeningAStreetOfSeveralWordsIsNoPersonAlsoWhenTheNameIsFoundElsewhere() {
        String text = "J. (Jan) Mulder verhuist naar de Jan Pieter Heijestraat.";
        assertThat(found(text, EntityType.PERSON)).containsExactly("Jan", "Mulder");
    }

    @Test
    void aNameAfterABuildingWordNamesTheBuilding() {
        String text = "Afspraak met Anna Smit in Bibliotheek Aletta Jacobs, daarna Wijkgebouw Dr. Aletta Jacobs.";
        assertThat(found(text, EntityType.PERSON)).containsExactly("Anna Smit");
        assertThat(found("Aan: Secretariaat wethouder Özdemir", EntityType.PERSON)).containsExactly("Özdemir");
    }

    @Test
    void anEnglishFormOfAddressIsNoNameTheSurnameAfterItIs() {
        assertThat(found("Dear Ms. Whitfield, your appointment is confirmed.", EntityType.PERSON))
                .containsExactly("Whitfield");
    }

    @Test
    void aCustomerNamedInLowerCaseBeforeAVerbOfThinkingIsTheWholeName() {
        String chat = "belastingbrief gekregen. de klant karel oudeboer denkt dat het zijn nummer is";
        assertThat(found(chat, EntityType.PERSON)).containsExactly("karel oudeboer");
    }

    @Test
    void aFhirNamesUseCodeAndAFormOfAddressInItsPrefixAreNoNames() {
        String patient = "{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"Bakker\","
                + "\"given\":[\"Anouk\"],\"prefix\":[\"mw.\"]}]}";
        assertThat(found(patient, EntityType.PERSON)).containsExactly("Bakker", "Anouk");
    }
}
