package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.pii.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Identifiers in scanned (OCR) text: letters read for digits ({@code O}, {@code l}, {@code B}, {@code S}), a scanned
 * form's boxes (letter-spaced or parted by bars) and letter-spaced text; the guards that keep codes and house numbers
 * as they are. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the
 * elfproef).
 */
class OcrIdentifierRulesTest {

    @Test
    void ocrConfusionsInsideADutchIban() {
        // NL44RABO0123456789 and NL20INGB0001234567 pass mod-97; scans read 0 as O and 1 as l
        assertThat(found("rekening NL44RABOOl23456789 graag", EntityType.IBAN)).containsExactly("NL44RABOOl23456789");
        assertThat(found("IBAN NL2O INGB OOO1 2345 67.", EntityType.IBAN)).containsExactly("NL2O INGB OOO1 2345 67");
        assertThat(found("code NLOOABCDOOOOOOOOOO", EntityType.IBAN)).isEmpty();
    }

    @Test
    void aBsnInTheBoxesOfAScannedForm() {
        assertThat(found("BSN: 1 1 1 2 2 2 3 3 3\n", EntityType.BSN)).containsExactly("1 1 1 2 2 2 3 3 3");
        assertThat(found("BSN: 1 l 1 2 2 2 3 3 3\n", EntityType.BSN)).containsExactly("1 l 1 2 2 2 3 3 3");
    }

    @Test
    void letterSpacedTextIsReadClosedUp() {
        String form = "AANVRAAG\nNaam:  P i e t e r   d e   V r i e s\nPostcode:  1 2 3 4 A B\nBSN:  1 2 3 4 5 6 7 8 2\n";
        assertThat(found(form, EntityType.PERSON)).containsExactly("P i e t e r   d e   V r i e s");
        assertThat(found(form, EntityType.POSTCODE)).containsExactly("1 2 3 4 A B");
        assertThat(found(form, EntityType.BSN)).containsExactly("1 2 3 4 5 6 7 8 2");
        TextNormalizer normalizer = new TextNormalizer();
        assertThat(normalizer.normalize(form).text()).contains("Pieter de Vries", "1234AB", "123456782");
        // a few single letters in prose, or single digits in the columns of a fixed-width table, stay as they are
        assertThat(normalizer.normalize("kies a b c of d").text()).isEqualTo("kies a b c of d");
        assertThat(normalizer.normalize("1      2      3      4      5").text()).isEqualTo("1      2      3      4      5");
    }

    /**
     * pii49 (session 48's leftover): a letter-spaced label before its colon, and the punctuation of an address, a date
     * or a grouped number inside a letter-spaced run. Without the label closed up, {@code B S N :} was no cue and the
     * {@code IBAN} label of the next line ruled the BSN out.
     */
    @Test
    void letterSpacedLabelsAndPunctuationInsideALetterSpacedRun() {
        String form = "B S N :  111 222 333\nT e l :  0 6 2 7 7 1 0 4 8 3\nIBAN :  NL91 ABNA 0417 1643 00\n";
        assertThat(found(form, EntityType.BSN)).containsExactly("111 222 333");
        assertThat(found("E-mail: j . j a n s e n @ e x a m p l e . n l", EntityType.EMAIL))
                .containsExactly("j . j a n s e n @ e x a m p l e . n l");
        assertThat(found("Geboren op 1 2 / 0 3 / 1 9 8 5 in Delft", EntityType.DATE_OF_BIRTH))
                .containsExactly("1 2 / 0 3 / 1 9 8 5");
        assertThat(found("BSN 1 1 1 . 2 2 2 . 3 3 3", EntityType.BSN)).containsExactly("1 1 1 . 2 2 2 . 3 3 3");
        TextNormalizer normalizer = new TextNormalizer();
        assertThat(normalizer.normalize(form).text()).startsWith("BSN :  111 222 333\nTel :  0627710483\n");
        // single letters in prose stay: not at a line's start, no colon after them, or a stray full stop
        assertThat(normalizer.normalize("kies a b c: of d").text()).isEqualTo("kies a b c: of d");
        assertThat(normalizer.normalize("a b c en verder").text()).isEqualTo("a b c en verder");
        assertThat(normalizer.normalize("zie . . . en verder").text()).isEqualTo("zie . . . en verder");
    }

