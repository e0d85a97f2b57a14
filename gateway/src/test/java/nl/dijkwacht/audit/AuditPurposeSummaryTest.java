package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The purpose summary's score is part of the hash chain's text: {@link AuditRecord.Purpose#twoDecimals} must write
 * exactly what {@code String.format(Locale.ROOT, "%.2f", score)} wrote before it — on every score tested.
 */
class AuditPurposeSummaryTest {

    @Test
    void sameTextAsTheFormatterOnAGridAndItsHalfwayPoints() {
        for (int k = 0; k <= 200_000; k++) {
            same(k / 100_000.0);
            same(k / 1_000.0 + 0.005); // the half-way cases of the second decimal
            same(k / 1_000.0 + 0.0049999999);
            same(k / 1_000.0 + 0.0050000001);
        }
    }

    @Test
    void sameTextOnRandomScores() {
        Random random = new Random(38);
        for (int i = 0; i < 1_000_000; i++) {
            same(random.nextDouble());
            same(random.nextDouble() * 100);
            same(Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL)); // any positive finite double
        }
    }

    @Test
    void sameTextAtTheEdges() {
        for (double score : new double[] {0.0, -0.0, -0.005, -1.5, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 1e300,
                0.995, 0.994999, 0.125, 0.135, 1.005, 2.675, 1e7 + 0.005, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            same(score);
        }
        assertThat(AuditRecord.Purpose.twoDecimals(null)).isEqualTo(String.format(Locale.ROOT, "%.2f", (Double) null));
    }

    @Test
    void theSummaryReadsVerdictLayerScore() {
        assertThat(new AuditRecord.Purpose("allowed", "rules", 0.875).summary()).isEqualTo("allowed/rules/0.88");
        assertThat(AuditRecord.Purpose.NONE.summary()).isNull();
    }

    private static void same(double score) {
        String expected = String.format(Locale.ROOT, "%.2f", score);
        assertThat(AuditRecord.Purpose.twoDecimals(score)).as("score %s", Double.toString(score)).isEqualTo(expected);
    }
}
