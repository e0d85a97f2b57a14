package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii48b: birth dates that held-out-12, -13 and -14 showed missed — scanned dates with a damaged letter, spaced
 * separators or a split year, dates in words in brackets after a name, and dates between a name and an identifier
 * found without its label — and the dates beside them that stay dates. Examples of our own, not in the evaluation
 * sets; fictitious data only.
 */
class DatesBesideNamesAndScansTest {

    @Test
    void aScannedBirthDateWithADamagedLetterSpacedSeparatorsOrASplitYearIsFound() {
        assertThat(found("Naam  K. Smit\nGeboortedatum 2O-O3-l98S\nKlantnr 4411", EntityType.DATE_OF_BIRTH))
                .containsExactly("2O-O3-l98S");
        assertThat(found("de huurder, geboren l2\nmaart 1967 , verklaart", EntityType.DATE_OF_BIRTH))
                .containsExactly("l2\nmaart 1967");
        assertThat(found("Kind: Sem Bos        Geb.dat: 4 / 7 / 2Ol1\nAdres: Dorpsweg 3", EntityType.DATE_OF_BIRTH))
                .containsExactly("4 / 7 / 2Ol1");
        assertThat(found("Naam:  Anna  Bos\nGeb.dat:  O5 - 1l - 19 79\nTel:  onbekend", EntityType.DATE_OF_BIRTH))
                .containsExactly("O5 - 1l - 19 79");
    }

    @Test
    void theSameBirthDateInFiguresInBracketsAfterItInWordsIsFound() {
        String deed = "geboren op twaalf maart negentienhonderd zevenenzestig (12-O3-l967), wonende te Assen";
        assertThat(found(deed, EntityType.DATE_OF_BIRTH))
                .containsExactly("twaalf maart negentienhonderd zevenenzestig", "12-O3-l967");
    }

    @Test
    void aDateInBracketsAfterANameIsFoundWithTheMonthInWordsOrBeforeAnotherNumber() {
        assertThat(found("het systeem toont Pieter Smit (14 juni 1958) maar ik zocht zijn broer", EntityType.DATE_OF_BIRTH))
                .containsExactly("14 juni 1958");
        assertThat(found("Mevrouw Anna de Boer (03-04-1949, klantnr 5512) belde over haar pas", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-04-1949");
        assertThat(found("Kinderen:  Sem (O3-O4-2O1O)  Noor (l2-ll-2Ol3)\n", EntityType.DATE_OF_BIRTH))
                .containsExactly("O3-O4-2O1O", "l2-ll-2Ol3");
    }

    @Test
    void aDateBetweenANameAndAnIdentifierFoundWithoutItsLabelIsABirthDate() {
        assertThat(found("voorbeeldregel: Jansen Maria 19850412 999900018, klantnr 12", EntityType.DATE_OF_BIRTH))
                .containsExactly("19850412");
        String list = "zet in een tabel: Karin Bos 7 mei 1966 06-12345678; Piet de Vries 2 okt 1970 06-87654321; "
                + "Samira Amrani 9-1-2001 geen tel.";
        assertThat(found(list, EntityType.DATE_OF_BIRTH)).containsExactly("7 mei 1966", "2 okt 1970", "9-1-2001");
    }

    @Test
    void datesThatAreNoBirthDatesStayDates() {
        assertThat(found("Piet Smit 12-03-2026 gebeld, 06-12345678 terugbellen", EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("* Assen, 3 mei 1931      † Emmen, 12 oktober 2026\nNabestaande: Jan Bos", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 mei 1931");
        assertThat(found("Karin Bos (2 oktober 2031) komt op gesprek", EntityType.DATE_OF_BIRTH)).isEmpty();
    }
}
