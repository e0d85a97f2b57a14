package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules of the fourth forms round (issue 11) about keys, mailboxes and header lines, each with examples of our own
 * that are not in the evaluation sets. Fictitious data only.
 */
class FourthRoundCuesTest {

    @Test
    void shortKeyCuesMatchWholeWordsOnly() {
        assertThat(KeyContext.containsWord("geb", "geb")).isTrue();
        assertThat(KeyContext.containsWord("geb datum", "geb")).isTrue();
        assertThat(KeyContext.containsWord("gebeurtenissen datum", "geb")).isFalse();
        assertThat(KeyContext.containsWord("gebouw", "geb")).isFalse();
        assertThat(KeyContext.containsWord("naam partner", "naam")).isTrue();
        assertThat(KeyContext.containsWord("geboortedatum", "geboorte")).isTrue();
        assertThat(KeyContext.containsWord("taalcafe", "taal$")).isFalse();
        assertThat(KeyContext.containsWord("taal", "taal$")).isTrue();
        // a date in a list of events under a key that merely starts like "geb" is no birth date
        String json = "{\"gebouw\": \"B\", \"gebruikers\": [{\"datum\": \"2026-03-04\"}]}";
        assertThat(found(json, EntityType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("{\"geb\": \"1971-07-30\"}", EntityType.DATE_OF_BIRTH)).containsExactly("1971-07-30");
    }

    @Test
    void whoDidSomethingKeysAndOwnersArePersons() {
        assertThat(found("{\"ingediend_door\": \"Wendela Smit\", \"status\": \"open\"}", EntityType.PERSON))
                .containsExactly("Wendela Smit");
        assertThat(found("kvk;handelsnaam;eigenaar\n12345678;Glazenwasserij Helder;Gijs Brouwer\n", EntityType.PERSON))
                .containsExactly("Gijs Brouwer");
    }

    @Test
    void aLanguageColumnOrALanguageWordIsNoPerson() {
        assertThat(found("naam;taal\nOla Nordmann;Noors\nPiet Kok;Papiaments\n", EntityType.PERSON))
                .containsExactly("Ola Nordmann", "Piet Kok");
        assertThat(found("Wij zoeken een tolk Tigrinya of Amhaars voor vrijdag.", EntityType.PERSON)).isEmpty();
    }

    @Test
    void mailboxNamesBuiltOfFunctionWords() {
        assertThat(EmailRecognizer.builtOfFunctionWords("expatdesk")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("verhuur")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("team-noord")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("klantenservice.zuid")).isTrue();
        assertThat(EmailRecognizer.builtOfFunctionWords("jansen")).isFalse();
        assertThat(EmailRecognizer.builtOfFunctionWords("expatdesk2")).isFalse();
        assertThat(found("Mail naar aanmeldingen@sportbond.nl of naar p.verhoef@sportbond.nl", EntityType.EMAIL))
                .containsExactly("p.verhoef@sportbond.nl");
    }

    @Test
    void aDateHeaderAndAUnitNamedAfterItsAreaHoldNoPerson() {
        assertThat(found("From: Ilse Bos <ilse@bos.nl>\nSent: Tue, 3 Mar 2026 09:12\nTo: wmo@x.nl", EntityType.PERSON))
                .containsExactly("Ilse Bos");
        assertThat(found("Doorverwezen door Jeugdteam Hoogkerk en buurtteam Vinkhuizen", EntityType.PERSON)).isEmpty();
    }

    @Test
    void soleTradersNamedAboveATableAndDocumentColumns() {
        String zzp = "Deelnemers, allemaal zzp'ers:\n\nkvk;handelsnaam;plaats\n12345678;Stukadoor Glad;Assen\n";
        assertThat(found(zzp, EntityType.KVK)).containsExactly("12345678");
        String firms = "Leveranciers:\n\nkvk;handelsnaam;plaats\n12345678;Stukadoor Glad;Assen\n";
        assertThat(found(firms, EntityType.KVK)).isEmpty();
        assertThat(found("naam\tdocument\nPim Brouwer\tXR4K8P2T7\n", EntityType.ID_DOCUMENT)).containsExactly("XR4K8P2T7");
    }

    @Test
    void aMobileNumberWithoutPlusAfterACallBackWord() {
        assertThat(found("graag terugbellen op 31687654321 vandaag", EntityType.PHONE)).containsExactly("31687654321");
        assertThat(found("ordernummer 31687654321", EntityType.PHONE)).isEmpty();
    }

    @Test
    void ocrConfusionsInsideADutchIban() {
        // NL44RABO0123456789 and NL20INGB0001234567 pass mod-97; scans read 0 as O and 1 as l
        assertThat(found("rekening NL44RABOOl23456789 graag", EntityType.IBAN)).containsExactly("NL44RABOOl23456789");
        assertThat(found("IBAN NL2O INGB OOO1 2345 67.", EntityType.IBAN)).containsExactly("NL2O INGB OOO1 2345 67");
        assertThat(found("code NLOOABCDOOOOOOOOOO", EntityType.IBAN)).isEmpty();
    }

    @Test
    void theBsnInAPassportsMachineReadableZone() {
        String mrz = "P<NLDBAKKER<<PIM<<<<<<<<<<<<<<<<<<<<<<<<<<<\nXR4K8P2T71NLD7507302M2909144999999990<<<<<52";
        assertThat(found(mrz, EntityType.BSN)).containsExactly("999999990");
    }
}
