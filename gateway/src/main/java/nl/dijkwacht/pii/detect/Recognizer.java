package nl.dijkwacht.pii.detect;

import java.util.List;

/** Finds spans of one kind of personal data. Detection only: what happens to a finding is the Anonymizer's job. */
public interface Recognizer {

    String name();

    List<Finding> find(String text);

    /**
     * As {@link #find(String)}, with the text's structure (table headers, JSON keys, labels) already parsed by the
     * detector; recognizers that use context override this.
     */
    default List<Finding> find(String text, TextStructure structure) {
        return find(text);
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
