package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * Rule families of issue 11 for names outside letters: family name first, lower-case chat names, single names in a
 * list, organisations named after people, nationalities and places. Fictitious people only.
 */
class NamesOfManyFormsTest {

    private static List<String> persons(String text) {
        return PiiEngine.dutchDefault().detect(text).stream().filter(f -> f.type() == EntityType.PERSON)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void familyNameFirst() {
        assertThat(persons("Graag omdraaien: Zhou Xiaoming en Camara Fatoumata zijn beiden uitgenodigd."))
                .contains("Zhou Xiaoming", "Camara Fatoumata");
    }

    @Test
    void lowerCaseInitialsAndNamesAfterNaam() {
        assertThat(persons("het staat op naam van r. pinas. graag een brief aan mevr. n. boukhari-van dijk"))
                .contains("r. pinas", "n. boukhari-van dijk");
        assertThat(persons("typ over: naam tjitske de boer gebdat 1994-02-17")).contains("tjitske de boer");
        assertThat(persons("kun je o.a. de kosten noemen en i.v.m. de vakantie t.a.v. de afdeling schrijven"))
                .isEmpty();
    }

    @Test
    void lowerCaseNamesAfterAPrepositionInAChatMessage() {
        assertThat(persons("kun je een brief maken voor ayse yilmaz, bsn 999901199?")).contains("ayse yilmaz");
        assertThat(persons("wie gaat over de aanvraag van dawit tesfay?")).contains("dawit tesfay");
        assertThat(persons("kun je een brief maken voor de gemeente, en ook met spoed?")).isEmpty();
    }

    @Test
    void singleNamesInAListWithAKnownName() {
        assertThat(persons("Bij het team komen erbij: Kevin, Jamal, Chayenne, Dionne en Mohammed."))
                .contains("Kevin", "Jamal", "Chayenne", "Dionne", "Mohammed");
        assertThat(persons("kun je helpen, marieke belde")).doesNotContain("helpen");
    }

    @Test
    void organisationsNamedAfterPeopleNationalitiesAndPlacesAreNoPersons() {
        assertThat(persons("Overleg met het Johannes Hospitium op 11-12.")).isEmpty();
        assertThat(persons("Een terrasvergunning voor Bakkerij Jansen aan de Markt.")).isEmpty();
        assertThat(persons("Zij is geboren in Aleppo en heeft de Chinese nationaliteit.")).isEmpty();
        assertThat(persons("Gewonnen door De Vries Bouw, niet te verwarren met Sandra de Vries."))
                .containsExactly("Sandra de Vries");
        assertThat(persons("Aan: Muziekvereniging Sint Caecilia\nVan: Veilig Thuis <meldingen@example.nl>")).isEmpty();
    }
}
