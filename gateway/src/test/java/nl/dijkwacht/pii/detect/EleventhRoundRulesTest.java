package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the eleventh forms round (issue 11), each with examples of our own that are not in the evaluation sets.
 * Fictitious data only; 111222333 and 123456782 pass the elfproef.
 */
class EleventhRoundRulesTest {

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
    void aFormReadersTextNamesTheValue() {
        String blocks = "[{\"BlockType\":\"KEY_VALUE_SET\",\"Text\":\"Geboortedatum\",\"Value\":\"17-04-1968\"},"
                + "{\"BlockType\":\"KEY_VALUE_SET\",\"Text\":\"Datum ondertekening\",\"Value\":\"02-12-2026\"}]";
        assertThat(found(blocks, EntityType.DATE_OF_BIRTH)).containsExactly("17-04-1968");
    }

    @Test
    void kvkNumbersOfSoleTraders() {
        // "KvK" as a key in mixed case, a person's record
        assertThat(found("{\"voornamen\": \"Piet\", \"geslachtsnaam\": \"Smit\", \"KvK\": \"12345678\"}", EntityType.KVK))
                .containsExactly("12345678");
        // a firm's record: no person-name key
        assertThat(found("{\"naam\": \"Smit Installatietechniek\", \"KvK\": \"12345678\"}", EntityType.KVK)).isEmpty();
        // the sole-trader word as the label, spent on the first number when the second is the bv's
        assertThat(found("eigenaar piet smit (eenmanszaak 12345678, 87654321 is zijn bv), pand", EntityType.KVK))
                .containsExactly("12345678");
        assertThat(FieldKeys.normalise("KvK")).isEqualTo("kvk");
        assertThat(FieldKeys.normalise("klantNr")).isEqualTo("klant nr");
    }

    @Test
    void aNameWithTheNameItGoesByInsideIt() {
        assertThat(found("Aanvrager: dhr. J. (Johan) Verbeek, Dorpsstraat 1", EntityType.PERSON))
                .contains("J. (Johan) Verbeek");
        assertThat(found("Aanwezig waren Wilhelmus (Wim) van der Heijden en de secretaris.", EntityType.PERSON))
                .contains("Wilhelmus (Wim) van der Heijden");
        assertThat(found("we spraken met Johanna 'Hanneke' Verhoeven over de aanvraag", EntityType.PERSON))
                .contains("Johanna 'Hanneke' Verhoeven");
        // a surname that is also an ordinary word (smit, veen, graaf) keeps the parts apart: still all found
        assertThat(found("we spraken met Johanna 'Hanneke' Smit over de aanvraag", EntityType.PERSON))
                .contains("Johanna", "Smit");
        // a word in brackets between ordinary words is no nickname
        assertThat(found("Ik werk (thuis) vandaag aan de cursus.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void firstNameDotLastNameAtAPublicBodyIsAPerson() {
        assertThat(found("mail naar kowaru.tembeni@politie.nl graag", EntityType.EMAIL))
                .containsExactly("kowaru.tembeni@politie.nl");
        // service mailboxes stay harmless
        assertThat(found("mail naar wijkagent.noord@politie.nl of verzuim@gemeente.nl", EntityType.EMAIL)).isEmpty();
    }
}
