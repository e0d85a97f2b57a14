package nl.dijkwacht.pii.detect.name;

/** Token indices [from, to): a sentence, a window shown to the model, or a name span the model found. */
record TokenRange(int from, int to) {

    int length() {
        return to - from;
    }
}
