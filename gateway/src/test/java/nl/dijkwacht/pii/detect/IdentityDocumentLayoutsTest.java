package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fixed layouts of identity documents in scans: the machine-readable zone (ICAO 9303) and the numbered fields of
 * an EU driving licence. Made-up documents (not real numbers) of our own.
 */
class IdentityDocumentLayoutsTest {

    @Test
    void passportMachineReadableZone() {
        String scan = "Kopie paspoort\n\nP<NLDJANSSEN<<PIETER<KEES<<<<<<<<<<<<<<<<<<<<\nSPECl2O34<NLD79O214lM3O0lO1O<<<<<<<<<<<<<<04\n";
        assertThat(found(scan, EntityType.PERSON)).contains("JANSSEN<<PIETER<KEES");
        assertThat(found(scan, EntityType.ID_DOCUMENT)).contains("SPECl2O34");
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).contains("79O214");
    }

    @Test
    void identityCardMachineReadableZone() {
        String scan = "I<NLDIB7R2K9T14<<<<<<<<<<<<<<<\n8811302F3107019NLD<<<<<<<<<<<6\nMEIJER<<SARA<<<<<<<<<<<<<<<<<<\n";
        assertThat(found(scan, EntityType.PERSON)).contains("MEIJER<<SARA");
        assertThat(found(scan, EntityType.ID_DOCUMENT)).contains("IB7R2K9T1");
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).contains("881130");
    }

    @Test
    void aLineOfFillersInOrdinaryTextIsNoZone() {
        assertThat(found("Scheidingslijn <<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nEINDE VAN HET BERICHT<<<<<<<<<<<<<<<<<<",
                EntityType.ID_DOCUMENT)).isEmpty();
    }

    @Test
    void drivingLicenceFields() {
        String scan = "Rijbewijs voorzijde (scan)\n1. VAN DONGEN\n2. ELISE MARIJKE\n3. 17.09.1990 TILBURG\n"
                + "4a. 01.02.2021 4b. 01.02.2031\n5. 5123456780";
        assertThat(found(scan, EntityType.PERSON)).contains("VAN DONGEN", "ELISE MARIJKE");
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).contains("17.09.1990");
        assertThat(found(scan, EntityType.ID_DOCUMENT)).contains("5123456780");
        // without a driving licence, a numbered list is a list
        assertThat(found("Agenda\n1. Opening\n2. Mededelingen\n3. 12.03.2025 verslag", EntityType.PERSON)).isEmpty();
    }
}
