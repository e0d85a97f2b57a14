package nl.dijkwacht.pii.detect.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/**
 * The name rules that run at every token ask their token checks before their word lists (pii23): an abbreviated
 * initial's dot, a leading particle's capital mid-sentence, a closing word's kind. The names each rule finds stay.
 */
class CheapChecksFirstTest {

    private static List<String> persons(String text) {
        return PiiEngine.dutchDefault().detect(text).stream().filter(f -> f.type() == EntityType.PERSON)
                .map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void abbreviatedInitialsBeforeASurnameAreStillTaken() {
        assertThat(persons("Aanwezig: burgemeester Ch. Baljet en wethouder Th. Verbeek.")).contains("Ch. Baljet",
                "Th. Verbeek");
    }

    @Test
    void aLeadingParticleOpensASurnameAtASentenceStartOnly() {
        assertThat(persons("Gisteren belde ik. De Vries had het dossier al.")).anyMatch(p -> p.contains("Vries"));
    }

    @Test
    void aClosingWordBeforeANameStillMakesItASignature() {
        assertThat(persons("Tot morgen.\n\nGroetjes Rabia")).contains("Rabia");
        assertThat(persons("Dank alvast.\n\nGroet, Esther")).contains("Esther");
    }
}
