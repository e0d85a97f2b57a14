package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Phone numbers without the leading zero or the {@code +}, in more groupings, and the cue words and keys they need.
 * Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782 pass the elfproef).
 */
class PhoneNumberRulesTest {

    @Test
    void aMobileNumberWithoutPlusAfterACallBackWord() {
        assertThat(found("graag terugbellen op 31687654321 vandaag", EntityType.PHONE)).containsExactly("31687654321");
        assertThat(found("ordernummer 31687654321", EntityType.PHONE)).isEmpty();
    }

    @Test
    void shortCueWordsInRunningTextAreWholeWords() {
        // "bel" must not be read inside "belastingen"
        assertThat(found("vraag over de belastingen van 2025, nummer 612345678 klopt niet", EntityType.PHONE)).isEmpty();
        assertThat(found("kun je hem bellen op 612345678?", EntityType.PHONE)).containsExactly("612345678");
    }

    @Test
    void whatsAppIdIsAPhoneNumber() {
        assertThat(found("{\"contacts\": [{\"wa_id\": \"31612345678\"}]}", EntityType.PHONE)).containsExactly("31612345678");
    }

    @Test
    void aDutchMobileNumberWithoutItsPlus() {
        assertThat(found("stuur het naar 31698765432 vandaag", EntityType.PHONE)).containsExactly("31698765432");
        assertThat(found("{\"from\": \"31698765432\", \"type\": \"text\"}", EntityType.PHONE))
                .containsExactly("31698765432");
        // a label for another number rules it out; a longer run of digits is none
        assertThat(found("klantnummer 31698765432", EntityType.PHONE)).isEmpty();
        assertThat(found("referentie 3169876543210", EntityType.PHONE)).isEmpty();
    }

    @Test
    void anInternationalNumberWithoutItsPlusUnderAPhoneKey() {
        assertThat(found("{\"recipient\": 32471234567, \"status\": \"sent\"}", EntityType.PHONE))
                .containsExactly("32471234567");
        assertThat(found("naam;telefoon\nLena Berg;46812345678\n", EntityType.PHONE)).containsExactly("46812345678");
        // an account's id is no number to call
        assertThat(found("{\"phone_number_id\": \"104523987612\"}", EntityType.PHONE)).isEmpty();
    }

    @Test
    void phoneNumbersWithoutTheLeadingZeroInMoreGroupings() {
        assertThat(found("graag terugbellen op 6 1122 3344", EntityType.PHONE)).containsExactly("6 1122 3344");
        assertThat(found("tel 6 11 22 33 44 na vijven", EntityType.PHONE)).containsExactly("6 11 22 33 44");
        assertThat(found("dossier 6 1122 3344 afgesloten", EntityType.PHONE)).isEmpty();
    }

    @Test
    void aHyphenWithTwoSpacesInAPhoneNumber() {
        assertThat(found("zijn nummer: 06 -  12 34 56 78", EntityType.PHONE)).containsExactly("06 -  12 34 56 78");
    }
}
