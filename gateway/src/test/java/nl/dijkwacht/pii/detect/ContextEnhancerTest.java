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

    @Test
    void mentionedAnywhereAsksThePositiveWordsOfBothSides() {
        ContextEnhancer birth = ContextEnhancer.of("/pii/context/date-of-birth.txt", 40,
                "/pii/context/date-of-birth-after.txt", 20);
        assertThat(birth.mentionedAnywhere(AnalysedText.of("Datum of birth: date of birth 1 mei"))).isTrue(); // before only
        assertThat(birth.mentionedAnywhere(AnalysedText.of("12-03-1980 (GEB.)"))).isTrue(); // after only
        assertThat(birth.mentionedAnywhere(AnalysedText.of("geboren 12-03-1980"))).isTrue(); // both
        assertThat(birth.mentionedAnywhere(AnalysedText.of("datum 12-03-1980"))).isFalse();
        ContextEnhancer kvk = ContextEnhancer.of("/pii/context/kvk.txt", 50, 0);
        assertThat(kvk.mentionedAnywhere(AnalysedText.of("ingeschreven onder KvK-nummer 12345678"))).isTrue();
        assertThat(kvk.mentionedAnywhere(AnalysedText.of("ordernummer 12345678"))).isFalse();
        assertThat(BSN.mentionedAnywhere(AnalysedText.of("nummer 111222333 (BSN)"))).isTrue();
        assertThat(BSN.mentionedAnywhere(AnalysedText.of("zaaknummer 111222333"))).isFalse();
    }
}
