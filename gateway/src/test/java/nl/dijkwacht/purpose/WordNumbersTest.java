package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WordNumbers} answers as a map does: by the word, by its stretch of a text (with its hash at hand), and for a
 * word's prefix token (of a word or of a stretch).
 */
class WordNumbersTest {

    @Test
    void asAMapByWordByStretchAndByPrefix() {
        Map<String, Integer> map = new HashMap<>();
        List<String> words = List.of("beoordeel", "p:beoor", "p:sollic", "de", "", "aanvraag", "p:aanvr", "Aa", "BB", "x", "p:x");
        for (int k = 0; k < words.size(); k++) {
            map.put(words.get(k), k);
        }
        WordNumbers numbers = new WordNumbers(map);
        List<String> asked = List.of("beoordeel", "beoordelen", "de", "het", "", "aanvraag", "aanvragen", "Aa", "BB", "x", "sollicitant",
                "p:beoor", "p:x", "onbekend");
        for (String word : asked) {
            assertThat(numbers.number(word)).as(word).isEqualTo(map.getOrDefault(word, -1));
            String text = "[ " + word + " ]";
            assertThat(numbers.number(text, 2, 2 + word.length())).as(word).isEqualTo(map.getOrDefault(word, -1));
            assertThat(WordNumbers.hash(text, 2, 2 + word.length())).as(word).isEqualTo(word.hashCode());
            assertThat(numbers.number(word.hashCode(), text, 2, 2 + word.length())).as(word).isEqualTo(map.getOrDefault(word, -1));
            if (word.length() > 5) {
                assertThat(numbers.prefixNumber(word)).as(word).isEqualTo(map.getOrDefault("p:" + word.substring(0, 5), -1));
                assertThat(numbers.prefixNumber(text, 2)).as(word).isEqualTo(map.getOrDefault("p:" + word.substring(0, 5), -1));
            }
        }
    }

    @Test
    void theClassifiersTokensOnEveryDevelopmentPrompt() {
        IndexedCategorizer model = IndexedCategorizer.of(PurposeClassifier.shippedModel()).orElseThrow();
        int known = 0;
        int unknown = 0;
        for (EvalSet.Prompt p : EvalSet.load("dev").prompts()) {
            for (String token : PurposeTokens.of(p.text(), false)) {
                int n = model.number(token);
                if (token.startsWith("p:")) {
                    // a prefix token, read from a word that starts with its five letters
                    assertThat(model.prefixNumber(token.substring(2) + "x")).as(token).isEqualTo(n);
                }
                known += n >= 0 ? 1 : 0;
                unknown += n < 0 ? 1 : 0;
            }
        }
        assertThat(known).isPositive();
        assertThat(unknown).isPositive();
    }

    @Test
    void asAMapForManyWordsOfEveryLength() {
        // enough words for long probe runs and hash collisions; letters, digits, accents and the prefix tokens' colon
        java.util.Random random = new java.util.Random(22);
        String letters = "abcdeéoøp:019'-";
        Map<String, Integer> map = new HashMap<>();
        java.util.List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (i % 2 == 0) {
                map.putIfAbsent(w.toString(), i);
            }
            asked.add(w.toString());
        }
        WordNumbers numbers = new WordNumbers(map);
        for (String word : asked) {
            String text = "<" + word + ">";
            assertThat(numbers.number(word)).as(word).isEqualTo(map.getOrDefault(word, -1));
            assertThat(numbers.number(text, 1, 1 + word.length())).as(word).isEqualTo(map.getOrDefault(word, -1));
            if (word.length() > 5) {
                assertThat(numbers.prefixNumber(text, 1)).as(word).isEqualTo(map.getOrDefault("p:" + word.substring(0, 5), -1));
            }
        }
    }

    @Test
    void keysHeldInTheirSlotAndAsStringsAnswerAlikeAtEveryLengthAndCharacter() {
        // lengths around WordNumbers.INLINE_CHARS, the NUL character, the top of Latin-1 and above it, prefix tokens whose
        // letters are 0xFF (held in the slot) or above 0xFF (held as a string), and words of equal hash ("Aa", "BB")
        java.util.Random random = new java.util.Random(23);
        String letters = "ab\u0000\u00ff\u0100\u20ac:p";
        Map<String, Integer> map = new HashMap<>();
        java.util.List<String> asked = new java.util.ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "p:\u00ff\u00ff\u00ff\u00ff\u00ff",
                "p:\u0100\u00ff\u00ff\u00ff\u00ff", "p:\u00ff\u00ff\u00ff\u00ff\u0100"));
        map.put("Aa", 1);
        map.put("AaAa", 2);
        map.put("p:\u00ff\u00ff\u00ff\u00ff\u00ff", 3);
        map.put("p:\u0100\u00ff\u00ff\u00ff\u00ff", 4);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder w = new StringBuilder(i % 3 == 0 ? "p:" : "");
            for (int k = random.nextInt(WordNumbers.INLINE_CHARS + 3); k > 0; k--) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (i % 2 == 0) {
                map.putIfAbsent(w.toString(), 10 + i);
            }
            asked.add(w.toString());
        }
        WordNumbers numbers = new WordNumbers(map);
        for (String word : asked) {
            String text = "<" + word + ">";
            assertThat(numbers.number(word)).as(word).isEqualTo(map.getOrDefault(word, -1));
            assertThat(numbers.number(word.hashCode(), text, 1, 1 + word.length())).as(word).isEqualTo(map.getOrDefault(word, -1));
            String rest = word.startsWith("p:") ? word.substring(2) : word;
            if (rest.length() >= 5) {
                String prefixed = "<" + rest;
                assertThat(numbers.prefixNumber(prefixed, 1)).as(word).isEqualTo(map.getOrDefault("p:" + rest.substring(0, 5), -1));
            }
        }
        assertThat(numbers.number("p:\u00ff\u00ff\u00ff\u00ff\u0100")).isEqualTo(-1);
        assertThat(numbers.prefixNumber("\u00ff\u00ff\u00ff\u00ff\u0100x")).isEqualTo(-1);
        assertThat(numbers.prefixNumber("\u00ff\u00ff\u00ff\u00ff\u00ffx")).isEqualTo(3);
        assertThat(numbers.prefixNumber("\u0100\u00ff\u00ff\u00ff\u00ffx")).isEqualTo(4);
    }
}
