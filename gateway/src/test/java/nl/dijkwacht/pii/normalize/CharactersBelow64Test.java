package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CharactersBelow64Test {

    @Test
    void holdsExactlyTheCharactersBelow64OfTheText() {
        Random random = new Random(22);
        for (int t = 0; t < 5_000; t++) {
            String s = text(random);
            CharactersBelow64 held = CharactersBelow64.of(s);
            for (char c = 0; c < 64; c++) {
                assertThat(held.any(CharactersBelow64.mask(String.valueOf(c)))).as("%d in text %d", (int) c, t)
                        .isEqualTo(s.indexOf(c) >= 0);
            }
            assertThat(held.hasDigit()).isEqualTo(s.chars().anyMatch(c -> c >= '0' && c <= '9'));
        }
    }

    @Test
    void theFirstPassGathersTheSameSetAsAWalkOfItsOwn() {
        Random random = new Random(64);
        for (int t = 0; t < 5_000; t++) {
            String s = text(random);
            TextNormalizer.Draft d = TextNormalizer.characters(s);
            CharactersBelow64 expected = CharactersBelow64.of(d.text());
            for (char c = 0; c < 64; c++) {
                long one = CharactersBelow64.mask(String.valueOf(c));
                assertThat(d.characters().any(one)).as("%d in text %d", (int) c, t).isEqualTo(expected.any(one));
            }
        }
    }

    @Test
    void masksOnlyCharactersBelow64() {
        assertThatThrownBy(() -> CharactersBelow64.mask("A")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Mostly printable ASCII, now and then a control, a Latin-1 letter or another character. */
    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(16); k > 0; k--) {
            int kind = random.nextInt(10);
            s.append((char) (kind < 7 ? 0x20 + random.nextInt(0x5F) : kind == 7 ? random.nextInt(0x20)
                    : kind == 8 ? 0xC0 + random.nextInt(0x40) : random.nextInt(0x3000)));
        }
        return s.toString();
    }
}
