package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Identity documents: passport, identity card and residence document numbers, V-numbers, and the BSN inside a
 * machine-readable zone. Examples of our own, not in the evaluation sets; fictitious data only (111222333 and 123456782
 * pass the elfproef).
 */
class DocumentNumberRulesTest {

    @Test
    void theBsnInAPassportsMachineReadableZone() {
        String mrz = "P<NLDBAKKER<<PIM<<<<<<<<<<<<<<<<<<<<<<<<<<<\nXR4K8P2T71NLD7507302M2909144999999990<<<<<52";
        assertThat(found(mrz, EntityType.BSN)).containsExactly("999999990");
    }

    @Test
    void birthdayResidencePermitAndIdCardKeys() {
        assertThat(found("my birthday 07/11/1979 and my name", EntityType.DATE_OF_BIRTH)).containsExactly("07/11/1979");
        assertThat(found("zijn verblijfsdocument XK4P81R27 verloopt", EntityType.ID_DOCUMENT)).containsExactly("XK4P81R27");
        assertThat(found("{\"idKaart\": \"XK4P81R27\"}", EntityType.ID_DOCUMENT)).containsExactly("XK4P81R27");
    }

    @Test
    void residenceDocumentNumbersOnlyWithTheirWord() {
        assertThat(found("zijn verblijfsdocument V8K27T4Q1 is verlopen", EntityType.ID_DOCUMENT)).containsExactly("V8K27T4Q1");
        assertThat(found("artikelcode V8K27T4Q1 is uitverkocht", EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void englishVNumberCue() {
        assertThat(found("his V-number 1234 5678 90 is on the letter", EntityType.V_NUMBER)).containsExactly("1234 5678 90");
    }

    @Test
    void theBsnInAnIdentityCardsMachineReadableZone() {
        String scan = "achterkant:\nI<NLDXR4K18P725111222333<<<<<<\n8501019F3101012NLD<<<<<<<<<<<4\nJANSEN<<PIET<<<<<<<<<<<<<<<<<<\n";
        assertThat(found(scan, EntityType.BSN)).containsExactly("111222333");
        assertThat(found(scan, EntityType.ID_DOCUMENT)).containsExactly("XR4K18P72");
    }

    @Test
    void aPassportsFirstMachineReadableLineOnItsOwn() {
        String scan = "foto van de paspoortpagina\nP<NLDDE<BOER<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<\nis dit leesbaar?";
        assertThat(found(scan, EntityType.PERSON)).contains("DE<BOER<<ANNA<MARIA");
        // digits in the name field: no name
        assertThat(found("P<NLD1234567<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n", EntityType.PERSON)).isEmpty();
    }

    @Test
    void aDrivingLicenceNumberInGroups() {
        String scan = "Rijbewijs (kopie)\n1. DE BOER\n2. ANNA\n5. 512 34 56 780\n";
        assertThat(found(scan, EntityType.ID_DOCUMENT)).containsExactly("512 34 56 780");
        // a field 5 of other lengths is no licence number
        assertThat(found("Rijbewijs (kopie)\n5. 512 34 56\n", EntityType.ID_DOCUMENT)).isEmpty();
    }
}
