package nl.dijkwacht.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.dijkwacht.purpose.EvalSet.Label;
import org.junit.jupiter.api.Test;

/** The eleventh-round embedding evaluation's parts: which writers it reads, its classifiers, the embedding model. */
class PurposeEmbeddingEvaluationTest {

    @Test
    void readsTenWritersAndNeverTheUnseenPart() {
        List<String> parts = PurposeEmbeddingEvaluation.WRITERS.values().stream().flatMap(List::stream).toList();
        assertThat(PurposeEmbeddingEvaluation.WRITERS).hasSize(10).containsKey(PurposeEmbeddingEvaluation.CLEAN);
        assertThat(parts).contains("dev", "heldout", "heldout10").doesNotContainAnyElementsOf(PurposeEmbeddingEvaluation.UNSEEN);
    }

    @Test
    void nearestNeighboursAndCentroidsPickTheClassOfTheNearestVectors() throws Exception {
        List<float[]> xs = List.of(unit(1, 0.1f), unit(1, -0.1f), unit(0.1f, 1), unit(-0.1f, 1), unit(-1, 0.1f));
        List<Label> ys = List.of(Label.FORBIDDEN, Label.FORBIDDEN, Label.PERSONAL_SPECIAL, Label.PERSONAL_SPECIAL, Label.NEAR_MISS);
        for (String clf : List.of("knn", "centroid")) {
            PurposeEmbeddingEvaluation.Model m = clf.equals("knn") ? PurposeEmbeddingEvaluation.knn(xs, ys, 2)
                    : PurposeEmbeddingEvaluation.train(clf, xs, ys);
            double[] p = m.probs(unit(0.9f, 0.2f));
            assertThat(p[Label.FORBIDDEN.ordinal()]).as(clf).isGreaterThan(0.5);
            assertThat(p[Label.FORBIDDEN.ordinal()] + p[Label.NEAR_MISS.ordinal()] + p[Label.PERSONAL_SPECIAL.ordinal()]
                    + p[Label.GENERIC_SPECIAL.ordinal()]).as(clf).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(m.probs(unit(0.2f, 0.9f))[Label.PERSONAL_SPECIAL.ordinal()]).as(clf).isGreaterThan(0.5);
        }
    }

    @Test
    void theEmbeddingModelGivesUnitVectorsThatPlaceAParaphraseNearer() {
        SentenceEmbedder embedder = new SentenceEmbedder();
        float[] a = embedder.vector("Please summarise the minutes of the council meeting about road repairs.");
        float[] b = embedder.vector("Write a short summary of the council's meeting notes on fixing the roads.");
        float[] c = embedder.vector("My cat likes to sleep in the sun on the windowsill.");
        assertThat(a).hasSize(384);
        assertThat(dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(dot(a, b)).isGreaterThan(dot(a, c) + 0.2);
    }

    private static float[] unit(float x, float y) {
        float n = (float) Math.sqrt(x * x + y * y);
        return new float[] {x / n, y / n};
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
