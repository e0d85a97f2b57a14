package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * fuzz26: {@link LiteralAlternation} against the plain alternation {@code (?:w1|w2|…)} it stands for, on generated word
 * lists (shared prefixes, a word and its prefix, non-ASCII letters) and texts: the same strings as a whole, and the same
 * matches where it is used, before a fixed continuation and inside a look-ahead, also case-insensitively.
 */
class LiteralAlternationDifferentialTest {

    private static final String LETTERS = "aabbsStëßİı";

    @Test
    void acceptsAndFindsAsThePlainAlternation() {
        Random random = new Random(2626);
        int found = 0;
        for (int list = 0; list < 1_500; list++) {
            Set<String> words = new LinkedHashSet<>();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                words.add(word(random, 1 + random.nextInt(random.nextBoolean() ? 3 : 12)));
            }
            List<String> ws = new ArrayList<>(words);
            String tree = LiteralAlternation.of(ws);
            String plain = "(?:" + String.join("|", ws) + ")";
            for (int flags : new int[] {0, Pattern.CASE_INSENSITIVE, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE}) {
                Pattern whole = Pattern.compile(tree, flags);
                Pattern wholePlain = Pattern.compile(plain, flags);
                Pattern before = Pattern.compile("(?<!\\p{L})" + tree + "(?= \\d)", flags);
                Pattern beforePlain = Pattern.compile("(?<!\\p{L})" + plain + "(?= \\d)", flags);
                Pattern ahead = Pattern.compile("(?=" + tree + ")\\p{L}", flags);
                Pattern aheadPlain = Pattern.compile("(?=" + plain + ")\\p{L}", flags);
                for (int t = 0; t < 12; t++) {
                    String text = t < 4 ? ws.get(random.nextInt(ws.size())) : text(random, ws);
                    assertThat(whole.matcher(text).matches()).as("%s ~ %s", text, ws)
                            .isEqualTo(wholePlain.matcher(text).matches());
                    List<String> got = matches(before, text);
                    assertThat(got).as("%s in %s", ws, text).isEqualTo(matches(beforePlain, text));
                    assertThat(matches(ahead, text)).as("%s in %s", ws, text).isEqualTo(matches(aheadPlain, text));
                    found += got.size();
                }
            }
        }
        assertThat(found).isGreaterThan(2_000);
    }

    private static String word(Random random, int length) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return w.toString();
    }

    private static String text(Random random, List<String> words) {
        StringBuilder t = new StringBuilder();
        for (int k = random.nextInt(6); k > 0; k--) {
            switch (random.nextInt(5)) {
                case 0, 1 -> t.append(words.get(random.nextInt(words.size())));
                case 2 -> t.append(word(random, 1 + random.nextInt(3)));
                case 3 -> t.append(" 1");
                default -> t.append(' ');
            }
        }
        return t.toString();
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }
}
