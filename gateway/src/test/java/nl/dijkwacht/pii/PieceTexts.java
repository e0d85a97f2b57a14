package nl.dijkwacht.pii;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Texts glued together from chosen pieces, for the tests that check a quick pre-check against the pattern it stands
 * before: many odd mixtures near what the pattern matches, the same ones every run for a given seed.
 */
public final class PieceTexts {

    private PieceTexts() {
    }

    /** {@code words}, each as {@code cased} writes it (from its index and itself), then {@code more}. */
    public static String[] pieces(List<String> words, BiFunction<Integer, String, String> cased, String... more) {
        String[] pieces = new String[words.size() + more.length];
        for (int k = 0; k < words.size(); k++) {
            pieces[k] = cased.apply(k, words.get(k));
        }
        System.arraycopy(more, 0, pieces, words.size(), more.length);
        return pieces;
    }

    /** Between {@code fewest} and {@code most} pieces, each drawn from {@code pieces} by {@code random}. */
    public static String next(Random random, String[] pieces, int fewest, int most) {
        StringBuilder text = new StringBuilder();
        for (int k = fewest + random.nextInt(most - fewest + 1); k > 0; k--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
