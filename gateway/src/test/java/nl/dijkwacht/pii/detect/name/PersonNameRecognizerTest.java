package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.words.WordListException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PersonNameRecognizerTest {

    private static final PersonNameRecognizer NAMES = PersonNameRecognizer.withModel();

    static Stream<Arguments> cases() {
        return Stream.of(
                row("Gesprek met mevrouw J.P. de Vries over de aanvraag.", "J.P. de Vries"),
                row("Geachte heer Jansen-de Boer,", "Jansen-de Boer"),
                row("dhr. Van der Berg belde gisteren", "Van der Berg"),
                row("Volgens mw. Yilmaz is alles in orde.", "Yilmaz"),
                row("Fatima el Amrani heeft bezwaar gemaakt.", "Fatima el Amrani"),
                row("Het besluit is besproken met Mohamed Bouzid en Sanne Visser.", "Mohamed Bouzid", "Sanne Visser"),
                row("De aanvraag van Piet van 't Hek is compleet.", "Piet van 't Hek"),
                row("kun je een mail schrijven aan jan de vries over zijn aanvraag", "jan de vries"),
                row("vat het gesprek met mevrouw bakker samen", "bakker"),
                row("Jansen belde vanochtend terug.", "Jansen"),
                row("Gisteren sprak ik met Kowalski over de huur.", "Kowalski"),
                row("Met vriendelijke groet,\nHester Tromp\nTeamleider Wmo", "Hester Tromp"),
                row("Beste Oksana, dank voor je bericht.", "Oksana"),
                row("Mevrouw Ramsaroep-Jagessar is mantelzorger.", "Ramsaroep-Jagessar"),
                row("vat samen: meneer kowalczyk belde over zijn huurachterstand", "kowalczyk"),
                row("Cliënt: Froukje Ruijs, geboren 1947", "Froukje Ruijs"),
                row("Casemanager is Liesbeth Kamphuis van Dimence.", "Liesbeth Kamphuis"),
                row("Hoi Sanne,\n\nGroet, Esther", "Sanne", "Esther"),
                row("De bakker verkoopt brood, maar mevrouw Bakker belde over de vergunning.", "Bakker"),
                row("Gisteren belde Bakker over de vergunning.", "Bakker"),
                row("de Vries belde gisteren", "de Vries"),
                row("van der Berg", "van der Berg"),
                row("de", new String[0]),
                // hard negatives
                row("mevrouw belde en meneer zegt dat hij niet kan komen. mevrouw zelf is ziek."),
                row("Vragen over Nextcloud kunnen naar Juridische Zaken of het Selfservice Portaal."),
                row("Aannemer Van Wijnen B.V. start in september."),
                row("De bakker op de hoek verkoopt ook brood."),
                row("De Willem de Zwijgerlaan is afgesloten."),
                row("Zij ligt in het Jeroen Bosch Ziekenhuis."),
                row("Het college van burgemeester en wethouders heeft besloten."),
                row("Zie artikel 4:8 Awb en de Participatiewet."),
                row("De Wmo-consulent komt op maandag 12 maart langs."),
                row("Geachte heer/mevrouw,"),
                row("Groen licht voor het plan van de raad."),
                row("We gaan op de Dam staan.")
        );
    }

    private static Arguments row(String text, String... expected) {
        return Arguments.of(text, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheNames(String text, List<String> expected) {
        List<String> found = NAMES.find(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void failsClosedWhenTheNameModelIsMissing() {
        assertThatThrownBy(() -> OpenNlpNameFinder.loadModel("/pii/no-such-model.bin"))
                .isInstanceOf(PiiEngineException.class).hasMessageContaining("name model missing");
        assertThatThrownBy(() -> NameGazetteer.load("/pii/names/no-such-list.txt"))
                .isInstanceOf(WordListException.class).hasMessageContaining("resource missing");
    }
}
