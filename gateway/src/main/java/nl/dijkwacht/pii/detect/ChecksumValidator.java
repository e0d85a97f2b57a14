package nl.dijkwacht.pii.detect;

/** Checks the check digits of a candidate identifier. */
public interface ChecksumValidator {

    enum Validity { VALID, INVALID, UNKNOWN }

    Validity validate(CharSequence candidate);

    /** Its name in explanations and the docs. */
    String name();
}
