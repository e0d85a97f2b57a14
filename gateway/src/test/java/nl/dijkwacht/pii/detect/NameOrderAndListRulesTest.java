package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Person names in other orders and cases and in lists: {@code Achternaam, Voornaam} (with particles, in capitals, in
 * runs), family name first in capitals, names in capitals, and the other items of a list written like a name found in
 * it. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the
 * elfproef).
 */
class NameOrderAndListRulesTest {

    @Test
    void surnameCommaGivenNameInALine() {
        assertThat(found("Aanwezig: Bakker (wijkagent), Vos, Marieke (jurist) en de voorzitter.", EntityType.PERSON))
                .contains("Vos, Marieke");
        assertThat(found("Huishouden:\n- Doelwijt, Armand — aanvrager, sinds mei in de wijk\n", EntityType.PERSON))
                .contains("Doelwijt, Armand");
    }

    @Test
    void surnameCommaGivenNameWithParticlesOrInOutlookOrder() {
        assertThat(found("deelnemers:\n- van Beek, Marloes\n- Jong, de, Peter\n", EntityType.PERSON))
                .contains("van Beek, Marloes", "Jong, de, Peter");
        assertThat(found("aanwezig: Ben Youssef, Karim; El Idrissi, Latifa", EntityType.PERSON))
                .contains("Ben Youssef, Karim");
        // "in" alone before a place is a preposition, not part of a name
        assertThat(found("De cursus is in Amersfoort, Kees komt ook.", EntityType.PERSON)).doesNotContain("in Amersfoort, Kees");
    }

    @Test
    void aGivenNameAndSurnameBothInCapitals() {
        assertThat(found("DEELNEMERS: HAKAN YILDIRIM EN PETRA KOVAC. GRAAG BEVESTIGEN.", EntityType.PERSON))
                .contains("HAKAN YILDIRIM");
        assertThat(found("AFDELING VERGUNNINGEN: ANNA ZAL DIT BEHANDELEN", EntityType.PERSON)).doesNotContain("ANNA ZAL");
    }

    @Test
    void surnameCommaGivenNameInCapitals() {
        assertThat(found("bewoners volgens de lijst:\nnr 3 HOEKSTRA, PIETER\nnr 5 leeg", EntityType.PERSON))
                .containsExactly("HOEKSTRA, PIETER");
        assertThat(found("nr 7 MULDER, PETRA en SMIT, KEES", EntityType.PERSON))
                .containsExactly("MULDER, PETRA", "SMIT, KEES");
        // in ordinary case the comma order still needs a list or a known surname
        assertThat(found("Gelukkig, Anna is er morgen.", EntityType.PERSON)).doesNotContain("Gelukkig, Anna");
    }

    @Test
    void aNameInCapitalsTakesInTheCapitalsBesideIt() {
        assertThat(found("namens de buurt spreken OLUWASEUN ADEBAYO KEHINDE (penningmeester) en Kees", EntityType.PERSON))
                .contains("OLUWASEUN ADEBAYO KEHINDE");
        // words in capitals that are no name part stay out: a BSN word, a function word
        assertThat(found("AANVRAGER PIETER SMIT BSN 111222333", EntityType.PERSON)).containsExactly("PIETER SMIT");
        assertThat(found("HUN ADVISEUR WAS METIN ÖZDEMIR EN HIJ BELDE", EntityType.PERSON)).containsExactly("METIN ÖZDEMIR");
    }

    @Test
    void theOtherItemsOfAListWrittenLikeANameFoundInIt() {
        assertThat(found("deelnemers: ALI HASSAN OMER, TAPIWA MOYO, KEALOHA KAHALE; FENNA BOS", EntityType.PERSON))
                .contains("TAPIWA MOYO", "KEALOHA KAHALE");
        assertThat(found("aanmeldingen: sanne de vries, tapiwa moyo, kealoha kahale. graag een mail", EntityType.PERSON))
                .contains("sanne de vries", "tapiwa moyo", "kealoha kahale");
        // items with a common or function word, or of one word, stay out
        assertThat(found("aanmeldingen: sanne de vries, geen bezwaar, morgen graag. ok", EntityType.PERSON))
                .containsExactly("sanne de vries");
        // an initial inside an organisation's name
        assertThat(found("| nr | naam |\n|---|---|\n| 2 | Stichting Joh. P. Heijermans |\n", EntityType.PERSON)).isEmpty();
    }

    @Test
    void otherCapitalisedNamesOfAListWithANameFound() {
        assertThat(found("uitnodigen: Karel Visser, Tavita Leiataua, Ilse Hoekstra en Mosese Fonoti (bestuur)",
                EntityType.PERSON)).contains("Tavita Leiataua", "Mosese Fonoti");
        assertThat(found("export: Visser Karel | Leiataua Tavita | Hoekstra Ilse", EntityType.PERSON))
                .contains("Leiataua Tavita");
        // places and firms in such a list stay what they are
        assertThat(found("vestigingen: Karel Visser, Den Haag en Albert Heijn", EntityType.PERSON))
                .containsExactly("Karel Visser");
    }

    @Test
    void namesInSurnameCommaOrder() {
        assertThat(found("controle:\nVISSER, Karel Jan 111222333, graag", EntityType.PERSON))
                .contains("VISSER, Karel Jan");
        assertThat(found("collega's: Visser, Karel; Leiataua, Tavita; Fonoti, Mosese; Berg, van den, Joop.",
                EntityType.PERSON)).contains("Leiataua, Tavita", "Fonoti, Mosese", "Berg, van den, Joop");
        assertThat(found("huurders:\nLeiataua Fonoti, Tavita\nVisser, Karel\n", EntityType.PERSON))
                .contains("Leiataua Fonoti, Tavita");
        // a place and its country is no name
        assertThat(found("vanuit Visser, Karel; Leiden, Nederland", EntityType.PERSON)).containsExactly("Visser, Karel");
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
}
