package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.dijkwacht.words.Letters;
import org.junit.jupiter.api.Test;

/**
 * {@link SpecialCategoryRecognizer#find} walks the words once, reading a phrase's later words where it goes on, instead
 * of first filling two arrays of every word's bounds (4 bytes × the text's length each). It must find exactly what the
 * array form found (kept here verbatim as {@link ArrayForm}) — on texts made of the term list's own phrases, their
 * neighbours and the separators that break or join them — and {@link SpecialCategoryRecognizer#occursIn} must agree.
 */
class SpecialCategoryWalkTest {

    private static final List<String> PHRASES = SpecialCategoryRecognizer.load();
    private static final SpecialCategoryRecognizer WALK = new SpecialCategoryRecognizer(PHRASES);
    private static final ArrayForm ARRAYS = new ArrayForm(PHRASES);

    private static final String[] FILLER = {"de", "het", "een", "Jan", "ziek", "ziekte", "is", "in", "ggz", "2024", "O'Brien",
        "zo’n", "café", "ŞAHİN", "x", "Opgenomen", "hart-", "en", "vaatziekten", "burn", "out", "a1b2", "'t", "’s"};
    private static final String[] SEPARATORS = {" ", "  ", "   ", "-", "--", " - ", ", ", ". ", "\n", "'", "’", "/", "", " -"};

    @Test
    void findsWhatTheArrayFormFound() {
        Random random = new Random(38);
        int withFindings = 0;
        for (int t = 0; t < 20_000; t++) {
            String text = text(random);
            List<Finding> expected = ARRAYS.find(text);
            assertThat(WALK.find(text)).as("text %d", t).isEqualTo(expected);
            assertThat(WALK.occursIn(text)).as("text %d", t).isEqualTo(!expected.isEmpty());
            withFindings += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).isGreaterThan(5_000);
    }

    @Test
    void everyPhraseAloneAndInASentence() {
        for (String phrase : PHRASES) {
            for (String text : new String[] {phrase, phrase.toUpperCase(Locale.ROOT), "Mijn " + phrase + ".",
                    phrase.replace(' ', '-'), phrase.replace(" ", "  "), "x" + phrase, phrase + "x", phrase + "'s"}) {
                assertThat(WALK.find(text)).as(text).isEqualTo(ARRAYS.find(text));
            }
        }
    }

    /** Pieces of phrases (whole, cut short, with a word changed), filler words and separators. */
    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(3) == 0) {
                b.append(FILLER[random.nextInt(FILLER.length)]);
            } else {
                String[] words = PHRASES.get(random.nextInt(PHRASES.size())).split(" ");
                int n = random.nextInt(5) == 0 ? 1 + random.nextInt(words.length) : words.length;
                for (int w = 0; w < n; w++) {
                    String word = random.nextInt(15) == 0 ? FILLER[random.nextInt(FILLER.length)] : words[w];
                    b.append(random.nextInt(6) == 0 ? word.toUpperCase(Locale.ROOT) : word);
                    if (w + 1 < n) {
                        b.append(random.nextInt(4) == 0 ? SEPARATORS[random.nextInt(SEPARATORS.length)] : " ");
                    }
                }
            }
            b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return b.toString();
    }

    /** The earlier {@code find}, verbatim (arrays of every word's bounds, then the phrases matched over them). */
    private static final class ArrayForm {
        private final Map<String, List<String[]>> byFirstWord;

        ArrayForm(List<String> phrases) {
            Map<String, List<String[]>> map = new HashMap<>();
            for (String phrase : phrases) {
                String[] words = phrase.toLowerCase(Locale.ROOT).split("[\\s-]+");
                map.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
            }
            map.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
            this.byFirstWord = Map.copyOf(map);
        }

        List<Finding> find(String text) {
            int n = text.length();
            int[] starts = new int[n / 2 + 2];
            int[] ends = new int[n / 2 + 2];
            int count = 0;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (Letters.letterOrDigit(c)) {
                    int s = i;
                    while (i < n && (Letters.letterOrDigit(text.charAt(i)) || text.charAt(i) == '\''
                            || text.charAt(i) == '’')) {
                        i++;
                    }
                    starts[count] = s;
                    ends[count] = i;
                    count++;
                } else {
                    i++;
                }
            }
            String[] words = new String[count];
            List<Finding> found = new ArrayList<>();
            int k = 0;
            while (k < count) {
                List<String[]> phrases = byFirstWord.get(word(text, words, starts, ends, k));
                int matchedTo = -1;
                if (phrases != null) {
                    for (String[] p : phrases) {
                        if (k + p.length > count) {
                            continue;
                        }
                        boolean ok = true;
                        for (int w = 1; w < p.length && ok; w++) {
                            ok = separator(text, ends[k + w - 1], starts[k + w]) && p[w].equals(word(text, words, starts, ends, k + w));
                        }
                        if (ok) {
                            matchedTo = k + p.length - 1;
                            break;
                        }
                    }
                }
                if (matchedTo >= 0) {
                    found.add(new Finding(EntityType.SPECIAL_CATEGORY, starts[k], ends[matchedTo], 0.8, "special-category", "term list", ""));
                    k = matchedTo + 1;
                } else {
                    k++;
                }
            }
            return found;
        }

        private static String word(String text, String[] cache, int[] starts, int[] ends, int k) {
            String w = cache[k];
            if (w == null) {
                w = text.substring(starts[k], ends[k]).toLowerCase(Locale.ROOT);
                cache[k] = w;
            }
            return w;
        }

        private static boolean separator(String text, int from, int to) {
            if (to - from < 1 || to - from > 2) {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '-') {
                    return false;
                }
            }
            return true;
        }
    }
}
