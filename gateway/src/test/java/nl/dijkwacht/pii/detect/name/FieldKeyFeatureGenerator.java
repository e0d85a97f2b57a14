package nl.dijkwacht.pii.detect.name;

import java.util.List;
import java.util.Locale;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;

/**
 * A name-model feature for forms (names49): the field a token is the value of — the JSON key, the {@code label:} of a
 * form line or an e-mail header ({@code "vervoer":"taxi"}, {@code Onderwerp: Felicitatie 100 jaar},
 * {@code Aan: Veenstra, Sietske}) — and whether it is the value's first word. It reads only the words the model is
 * given (a window of a sentence), so a window decodes the same wherever it occurs and the decoded-window cache stays
 * valid. Named in the model's feature descriptor ({@code NameModelTrainer.FORM_FEATURES}) through
 * {@link FieldKeyFeatureGeneratorFactory}. Measured in the writer folds (session 49) and not kept: the engine found the
 * same names with and without it, so it lives in the test sources with the trainer, and no shipped model names it.
 */
public final class FieldKeyFeatureGenerator implements AdaptiveFeatureGenerator {

    /** How many tokens back a value may start: a field value with a name is short. */
    static final int REACH = 6;
    private static final int MAX_KEY = 24;

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        int separator = -1;
        for (int j = index - 1; j >= 0 && j >= index - REACH; j--) {
            String t = tokens[j];
            if (t.equals(":") || t.equals("=")) {
                separator = j;
                break;
            }
            if (t.length() == 1 && ",;|{}[]()".indexOf(t.charAt(0)) >= 0) {
                return; // a cell, list item or bracket starts between: the token belongs to that, not to a field
            }
        }
        if (separator < 0) {
            return;
        }
        int k = separator - 1;
        while (k >= 0 && isQuote(tokens[k])) {
            k--;
        }
        if (k < 0 || tokens[k].isEmpty() || !Character.isLetter(tokens[k].charAt(0))
                || tokens[k].length() > MAX_KEY) {
            return;
        }
        String key = tokens[k].toLowerCase(Locale.ROOT);
        boolean first = true;
        for (int j = separator + 1; j < index; j++) {
            first &= isQuote(tokens[j]);
        }
        features.add("fk=" + key);
        features.add(first ? "fkv=first" : "fkv=next");
    }

    private static boolean isQuote(String t) {
        return t.equals("\"") || t.equals("'") || t.equals("“") || t.equals("”");
    }
}
