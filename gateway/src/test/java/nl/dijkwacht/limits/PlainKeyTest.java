package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written key check accepts exactly what the regular expression accepts. */
class PlainKeyTest {

    private static void same(String s) {
        assertThat(CallerLimits.plainKey(s)).as("key %s", s.codePoints().mapToObj(Integer::toHexString).toList())
                .isEqualTo(CallerLimits.PLAIN_KEY.matcher(s).matches());
    }

    @Test
    void everyCharacterOfTheBasicPlaneAlone() {
        for (int c = 0; c <= 0xFFFF; c++) {
            same(String.valueOf((char) c));
            same("a" + (char) c + "1");
        }
    }

    @Test
    void lengthsSupplementaryCharactersAndSurrogates() {
        List<String> cases = new ArrayList<>(List.of("", "gemeente-utrecht", "Team Sociaal Domein", "bench", "jan@utrecht.nl",
                "a/b", "a:b", "tab\there", "x".repeat(63), "x".repeat(64), "x".repeat(65),
                "\uD835\uDFD8", "\uD800\uDF48", "\uD83D\uDE00", "\uD800", "a\uDC00b", "\uD835\uDFD8".repeat(64),
                "\uD835\uDFD8".repeat(65), "é".repeat(64), "Ⅻ", "½", "٣", "ǅ", "ʰ"));
        Random random = new Random(15);
        int[] pool = {'a', 'Z', '0', ' ', '.', '_', '@', '+', '-', '/', ':', 'é', 'ß', '٣', '½', 0x1D7D8, 0x10348, 0x1F600, 0xD800, '\n'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(70);
            for (int k = 0; k < n; k++) {
                b.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            cases.add(b.toString());
        }
        cases.forEach(PlainKeyTest::same);
    }
}
