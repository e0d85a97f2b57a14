package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dijkwacht.pii.PieceTexts;
import org.junit.jupiter.api.Test;

/**
 * The look at the characters after a bracket, '@', '&', '%' or a white space loses no place where the '@'-marker
 * pattern matches (pii21).
 */
class AtMarkerPrefilterTest {

    private static final String[] PIECES = {"(", "[", "{", "<", ")", "]", "}", ">", "@", "&", "%", "#", "#x", "0", "64",
        "40", ";", "commat", "COMMAT", "at", "AT", "At", "a", "A", "ap", "apenstaartje",
        "APENSTAARTJE", "apenstaartj", "app", "dot", "DOT", "punt", "Punt",
        " ", " ", "\t", "\n", "\r", "\f", "\u000B", "\u00A0", "jan", "example", ".", "nl", "06-12345678", "x", "b", "é"};

    @Test
    void everyPlaceThePatternMatchesIsTried() throws ReflectiveOperationException {
        Pattern marker = atMarker();
        Random random = new Random(21);
        int matchedTexts = 0;
        for (int i = 0; i < 60_000; i++) {
            String s = PieceTexts.next(random, PIECES, 1, 10);
            Matcher m = marker.matcher(s);
            for (int at = 0; at < s.length(); at++) {
                if (m.region(at, s.length()).lookingAt()) {
                    assertThat(TextNormalizer.mayStartAtMarker(s, at)).as("%s at %d", s, at).isTrue();
                }
            }
            boolean expected = TextNormalizer.hasAtMarkerByPattern(s);
            matchedTexts += expected ? 1 : 0;
            assertThat(TextNormalizer.hasAtMarker(s)).as(s).isEqualTo(expected);
        }
        assertThat(matchedTexts).isGreaterThan(1_500);
    }

    @Test
    void ordinaryBracketsAndAddressesAreNotTried() {
        String prompt = "via de app, per e-mail (jan.jansen@example.nl) of telefonisch (06-12345678) laten";
        for (int at = 0; at < prompt.length(); at++) {
            assertThat(TextNormalizer.mayStartAtMarker(prompt, at)).as("at %d", at).isFalse();
        }
        assertThat(TextNormalizer.mayStartAtMarker("jan ( at ) example", 4)).isTrue();
        assertThat(TextNormalizer.mayStartAtMarker("jan[PUNT]nl", 3)).isTrue();
        assertThat(TextNormalizer.mayStartAtMarker("jan&#64;example.nl", 3)).isTrue();
        assertThat(TextNormalizer.mayStartAtMarker("jan%40example.nl", 3)).isTrue();
        assertThat(TextNormalizer.mayStartAtMarker("jan@ example.nl", 3)).isTrue();
    }

    private static Pattern atMarker() throws ReflectiveOperationException {
        Field f = TextNormalizer.class.getDeclaredField("AT_MARKER");
        f.setAccessible(true);
        return (Pattern) f.get(null);
    }
}
