package nl.dijkwacht.pii.detect;


import java.util.List;

/** Finds spans of one kind of personal data. Detection only: what happens to a finding is the Anonymizer's job. */
public interface Recognizer {

    String name();

    List<Finding> find(String text);
}
