package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * Name rules of the third forms round (issue 11), each with examples of our own that are not in the evaluation
 * set: registers ("Surname, I."), double given names, names that address someone, lower-case signatures, a person
 * word in brackets, and lower-case names that stop before a company. Fictitious people only.
 */
class NameFormsTest {

    private static List<String> persons(String text) {
        return PiiEngine.dutchDefault().detect(text).stream().filter(f -> f.type() == EntityType.PERSON)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void surnameCommaInitialsAsRegistersWriteThem() {
        assertThat(persons("Bewoners: Oyelaran, B. en Kuipers-van den Brink, M.J. (sinds 2019)"))
                .contains("Oyelaran, B.", "Kuipers-van den Brink, M.J.");
        assertThat(persons("Deelnemers: van der Wal, G.H.")).contains("van der Wal, G.H.");
        // a company's legal form is not a set of initials; a street or organisation word is not a surname
        assertThat(persons("Leverancier: Groothandel, B.V. in Zwolle")).isEmpty();
        assertThat(persons("Zie Stationsstraat, A. t/m D.")).isEmpty();
    }

    @Test
    void aDateInBracketsAfterARegisterNameIsTheBirthDate() {
        String text = "Gezin: Mensah, K. (14-08-1983) en Mensah-Boateng, A. (02-02-1986)";
        assertThat(PiiEngine.dutchDefault().detect(text).stream()
                .filter(f -> f.type() == EntityType.DATE_OF_BIRTH).map(f -> text.substring(f.start(), f.end())))
                .containsExactly("14-08-1983", "02-02-1986");
    }

    @Test
    void doubleGivenNamesOfKnownParts() {
        assertThat(persons("kun je jan-peter even bellen over de aanvraag")).contains("jan-peter");
        assertThat(persons("Gesproken met Anne-Marie over de planning.")).contains("Anne-Marie");
    }

    @Test
    void aGivenNameThatIsAlsoAWordAddressesSomeoneAtTheStartOfALine() {
        assertThat(persons("Hoi allemaal,\n\nMark, kun jij de notulen maken?\n> Roos, graag voor vrijdag."))
                .contains("Mark", "Roos");
        assertThat(persons("De roos bloeit, mark dit in de agenda.")).isEmpty();
    }

    @Test
    void lowerCaseSignatures() {
        assertThat(persons("ik bel morgen terug.\n\ngroeten kim")).contains("kim");
        assertThat(persons("alvast dank voor de hulp\n\nfleur van rijn")).contains("fleur van rijn");
        assertThat(persons("de stukken liggen klaar.\n\nmet spoed graag")).isEmpty();
    }

    @Test
    void aPersonWordInBracketsOrAnAgeMarksAName() {
        assertThat(persons("Besloten is dat Kofi (haar zoon) de sleutel krijgt.")).contains("Kofi");
        assertThat(persons("aanwezig: moeder en zoon tarik (9), de school was gebeld")).contains("tarik");
        assertThat(persons("De Raad (de eigenaar) stemde in.")).doesNotContain("Raad");
    }

    @Test
    void aLowerCaseNameEndsBeforeACompanyName() {
        assertThat(persons("bedank sanne van De Groot Installaties voor de offerte"))
                .contains("sanne").doesNotContain("sanne van De Groot Installaties");
        assertThat(persons("overleg met pieter van Gemeentewerken morgen")).contains("pieter");
    }

    @Test
    void abbreviatedGivenNamesAndCapitalsAfterInitials() {
        assertThat(persons("Aanwezig: wethouder Th. Verbeek en notaris Chr. van Loon")).contains("Th. Verbeek",
                "Chr. van Loon");
        assertThat(persons("ten name van DHR K.P. ROZENDAAL\nRekeningoverzicht")).contains("K.P. ROZENDAAL");
        assertThat(persons("Zie Ch. 4 van het rapport.")).isEmpty();
    }

    @Test
    void aSelfIntroductionNamesTheWriter() {
        assertThat(persons("Goedemiddag, ik ben Ngozi Eze-Obi en ik heb een vraag.")).contains("Ngozi Eze-Obi");
        assertThat(persons("Ik ben Nederlander en ik ben Blij met het besluit.")).isEmpty();
    }

    @Test
    void firmNamesAndNamesWrittenWithoutDiacritics() {
        assertThat(persons("Van: mr. P. Hoekstra (Hoekstra & Vos Notarissen)")).containsExactly("P. Hoekstra");
        assertThat(persons("Cliënt Şükrü Doğan belde. Later bleek dat Dogan al eerder had gemaild."))
                .containsExactly("Şükrü Doğan", "Dogan");
    }

    @Test
    void aSurnameAfterParticlesBelongsToTheNameBeforeIt() {
        assertThat(persons("Gesproken met Ilse Olde Monnikhof over de subsidie.")).contains("Ilse Olde Monnikhof");
        assertThat(persons("De Oude Kerk is open.")).isEmpty();
    }

    @Test
    void aNameLineAboveContactDetailsOrATrade() {
        assertThat(persons("Visitekaartje:\n\nAdaeze Nwosu\nZelfstandig stukadoor\nKvK 12345678"))
                .contains("Adaeze Nwosu");
        assertThat(persons("Bijlage\n\nJuridische Zaken\nT 030 123 4567")).isEmpty();
    }
}
