package nl.dijkwacht.pii;

import java.util.Random;

/**
 * Texts glued together from chosen pieces, for the tests that check a quick pre-check against the pattern it stands
 * before: many odd mixtures near what the pattern matches, the same ones every run for a given seed.
 */
public final class PieceTexts {

    private PieceTexts() {
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
