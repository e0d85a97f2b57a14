package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Dates of birth: the forms a birth date is written in (compact, apostrophe years, words, months of other languages, an
 * export's style) and the context that makes a date one (birth words, brackets after a name, lists, a name and an
 * identifier around it); other dates stay dates. Examples of our own, not in the evaluation sets; fictitious data only
 * (111222333 and 123456782 pass the elfproef).
 */
class DateOfBirthRulesTest {

    @Test
    void aDateInALaterYearIsNoBirthDate() {
        assertThat(found("De uitreiking is op 14 juni 2099. Geboortedatum vader 1970-01-02.", EntityType.DATE_OF_BIRTH))
                .containsExactly("1970-01-02");
        assertThat(DateOfBirthPatterns.laterThanThisYear("3-4-2099")).isTrue();
        assertThat(DateOfBirthPatterns.laterThanThisYear("1999-04-03")).isFalse();
        assertThat(DateOfBirthPatterns.laterThanThisYear("3-4-99")).isFalse();
    }

    @Test
    void aBirthDateInBracketsAfterARelationWord() {
        assertThat(found("Aanwezig: Sofia Lima (dochter, 03/09/2014) en haar moeder.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03/09/2014");
        assertThat(found("Joop Pels (overleden, 03-09-2014) liet een huis na.", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void birthDatesCompactOrWithAnApostropheYearButNoChatTimeStamps() {
        assertThat(found("dit is ruben kok geb 17031988, klopt dat?", EntityType.DATE_OF_BIRTH)).containsExactly("17031988");
        assertThat(found("ik ben geboren op 12-05-'71 in Delft", EntityType.DATE_OF_BIRTH)).containsExactly("12-05-'71");
        assertThat(found("wat is je geboortedatum?\n[03-11-26 14:02:11] Kees: 111222333", EntityType.DATE_OF_BIRTH))
                .isEmpty();
        assertThat(DateOfBirthPatterns.timeFollows("03-11-26 14:02", 8)).isTrue();
        assertThat(DateOfBirthPatterns.timeFollows("03-11-1960 in", 10)).isFalse();
    }

    @Test
    void birthDatesInWords() {
        assertThat(found("Jan Smit, geboren te Breda op zeven maart negentienhonderd tweeënvijftig, wonende",
                EntityType.DATE_OF_BIRTH)).containsExactly("zeven maart negentienhonderd tweeënvijftig");
        assertThat(found("geboren drie juni tweeduizend elf", EntityType.DATE_OF_BIRTH))
                .containsExactly("drie juni tweeduizend elf");
        // without a birth word a date in words is left alone
        assertThat(found("de akte is verleden op zeven maart tweeduizend zes", EntityType.DATE_OF_BIRTH)).isEmpty();
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

    /** pii49: an American date in figures after "born", told by a day after the 12th. */
    @Test
    void anAmericanBirthDateInFigures() {
        assertThat(found("our daughter Zofia (born 07/23/2018) lives with us.", EntityType.DATE_OF_BIRTH))
                .containsExactly("07/23/2018");
        assertThat(found("He was born on 3/14/1990 in Gdansk.", EntityType.DATE_OF_BIRTH)).containsExactly("3/14/1990");
        assertThat(found("We met on 07/23/2025 and he was born in Delft.", EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("Invoice of 07/23/2018, paid.", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aBirthDateUnderItsHeaderInColumnsSetApartBySpaces() {
        String scan = "Deelnemer       Geboren        Groep\nPiet Smit       O3-O3-l96l     4\nEls de Wit      04-04-1962     2\n";
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).containsExactly("O3-O3-l96l", "04-04-1962");
        String other = "Deelnemer       Intake         Groep\nPiet Smit       03-03-2026     4\n";
        assertThat(found(other, EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aBirthDateOpeningTheBracketsAfterAName() {
        assertThat(found("bewind voor Karel Visser (03-03-1961, BSN 111222333) gaat in", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-03-1961");
        assertThat(found("kinderen Noor Visser (2015-04-01, 123456782) en Daan", EntityType.DATE_OF_BIRTH))
                .containsExactly("2015-04-01");
        assertThat(found("Karel Visser (03-03-2026, zaak Z-12) belde", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void birthDatesInSpokenForms() {
        assertThat(found("mijn moeder? ze is van 3 mrt 1941, woont nog thuis", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 mrt 1941");
        assertThat(found("de offerte is van 3 mrt 2025", EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("geboren op twaalf mei negentien vierenvijftig te Delft", EntityType.DATE_OF_BIRTH))
                .containsExactly("twaalf mei negentien vierenvijftig");
    }

    @Test
    void aBirthDateCueIsSpentOnTheFirstDateAfterASentence() {
        assertThat(found("geb. 04-05-1988. afgemeld 12/10/2026, graag archiveren", EntityType.DATE_OF_BIRTH))
                .containsExactly("04-05-1988");
        assertThat(found("geboortedatum kinderen: 01-02-2015, 03-04-2017", EntityType.DATE_OF_BIRTH))
                .containsExactly("01-02-2015", "03-04-2017");
    }

    @Test
    void birthDatesInAnExportsStyleAndInTheResidentsOwnLanguage() {
        assertThat(found("geb.datum 21-MAR-77 volgens de export", EntityType.DATE_OF_BIRTH)).containsExactly("21-MAR-77");
        assertThat(found("naam\tgeboortedatum\nPIET SMIT\t05-OCT-59\n", EntityType.DATE_OF_BIRTH))
                .containsExactly("05-OCT-59");
        assertThat(found("mon fils Luc, né le 12 février 2019 à Lyon", EntityType.DATE_OF_BIRTH))
                .containsExactly("12 février 2019");
        assertThat(found("mi madre nació el 3 de enero de 1944 en Quito", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 de enero de 1944");
        assertThat(found("BEGIN:VCARD\nFN:Piet Smit\nBDAY:1961-03-03\nEND:VCARD", EntityType.DATE_OF_BIRTH))
                .containsExactly("1961-03-03");
        assertThat(found("geboortedata: 4-4-1990 en 5-5-1992", EntityType.DATE_OF_BIRTH))
                .containsExactly("4-4-1990", "5-5-1992");
        // a meeting date in a foreign language is no birth date
        assertThat(found("la réunion du 12 février 2019 à Lyon", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void theNextDatesOfAListOfBirthDates() {
        assertThat(found("Ik ben geboren op 3.3.1961 in Gent, mijn man Karel op 4.5.1958 en onze zoon op 6.7.1990.",
                EntityType.DATE_OF_BIRTH)).containsExactly("3.3.1961", "4.5.1958", "6.7.1990");
        // another kind of date in the list, or a new sentence, ends it
        assertThat(found("Geboren op 3.3.1961 in Gent, ingediend op 4.5.2020.", EntityType.DATE_OF_BIRTH))
                .containsExactly("3.3.1961");
        assertThat(found("Geboren op 3.3.1961 in het ziekenhuis van Gent. Op 4.5.1990 zijn ze verhuisd.",
                EntityType.DATE_OF_BIRTH))
                .containsExactly("3.3.1961");
    }

    @Test
    void aDateBetweenANameAndAnIdentifier() {
        assertThat(found("aanvraag: bertilde oyelaran 17041968 bsn 111222333", EntityType.DATE_OF_BIRTH))
                .containsExactly("17041968");
        assertThat(found("De aanvrager is Karel Visser 03-03-1961, BSN 111222333.", EntityType.DATE_OF_BIRTH))
                .containsExactly("03-03-1961");
        // without the identifier after it a date after a name is any date
        assertThat(found("Karel Visser 03-03-2021 gebeld over de aanvraag", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aDateInBracketsAfterARelationWord() {
        assertThat(found("mijn vader (04-05-1950) komt ook naar het gesprek", EntityType.DATE_OF_BIRTH))
                .containsExactly("04-05-1950");
        assertThat(found("de vergadering (04-05-2026) gaat door", EntityType.DATE_OF_BIRTH)).isEmpty();
    }

    @Test
    void aDeathDateInTheResidentsOwnLanguageIsNoBirthDate() {
        assertThat(found("ma mère, née le 3 avril 1931 à Gand, décédée le 12 janvier 2019", EntityType.DATE_OF_BIRTH))
                .containsExactly("3 avril 1931");
    }

    @Test
    void aBirthdayColumn() {
        assertThat(found("naam;verjaardag\nPiet Smit;03-03-1961\n", EntityType.DATE_OF_BIRTH)).containsExactly("03-03-1961");
    }
}
