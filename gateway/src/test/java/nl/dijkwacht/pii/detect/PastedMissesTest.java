package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii47: the misses session 46 left on the paste-46 set, each with its harmless look-alike. Examples of our own, not in
 * the evaluation sets; fictitious data only.
 */
class PastedMissesTest {

    @Test
    void aGivenNameAndSurnameOpeningALineBeforeAnAddressAreAPerson() {
        String mailing = "Graag deze adressen in de mailing:\nSanne Kloosterman, Vlasakker 17 Borne\n"
                + "Gemeente Assen, Markt 1 Assen";
        assertThat(found(mailing, EntityType.PERSON)).containsExactly("Sanne Kloosterman");
        assertThat(found(mailing, EntityType.ADDRESS)).contains("Vlasakker 17");
    }

    @Test
    void aStreetAfterABulletIsAnAddressWhenATownEndsTheLine() {
        String list = "Welke liggen in onze gemeente?\n- De Zwaluw 12 Vries (Z-2025-118203)\n- Bijlage 2\n"
                + "- Klaproos 9a HAREN";
        assertThat(found(list, EntityType.ADDRESS)).containsExactly("De Zwaluw 12", "Klaproos 9a");
    }

    @Test
    void aFunctionTitleAtTheEndOfALineDoesNotTakeTheNextLinesWord() {
        String letter = "Opgesteld door: Backoffice medewerker\nCheck whether the letter names every document.";
        assertThat(found(letter, EntityType.PERSON)).isEmpty();
    }

    @Test
    void underASurnameColumnAWordThatIsAlsoANameIsTheSurname() {
        String staff = "Voorletters\tTussenv.\tAchternaam\tFunctie\nH.\tter\tHaar\tJurist\nR.\t\tPrins\tWijkverpleegkundige";
        assertThat(found(staff, EntityType.PERSON)).contains("Haar", "Prins").doesNotContain("Jurist",
                "Wijkverpleegkundige");
    }

    @Test
    void twoLowerCaseWordsOpeningAChatLineBeforeAVerbAreAName() {
        String chat = "wil een terugbelverzoek\nbassel darwish komt morgen om 3 uur aan de balie\n"
                + "het rapport komt morgen, de wethouder is er niet";
        assertThat(found(chat, EntityType.PERSON)).containsExactly("bassel darwish");
    }

    @Test
    void theRolesAndChannelsOfAChatLogAreNoNames() {
        String log = "{\"turns\":[{\"from\":\"bot\",\"text\":\"Waarmee kan ik helpen?\"},"
                + "{\"from\":\"user\",\"text\":\"hallo\"}],\"contact\":{\"name\":\"Sanne Kloosterman\","
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"06-12345678\"}]}}";
        assertThat(found(log, EntityType.PERSON)).containsExactly("Sanne Kloosterman");
    }
}
