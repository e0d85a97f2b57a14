package nl.dijkwacht.pii.detect.name;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.evalforms.FormsEvalSet;
import nl.dijkwacht.pii.normalize.NormalizedText;
import nl.dijkwacht.pii.normalize.TextNormalizer;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * The hand-written forms' PERSON spans as name-model training sentences, tokenised as the engine tokenises for the
 * name finder: the text in normal form ({@link TextNormalizer}), {@link TextToken#tokenize}, split by
 * {@link TextToken#sentences}. A sentence in which a labelled name does not fall on whole tokens, or crosses the
 * sentence's end, is left out rather than labelled wrongly; sentences without a name stay in (they teach the
 * look-alikes and the running text around them).
 */
public final class FormsNameSamples {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private FormsNameSamples() {
    }

    /** {@code counts}: [sentences kept, sentences left out, names labelled], added to. */
    public static List<NameSample> of(List<FormsEvalSet.Doc> docs, int[] counts) {
        List<NameSample> out = new ArrayList<>();
        for (FormsEvalSet.Doc d : docs) {
            addDoc(d, out, counts);
        }
        return out;
    }

    static void addDoc(FormsEvalSet.Doc doc, List<NameSample> out, int[] counts) {
        NormalizedText normal = NORMALIZER.normalize(doc.text());
        String text = normal.text();
        List<TextToken> tokens = TextToken.tokenize(text);
        int[] origStart = new int[tokens.size()];
        int[] origEnd = new int[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            origStart[k] = normal.originalStart(tokens.get(k).start());
            origEnd[k] = normal.originalEnd(tokens.get(k).end());
        }
        List<FormsEvalSet.Span> names = doc.entities().stream()
                .filter(e -> e.type().equals(FormsEvalSet.PERSON)).toList();
        for (TokenRange sentence : TextToken.sentences(text, tokens)) {
            List<Span> spans = new ArrayList<>();
            boolean clean = true;
            for (FormsEvalSet.Span name : names) {
                int from = -1;
                int to = -1;
                boolean touches = false;
                boolean outside = false;
                for (int k = 0; k < tokens.size(); k++) {
                    boolean overlaps = origStart[k] < name.end() && name.start() < origEnd[k];
                    if (!overlaps) {
                        continue;
                    }
                    boolean inSentence = k >= sentence.from() && k < sentence.to();
                    touches |= inSentence;
                    outside |= !inSentence;
                    if (origStart[k] < name.start() || origEnd[k] > name.end()) {
                        outside = true; // a token sticks out of the label: the label does not fall on tokens
                    }
                    if (from < 0) {
                        from = k;
                    }
                    to = k + 1;
                }
                if (!touches) {
                    continue;
                }
                if (outside) {
                    clean = false;
                    break;
                }
                spans.add(new Span(from - sentence.from(), to - sentence.from(), "person"));
            }
            if (!clean) {
                counts[1]++;
                continue;
            }
            String[] words = new String[sentence.length()];
            for (int k = 0; k < words.length; k++) {
                words[k] = tokens.get(sentence.from() + k).text();
            }
            spans.sort(java.util.Comparator.comparingInt(Span::getStart));
            out.add(new NameSample(words, spans.toArray(Span[]::new), true));
            counts[0]++;
            counts[2] += spans.size();
        }
    }
}
