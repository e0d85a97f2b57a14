package nl.dijkwacht.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void answersAsAHashSetOfTheSameWords() {
        Random random = new Random(11);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            words.add(word(random));
        }
        words.add("wiśniewski");
        words.add("nováková");
        words.add("");
        Set<String> expected = new HashSet<>(words);
        WordSet set = WordSet.of(words);
        assertThat(set).hasSize(expected.size());
        assertThat(new HashSet<>(set)).isEqualTo(expected);
        for (int i = 0; i < 20_000; i++) {
            String probe = word(random);
            assertThat(set.contains(probe)).isEqualTo(expected.contains(probe));
        }
        for (String w : expected) {
            assertThat(set.contains(w)).isTrue();
            assertThat(set.contains(w + "x")).isEqualTo(expected.contains(w + "x"));
        }
        assertThat(set.contains(null)).isFalse();
        assertThat(set.contains(42)).isFalse();
    }

    /** Small sets, where the length and first-char check answers most asks before the table (pii23). */
    @Test
    void smallSetsAnswerAsAHashSetForWordsOfEveryLengthAndFirstChar() {
        Random random = new Random(23);
        String[] starts = {"", "a", "i", "m", "w", "z", "A", "Z", "'", "’", "0", "9", "-", " ", "@", "_", "~", "é",
            "ı", "ſ", "\u212A", "ß", "\u0000", "\u007f", "\u0080"};
        for (int round = 0; round < 2_000; round++) {
            List<String> words = new ArrayList<>();
            for (int k = random.nextInt(8); k > 0; k--) {
                words.add(starts[random.nextInt(starts.length)] + prefix(word(random), random.nextInt(4)));
            }
            Set<String> expected = new HashSet<>(words);
            WordSet set = WordSet.of(words);
            for (int i = 0; i < 200; i++) {
                String probe = i < words.size() ? words.get(i)
                        : starts[random.nextInt(starts.length)] + prefix(word(random), random.nextInt(5));
                assertThat(set.contains(probe)).as("%s in %s", probe, words).isEqualTo(expected.contains(probe));
            }
        }
        assertThat(WordSet.of(List.of()).contains("")).isFalse();
        assertThat(WordSet.of(List.of("")).contains("")).isTrue();
        assertThat(WordSet.of(List.of("ik", "mijn", "my", "i", "wij")).contains("mijn")).isTrue();
        assertThat(WordSet.of(List.of("ik", "mijn", "my", "i", "wij")).contains("maar")).isFalse();
    }

    @Test
    void keepsTheFirstOfDuplicatesInOrder() {
        WordSet set = WordSet.of(List.of("jan", "piet", "jan", "klaas"));
        assertThat(set).containsExactly("jan", "piet", "klaas");
        assertThat(WordSet.of(List.of())).isEmpty();
        assertThat(WordSet.of(List.of()).contains("jan")).isFalse();
        assertThat(WordSet.of(List.of("a")).contains("a")).isTrue();
    }

    @Test
    void aWordOfATextIsLookedUpInPlaceInAnyCase() {
        WordSet set = WordSet.of(List.of("gmbh", "b.v.", "stichting"));
        String text = "Otto Hahn GmbH en Jansen B.V., Stichting X";
        assertThat(set.containsLowerCase(text, 10, 14)).isTrue();
        assertThat(set.containsLowerCase(text, 25, 29)).isTrue();
        assertThat(set.containsLowerCase(text, 31, 40)).isTrue();
        assertThat(set.containsLowerCase(text, 0, 4)).isFalse();
        assertThat(set.containsLowerCase(text, 10, 13)).isFalse();
        Random random = new Random(11);
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            words.add(word(random));
        }
        WordSet many = WordSet.of(words);
        for (int k = 0; k < 2000; k++) {
            String w = word(random);
            String padded = "x " + w.toUpperCase(java.util.Locale.ROOT) + " y";
            assertThat(many.containsLowerCase(padded, 2, 2 + w.length())).isEqualTo(words.contains(w));
        }
    }

    private static String prefix(String word, int length) {
        return word.substring(0, Math.min(length, word.length()));
    }

    private static String word(Random random) {
        int n = 1 + random.nextInt(8);
        StringBuilder b = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            b.append((char) ('a' + random.nextInt(6)));
        }
        return b.toString();
    }
}
