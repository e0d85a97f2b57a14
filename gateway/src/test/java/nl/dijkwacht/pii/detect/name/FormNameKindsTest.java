package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * names49: the kinds of false and missed names left after round 15 — a given name with its surname's initial
 * ({@code mevrouw Anna V.}), Outlook's order with the particles between commas ({@code Surname, de, Given}), a subject
 * line's topic word and phrases or role words as JSON values taken for a person. Invented texts, the shipped engine.
 */
class FormNameKindsTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();

    private static List<String> persons(String text) {
        return ENGINE.detect(text).stream().filter(f -> f.type() == EntityType.PERSON)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void aGivenNameWithTheInitialOfTheSurnameIsOneName() {
        assertThat(persons("Graag een afspraak met mevrouw Anna V. over de bezwaarprocedure."))
                .containsExactly("Anna V.");
        assertThat(persons("Daan X. en Lotte V. komen morgen langs voor de intake."))
                .containsExactly("Daan X.", "Lotte V.");
        assertThat(persons("Ik sprak meneer Pieter K., de buurman, over de schade.")).containsExactly("Pieter K.");
    }

    @Test
    void aRegnalNumberStaysAThing() {
        assertThat(persons("De bijeenkomst is in Raadzaal Willem I.")).isEmpty();
        assertThat(persons("De uitreiking was in Poppodium Willem II. Daarna volgde een borrel.")).isEmpty();
    }

    @Test
    void particlesBetweenCommasBelongToTheName() {
        assertThat(persons("Aan: Kramer, Ilse\nCC: Yilmaz, Deniz; Kerk, van de, Tom\nOnderwerp: overdracht"))
                .contains("Kerk, van de, Tom");
        assertThat(persons("Gisteren heeft Bosman, van den, Sjoerd gebeld over zijn aanvraag."))
                .containsExactly("Bosman, van den, Sjoerd");
    }

    @Test
    void aSubjectLineTopicIsNoName() {
        assertThat(persons("Van: Ilse Kramer\nAan: Kramer, Ilse\nOnderwerp: Felicitatie 100 jaar\n\nBeste Ilse,"))
                .doesNotContain("Felicitatie");
        assertThat(persons("To: info@gemeente.nl\nSubject: Registration appointment\n\nDear Sir/Madam,"))
                .isEmpty();
        assertThat(persons("Onderwerp: aanvraag Fatima Ouali\n\nBeste collega,")).containsExactly("Fatima Ouali");
    }

    @Test
    void aPhraseOrARoleAsAJsonValueIsNoPerson() {
        assertThat(persons("{\"datum\":\"2027-02-01\",\"ondertekend_door\":\"het college van burgemeester en "
                + "wethouders\",\"contact\":\"verkeer@gemeente.nl\"}")).isEmpty();
        assertThat(persons("{\"emailAddress\":{\"name\":\"Wmo-consulenten\",\"address\":\"wmo@gemeente.nl\"}}"))
                .isEmpty();
        assertThat(persons("{\"naam\":\"fenna de wolf\",\"rol\":\"aanvrager\"}")).containsExactly("fenna de wolf");
        assertThat(persons("Van: Min-woo Kim\nAan: Kim, Min-woo\nOnderwerp: wijziging")).contains("Kim, Min-woo");
    }
}
