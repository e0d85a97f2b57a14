package nl.dijkwacht.pii.detect;

import java.util.List;

/** Finds spans of one kind of personal data. Detection only: what happens to a finding is the Anonymizer's job. */
public interface Recognizer {

    String name();

    List<Finding> find(String text);

    /**
     * As {@link #find(String)}, with what the detector has already worked out about the text once for all
     * recognizers (structure: table headers, JSON keys, labels; lower case; candidate positions). Recognizers that
     * use any of it override this, most by being an {@link AnalysedTextRecognizer}.
     */
    default List<Finding> find(AnalysedText text) {
        return find(text.text());
    }

    /**
     * What it recognises and how, for the generated table in docs/pii-evaluation.md. Every recognizer of the
     * registry describes itself; ad-hoc ones (tests) need not.
     */
    default Description describe() {
        throw new UnsupportedOperationException("recognizer " + name() + " has no description");
    }

    /** A row of the recognizer table: the type, how it is found, and the decisions worth knowing. */
    record Description(EntityType type, String how, String decisions) {
    }
}
