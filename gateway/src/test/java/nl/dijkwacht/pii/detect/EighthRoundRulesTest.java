package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the eighth forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only; 111222333 and 123456782 pass the elfproef.
 */
class EighthRoundRulesTest {

    @Test
    void aBsnCopiedInOtherGroups() {
        assertThat(found("bsn van de aanvrager 1112.223.33, graag controleren", EntityType.BSN))
                .containsExactly("1112.223.33");
        assertThat(found("Zijn BSN is 1112 2233 3.", EntityType.BSN)).containsExactly("1112 2233 3");
        assertThat(found("BSN 11122 23 33 staat op het formulier", EntityType.BSN)).containsExactly("11122 23 33");
        assertThat(found("klant (1112 2233 3) belde", EntityType.BSN)).containsExactly("1112 2233 3");
        assertThat(found("| nr | bsn |\n|---|---|\n| 1 | 1112-223-33 |\n", EntityType.BSN)).containsExactly("1112-223-33");
    }

    @Test
    void otherNumbersInGroupsAreNoBsn() {
        // a scanned form's boxes and dotted numbers not opened by four digits need a BSN word; part of a longer number is none
        assertThat(found("formulier 11122 23 33 ontvangen", EntityType.BSN)).isEmpty();
        assertThat(found("de server 123.45.67.82 reageert niet", EntityType.BSN)).isEmpty();
        assertThat(found("bel 06 1112 2233 3 of mail", EntityType.BSN)).isEmpty();
        assertThat(found("bsn 1112 2233 34 klopt niet", EntityType.BSN)).isEmpty();
    }

    @Test
    void theBsnInAnIdentityCardsMachineReadableZone() {
        String scan = "achterkant:\nI<NLDXR4K18P725111222333<<<<<<\n8501019F3101012NLD<<<<<<<<<<<4\nJANSEN<<PIET<<<<<<<<<<<<<<<<<<\n";
        assertThat(found(scan, EntityType.BSN)).containsExactly("111222333");
        assertThat(found(scan, EntityType.ID_DOCUMENT)).containsExactly("XR4K18P72");
    }

    @Test
    void tableHeadersWithARowNumberColumnOrACommaInBrackets() {
        assertThat(found("| # | naam | geboortedatum |\n|---|---|---|\n| 1 | P. Smit | 3 maart 1961 |\n",
                EntityType.DATE_OF_BIRTH)).containsExactly("3 maart 1961");
        assertThat(found("\"Naam (achternaam, voornaam)\";\"Geb. datum\"\n\"Smit, Piet\";\"03.03.1961\"\n",
                EntityType.DATE_OF_BIRTH)).containsExactly("03.03.1961");
    }

    @Test
    void birthDatesInMoreForms() {
        assertThat(found("geboortedatum: 00-00-1988 (onbekend)", EntityType.DATE_OF_BIRTH)).containsExactly("00-00-1988");
        assertThat(found("zijn moeder, geboren 5 mei '75, woont ook daar", EntityType.DATE_OF_BIRTH))
                .containsExactly("5 mei '75");
        assertThat(found("My son (born June 3, 1990) moved here.", EntityType.DATE_OF_BIRTH))
                .containsExactly("June 3, 1990");
        assertThat(found("We met on June 3, 2025 and he was born in Delft.", EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("vergadering 00-00-2026 nog te plannen", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void organisationsAndVenuesNamedAfterPeople() {
        assertThat(found("verslag Buurtraad Anna Blaman, aanwezig: Kees Hoekstra", EntityType.PERSON))
                .containsExactly("Kees Hoekstra");
        assertThat(found("namens Wijkbelang Pieter de Hooch en Steunpunt Jan Wolkers", EntityType.PERSON)).isEmpty();
        assertThat(found("training op het Wim Suurbier Court, leverancier Karel Smit Mobiliteit", EntityType.PERSON))
                .isEmpty();
        assertThat(found("| nr | vereniging |\n|---|---|\n| 3 | Historische Vereniging Joh. A. Alberdingk |\n",
                EntityType.PERSON)).isEmpty();
        // a ride is no firm: the name after "taxi" stays a name
        assertThat(found("Onderwerp: taxi Sven\n\nSven stond weer te wachten.", EntityType.PERSON)).contains("Sven");
    }

    @Test
    void personKeysOfFilersAndGivenNamesWithoutSalutation() {
        assertThat(found("{\"voornamen\": \"Lieve Anna\", \"geslachtsnaam\": \"Smit\"}", EntityType.PERSON))
                .containsExactly("Lieve Anna", "Smit");
        assertThat(found("{\"titel\": \"Bezwaar\", \"indiener\": \"SMIT P\"}", EntityType.PERSON))
                .containsExactly("SMIT P");
        assertThat(found("Werknemer: Tj. de Vries-Bakker        Afdeling: Burgerzaken", EntityType.PERSON))
                .containsExactly("Tj. de Vries-Bakker");
    }

    @Test
    void aLowerCaseSurnameThatTheEmailAddressBesideItRepeats() {
        assertThat(found("de aanvrager is ludmila petrenkova, l.petrenkova7@gmail.com, ze belt morgen", EntityType.PERSON))
                .containsExactly("ludmila petrenkova");
        assertThat(found("mail van sara ben haddou: sarabenhaddou@outlook.com", EntityType.PERSON))
                .contains("sara ben haddou");
        // an address that does not repeat the next word extends nothing
        assertThat(found("de aanvrager is ludmila petrenkova, info@buurthuis.nl", EntityType.PERSON))
                .containsExactly("ludmila");
    }

    @Test
    void aListTypedWithDashesBetweenItsColumns() {
        String list = "deelnemers:\n\nnaam - geboortedatum - woonplaats\npiet smit - 02/03/2009 - Delft\n"
                + "ayla demir - 11/12/2010 - Gouda\n";
        assertThat(found(list, EntityType.PERSON)).containsExactly("piet smit", "ayla demir");
        assertThat(found(list, EntityType.DATE_OF_BIRTH)).containsExactly("02/03/2009", "11/12/2010");
        // two columns are no such list: "Delft - Gouda" lines stay prose
        assertThat(found("route - vertrek\nDelft - 02/03/2009\n", EntityType.DATE_OF_BIRTH)).isEmpty();
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
}
