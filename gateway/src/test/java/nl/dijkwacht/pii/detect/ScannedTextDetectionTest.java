package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import org.junit.jupiter.api.Test;

/** OCR text of scanned letters (issue 11): confusions and line breaks inside identifiers. Fictitious data only. */
class ScannedTextDetectionTest {

    @Test
    void lettersInsideIdentifiersAreReadAsDigitsAndTheOriginalIsReplaced() {
        String scan = "J.H. Wolt-\nhuis\nBeukenlaan 3l\n772l CD DALFSEN\n\nZij is gebo-\nren op l4-O3-1942. Bel mij op O6-79406318.";
        assertThat(found(scan, EntityType.POSTCODE)).containsExactly("772l CD");
        assertThat(found(scan, EntityType.DATE_OF_BIRTH)).containsExactly("l4-O3-1942");
        assertThat(found(scan, EntityType.PHONE)).containsExactly("O6-79406318");
        assertThat(found(scan, EntityType.PERSON)).contains("J.H. Wolt-\nhuis");
    }

    @Test
    void anIdentifierBrokenOverTwoLinesIsFoundWhole() {
        assertThat(found("Ons BSN is 99996888\n9.\n\nHoogachtend,", EntityType.BSN)).containsExactly("99996888\n9");
        assertThat(found("bel mij op 06 4755\n5810 na vijven", EntityType.PHONE)).containsExactly("06 4755\n5810");
    }

    @Test
    void harmlessScannedTextStaysAsItIs() {
        String scan = "Blad l\nFactuurnummer: 2O25-l1O4\nDossier 46l9-33O2\nKerkstraat 20-I\n3511 AB Utrecht\nOpenstaand: € 287,4O";
        List<Finding> findings = PiiEngine.dutchDefault().detect(scan);
        assertThat(findings).extracting(Finding::type).doesNotContain(EntityType.BSN, EntityType.PHONE,
                EntityType.KVK, EntityType.PERSON);
    }
}
