package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.normalize.NormalizedText;
import nl.dijkwacht.pii.normalize.TextNormalizer;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * The name model by itself, without the rules and without {@link PersonNameRecognizer}'s vetting: on labelled
 * sentences ({@link FormsNameSamples}), how many labelled names it finds with the same tokens, how many it covers,
 * and how many of its spans touch a labelled name. Whole sentences are decoded (the engine decodes windows around
 * candidates), with the engine's minimum probability.
 */
public final class NameModelAlone {

    public record Score(int gold, int exact, int covered, int predicted, int predictedOnGold) {
    }

    private NameModelAlone() {
    }

    public static Score score(TokenNameFinderModel model, List<NameSample> sentences) {
        NameFinderME finder = new NameFinderME(model);
        int gold = 0;
        int exact = 0;
        int covered = 0;
        int predicted = 0;
        int onGold = 0;
        for (NameSample s : sentences) {
            Span[] found = finder.find(s.getSentence());
            finder.clearAdaptiveData();
            for (Span g : s.getNames()) {
                gold++;
                boolean same = false;
                boolean covers = false;
                for (Span f : found) {
                    if (f.getProb() < NameModelEngines.MIN_PROBABILITY) {
                        continue;
                    }
                    same |= f.getStart() == g.getStart() && f.getEnd() == g.getEnd();
                    covers |= f.getStart() <= g.getStart() && g.getEnd() <= f.getEnd();
                }
                exact += same ? 1 : 0;
                covered += covers ? 1 : 0;
            }
            for (Span f : found) {
                if (f.getProb() < NameModelEngines.MIN_PROBABILITY) {
                    continue;
                }
                predicted++;
                for (Span g : s.getNames()) {
                    if (f.getStart() < g.getEnd() && g.getStart() < f.getEnd()) {
                        onGold++;
                        break;
                    }
                }
            }
        }
        return new Score(gold, exact, covered, predicted, onGold);
    }

    /**
     * What the model by itself marks in a whole text, as {start, end} offsets into the text as given: every sentence
     * of the normal form decoded, spans under the engine's minimum probability dropped.
     */
    public static List<int[]> spans(TokenNameFinderModel model, String original) {
        NormalizedText normal = new TextNormalizer().normalize(original);
        String text = normal.text();
        List<TextToken> tokens = TextToken.tokenize(text);
        NameFinderME finder = new NameFinderME(model);
        List<int[]> out = new ArrayList<>();
        for (TokenRange sentence : TextToken.sentences(text, tokens)) {
            String[] words = new String[sentence.length()];
            for (int k = 0; k < words.length; k++) {
                words[k] = tokens.get(sentence.from() + k).text();
            }
            for (Span f : finder.find(words)) {
                if (f.getProb() >= NameModelEngines.MIN_PROBABILITY) {
                    out.add(new int[] {normal.originalStart(tokens.get(sentence.from() + f.getStart()).start()),
                            normal.originalEnd(tokens.get(sentence.from() + f.getEnd() - 1).end())});
                }
            }
            finder.clearAdaptiveData();
        }
        return out;
    }
}
