package nl.dijkwacht.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One pass finds the same sets as a {@code contains} per string ({@link LiteralsInText}). */
class LiteralsInTextTest {

    private static long[] containsPerString(List<List<String>> sets, String text) {
        long[] bits = new long[Math.max(1, (sets.size() + 63) / 64)];
        for (int g = 0; g < sets.size(); g++) {
            for (String s : sets.get(g)) {
                if (text.contains(s)) {
                    bits[g >>> 6] |= 1L << g;
                }
            }
        }
        return bits;
    }

    @Test
    void overlappingPrefixesAndSuffixesAsWithContains() {
        List<List<String>> sets = List.of(List.of("he", "she"), List.of("his", "hers"), List.of("e"), List.of("ushe"), List.of(),
                List.of("recht op"), List.of("in aanmerking", "aanmerking x"));
        for (String text : List.of("", "ushers", "she", "hishe", "h", "hhe", "uuushe", "recht  op", "recht op", "heeft recht op",
                "in aanmerking", "aanmerking", "in aanmerking x", "sh\u00e9")) {
            assertThat(LiteralsInText.of(sets).in(text)).as(text).isEqualTo(containsPerString(sets, text));
        }
    }

    @Test
    void theEmptyStringIsInEveryText() {
        LiteralsInText literals = LiteralsInText.of(List.of(List.of("x"), List.of("", "y")));
        assertThat(literals.in("")).containsExactly(0b10L);
        assertThat(literals.in("xz")).containsExactly(0b11L);
    }

    @Test
    void nonAsciiCharactersAndMoreThanSixtyFourSets() {
        List<List<String>> sets = new ArrayList<>();
        for (int g = 0; g < 150; g++) {
            sets.add(List.of("w" + g + "\u00eb", "\u212A" + g));
        }
        LiteralsInText literals = LiteralsInText.of(sets);
        assertThat(literals.sets()).isEqualTo(150);
        for (String text : List.of("w7\u00eb en \u212A149", "w149\u00eb", "w14\u00eb9", "\u212A1\u212A64 w99\u00eb\u00eb", "w7e")) {
            long[] found = literals.in(text);
            assertThat(found).as(text).isEqualTo(containsPerString(sets, text));
            for (int g = 0; g < sets.size(); g++) {
                assertThat(LiteralsInText.has(found, g)).isEqualTo(sets.get(g).stream().anyMatch(text::contains));
            }
        }
    }

    @Test
    void randomSetsAndTextsOverASmallAlphabet() {
        Random random = new Random(15);
        String alphabet = "abc \u00e9\u0100";
        for (int round = 0; round < 300; round++) {
            List<List<String>> sets = new ArrayList<>();
            int setCount = 1 + random.nextInt(80);
            for (int g = 0; g < setCount; g++) {
                List<String> set = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    set.add(randomString(random, alphabet, 1 + random.nextInt(4)));
                }
                sets.add(set);
            }
            LiteralsInText literals = LiteralsInText.of(sets);
            for (int t = 0; t < 20; t++) {
                String text = randomString(random, alphabet + "xyz\n", random.nextInt(40));
                assertThat(literals.in(text)).as("%s in %s", sets, text).isEqualTo(containsPerString(sets, text));
            }
        }
    }

    @Test
    void aTableTooLargeForSixteenBitsAnswersAsContainsToo() {
        // long strings over a wide alphabet: more states × classes than a short holds, so the int table is walked;
        // and the same sets cut to a few strings, walked in the short table
        Random random = new Random(23);
        String alphabet = "abcdefghijklmnopqrstuvwxyz \u00e9\u0100";
        List<List<String>> sets = new ArrayList<>();
        for (int g = 0; g < 150; g++) {
            List<String> set = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                set.add(randomString(random, alphabet, 2 + random.nextInt(12)));
            }
            sets.add(set);
        }
        List<List<String>> few = sets.subList(0, 20);
        LiteralsInText wide = LiteralsInText.of(sets);
        LiteralsInText compact = LiteralsInText.of(few);
        assertThat(wide.compact()).isFalse();
        assertThat(compact.compact()).isTrue();
        for (int t = 0; t < 2_000; t++) {
            // texts that hold some of the strings, cut and whole, between random letters
            StringBuilder text = new StringBuilder(randomString(random, alphabet, random.nextInt(30)));
            for (int k = random.nextInt(4); k > 0; k--) {
                String s = sets.get(random.nextInt(sets.size())).get(random.nextInt(3));
                text.append(s, 0, random.nextBoolean() ? s.length() : random.nextInt(s.length() + 1));
                text.append(randomString(random, alphabet, random.nextInt(6)));
            }
            String in = text.toString();
            assertThat(wide.in(in)).as(in).isEqualTo(containsPerString(sets, in));
            assertThat(compact.in(in)).as(in).isEqualTo(containsPerString(few, in));
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
