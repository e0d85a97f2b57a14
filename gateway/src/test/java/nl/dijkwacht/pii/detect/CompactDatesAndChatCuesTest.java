package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii48b: compact birth dates pasted into a question about birth dates, farther from the birth word than other dates
 * may be, and a BSN posted in a chat message after another message's negative word. Examples of our own, not in the
 * evaluation sets; fictitious data only.
 */
class CompactDatesAndChatCuesTest {

    @Test
    void compactDatesInAQuestionAboutBirthDatesAreBirthDatesButNotTodaysDate() {
        String column = "hoe haal ik de geboortejaren uit kolom C? een paar waarden uit het bestand: 19790321, 20030817, "
                + "19620105. de exportdatum (20261130) staat erboven.";
        assertThat(found(column, EntityType.DATE_OF_BIRTH)).containsExactly("19790321", "20030817", "19620105");
        String convert = "kun je de geboortedatum van mijn cliënt omzetten naar het formaat dd-mm-jjjj? ik heb hier 19810611.";
        assertThat(found(convert, EntityType.DATE_OF_BIRTH)).containsExactly("19810611");
        assertThat(found("factuur 20250314 van de leverancier, vervaldatum 20250414", EntityType.DATE_OF_BIRTH))
                .isEmpty();
    }

    @Test
    void aBsnPostedAfterAnotherMessagesNegativeWordIsFound() {
        String teams = """
                [09:12] Visser, Anke
                wie heeft de bsn van mevrouw Bos? hij staat niet in het dossier
                [09:14] Groot, Jan de
                999900018 , ze woont sinds kort in Assen""";
        assertThat(found(teams, EntityType.BSN)).containsExactly("999900018");
        String sameMessage = "[09:14] Groot, Jan de\nhet dossier heeft nummer 999900018, zie de map";
        assertThat(found(sameMessage, EntityType.BSN)).isEmpty();
    }
}
