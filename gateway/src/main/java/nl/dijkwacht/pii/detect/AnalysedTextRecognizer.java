package nl.dijkwacht.pii.detect;

import java.util.List;

/**
 * A recognizer that works on what the detector has worked out about the text ({@link AnalysedText}); given a bare
 * string, it analyses the string first.
 */
public interface AnalysedTextRecognizer extends Recognizer {

    @Override
    List<Finding> find(AnalysedText text);

    @Override
    default List<Finding> find(String text) {
        return find(AnalysedText.of(text));
    }
}