    @Test
    void scannedPhoneNumbersWithLettersForDigitsInEveryGroup() {
        assertThat(found("huisbaas  +3l 6 l2 O3 ll 44", EntityType.PHONE)).containsExactly("+3l 6 l2 O3 ll 44");
        assertThat(found("tel 6 l2O4 9937", EntityType.PHONE)).containsExactly("6 l2O4 9937");
        // a short word after a number stays a word
        assertThat(found("blad 12 lo", EntityType.PHONE)).isEmpty();
    }

    @Test
    void scannedNumbersWithEightsAndFivesReadAsLetters() {
        assertThat(found("Tel.: O2O-47B 12 S5", EntityType.PHONE)).containsExactly("O2O-47B 12 S5");
        assertThat(found("mobiel O6 1B 44 2l 3O", EntityType.PHONE)).containsExactly("O6 1B 44 2l 3O");
        assertThat(found("geboren op 2B mei 1977 te Assen", EntityType.DATE_OF_BIRTH)).containsExactly("2B mei 1977");
        assertThat(found("geboren op 1S mei 1977 te Assen", EntityType.DATE_OF_BIRTH)).containsExactly("1S mei 1977");
        // a house-number addition, a class and codes stay as they are
        assertThat(found("Zij woont op Kerkstraat 3B en zit in groep 7B; code B2B-12 en S12.", EntityType.PHONE)).isEmpty();
        assertThat(found("Zij woont op Kerkstraat 3B", EntityType.ADDRESS)).containsExactly("Kerkstraat 3B");
    }

    @Test
    void boxesPartedByBarsAndBirthDatesPartedBySpaces() {
        assertThat(found("BSN: 1|1|1|2|2|2|3|3|3\n", EntityType.BSN)).containsExactly("1|1|1|2|2|2|3|3|3");
        assertThat(found("Geboortedatum: 1|7|O|4|1|9|6|8\n", EntityType.DATE_OF_BIRTH))
                .containsExactly("1|7|O|4|1|9|6|8");
        assertThat(found("geb. 17 O4 1968   te Emmen", EntityType.DATE_OF_BIRTH)).containsExactly("17 O4 1968");
        // a markdown row of single digits is a table, not boxes
        assertThat(found("| 1|2|3|4|5|6|7|8|9 |", EntityType.BSN)).isEmpty();
        // a date parted by spaces without a birth word is left alone
        assertThat(found("vergadering 17 04 2026 om tien uur", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void scannedAddressesWithGapsAndDoubledLetters() {
        assertThat(found("ik woon Merel straat 12 sinds mei", EntityType.ADDRESS)).containsExactly("Merel straat 12");
        assertThat(found("woonachtig Kerkewijk  190 Veenendaal", EntityType.ADDRESS)).containsExactly("Kerkewijk  190");
        assertThat(found("Dhr. P. Smit\nHoge  laan  3\n1234  AB  DELFT", EntityType.POSTCODE)).containsExactly("1234  AB");
        assertThat(found("Adres: Burgemeester Wi11emlaan 9", EntityType.ADDRESS)).containsExactly("Burgemeester Wi11emlaan 9");
        // a code in capitals keeps its digits, and "weg" after a word is prose
        assertThat(new TextNormalizer().normalize("code AB11CD").text()).isEqualTo("code AB11CD");
        assertThat(found("Morgen weg 3 dagen naar Texel", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void gapsAreRepairedAfterATextThatOpensWithOne() {
        // the searches for a gap once stopped at a match at the text's first character (a pasted table cell, OCR output)
        assertThat(found("  woonachtig Kerkewijk  190 Veenendaal", EntityType.ADDRESS)).containsExactly("Kerkewijk  190");
        assertThat(found("  Hoge  laan  3\n1234  AB  DELFT", EntityType.POSTCODE)).containsExactly("1234  AB");
        assertThat(found(" straat en huisnummer: ik woon Merel straat 12 sinds mei", EntityType.ADDRESS))
                .containsExactly("Merel straat 12");
    }

    @Test
    void aFiveReadForAnSInAName() {
        assertThat(found("Naam ouder: Petra de Vrie5\nTel. ouder: 0612345678", EntityType.PERSON))
                .containsExactly("Petra de Vrie5");
        // codes keep their digits
        assertThat(new TextNormalizer().normalize("fase5 en A5 en Blok5b").text()).isEqualTo("fase5 en A5 en Blok5b");
    }
}
