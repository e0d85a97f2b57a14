package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * Round 4 (issue 11): the broad gazetteer generated from Datafaker's name lists and the place/title filter that
 * keeps its toponymic surnames from turning places into persons. Examples are our own, fictitious people only.
 */
class BroadGazetteerTest {

    private static List<String> persons(String text) {
        return PiiEngine.dutchDefault().detect(text).stream().filter(f -> f.type() == EntityType.PERSON)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void namesOfManyOriginsAreKnown() {
        NameGazetteer gazetteer = new NameGazetteer();
        assertThat(gazetteer.firstNameCount()).isGreaterThan(10_000);
        assertThat(gazetteer.surnameCount()).isGreaterThan(20_000);
        for (String given : List.of("sjoukje", "kwabena", "ricardo", "ewelina", "giuseppe", "eszter")) {
            assertThat(gazetteer.isFirstName(given)).as(given).isTrue();
        }
        for (String surname : List.of("wiśniewska", "nowak", "nijhuis", "agarwal", "ferreira", "wieringa", "varga")) {
            assertThat(gazetteer.isSurname(surname)).as(surname).isTrue();
        }
    }

    @Test
    void aBroadNameThatIsAlsoAWordIsNotTakenAlone() {
        NameGazetteer gazetteer = new NameGazetteer();
        // ordinary Dutch words that some locale also lists as a name stay words
        for (String word : List.of("zondag", "wereld", "zorg", "werk")) {
            assertThat(gazetteer.isSurname(word) || gazetteer.isFirstName(word)).as(word).isFalse();
        }
        assertThat(persons("de zorg gaat op zondag gewoon door, het werk ook")).isEmpty();
    }

    @Test
    void lowerCaseNamesOfManyOriginsInChat() {
        assertThat(persons("kun je ewelina wiśniewska terugbellen over de uitkering")).contains("ewelina wiśniewska");
        assertThat(persons("ik heb eszter varga gesproken, zij komt dinsdag")).contains("eszter varga");
    }

    @Test
    void aPlaceAfterAPostcodeOrOpeningADatelineIsNoPerson() {
        assertThat(persons("Dhr. K. Zwiers\nMolenweg 12\n8131 BT Wijhe")).containsExactly("K. Zwiers");
        assertThat(persons("Wijhe, 14 maart 2026\n\nGeachte heer Zwiers,")).containsExactly("Zwiers");
        assertThat(persons("Harderwijk, 3-4-2026")).isEmpty();
    }

    @Test
    void aRoyalTitlesBearerAndKnownFirmsAreNoPersons() {
        assertThat(persons("Prinses Amalia opent de nieuwe bibliotheek")).isEmpty();
        assertThat(persons("Koningin Máxima bezoekt de markt; daarna spreekt Wilma Hofstede")).containsExactly("Wilma Hofstede");
        assertThat(persons("De offerte van Ballast Nedam en die van Douwe Egberts liggen klaar.")).isEmpty();
        assertThat(persons("Ik heb boodschappen gedaan bij de Albert Heijn met Henk Vos")).containsExactly("Henk Vos");
    }

    @Test
    void aCapitalALinksASurinameseChineseSurnameAlsoAfterAKnownPart() {
        assertThat(persons("Gesprek met mevrouw Tjon A Kiem en Roy Kon A Sen")).contains("Tjon A Kiem", "Roy Kon A Sen");
    }
}
