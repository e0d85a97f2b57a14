package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The nearest cue word decides, before the value first, only at word starts, only inside the window. */
class ContextEnhancerTest {

    private static final ContextEnhancer BSN = ContextEnhancer.of("/pii/context/bsn.txt", 60, 25);

    private static ContextEnhancer.Cue cueOf(String text) {
        int start = text.indexOf("111222333");
        return BSN.cue(text.toLowerCase(Locale.ROOT), start, start + 9);
    }

    @Test
    void nearestWordBeforeWins() {
        assertThat(cueOf("BSN 111222333").signal()).isEqualTo(ContextEnhancer.Signal.POSITIVE);
        assertThat(cueOf("zaaknummer 111222333").signal()).isEqualTo(ContextEnhancer.Signal.NEGATIVE);
        assertThat(cueOf("BSN en zaaknummer: 111222333").word()).isEqualTo("zaaknummer");
        assertThat(cueOf("zaaknummer of BSN: 111222333").word()).isEqualTo("bsn");
        assertThat(cueOf("zaaknummer of bsn-nummer 111222333").word()).isEqualTo("bsn-nummer");
    }

    @Test
    void afterOnlyWithoutCueBeforeAndOnlyAtWordStarts() {
        assertThat(cueOf("nummer 111222333 (BSN)").where()).isEqualTo("after");
        assertThat(cueOf("nummer 111222333 (BSN), zaaknummer").word()).isEqualTo("bsn");
        assertThat(cueOf("xbsn 111222333").signal()).isEqualTo(ContextEnhancer.Signal.NONE);
        assertThat(cueOf("BSN" + " ".repeat(61) + "111222333").signal()).isEqualTo(ContextEnhancer.Signal.NONE);
    }
}
