package nl.dijkwacht.pii.detect;

/** A span of text that a recognizer believes is personal data: offsets into the analysed text. */
public record Finding(EntityType type, int start, int end, double score, String recognizer) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span");
        }
    }

    /** The same finding at other offsets (for example mapped from the normal form back to the original text). */
    public Finding at(int newStart, int newEnd) {
        return new Finding(type, newStart, newEnd, score, recognizer);
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
