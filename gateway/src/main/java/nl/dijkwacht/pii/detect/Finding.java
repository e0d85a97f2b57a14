package nl.dijkwacht.pii.detect;

/**
 * A span of text that a recognizer believes is personal data: offsets into the analysed text, and why — the
 * recognizer, the pattern or rule that matched, the context cue that decided (a word from our lists, never text
 * of the prompt; empty when none was needed) and the score.
 */
public record Finding(EntityType type, int start, int end, double score, String recognizer, String pattern,
                      String context) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span");
        }
        pattern = pattern == null ? "" : pattern;
        context = context == null ? "" : context;
    }

    public Finding(EntityType type, int start, int end, double score, String recognizer) {
        this(type, start, end, score, recognizer, "", "");
    }

    /** The same finding at other offsets (for example mapped from the normal form back to the original text). */
    public Finding at(int newStart, int newEnd) {
        return new Finding(type, newStart, newEnd, score, recognizer, pattern, context);
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** One line for an administrator: recognizer, pattern, context, score. Contains no analysed text. */
    public String explanation() {
        StringBuilder b = new StringBuilder(recognizer);
        if (!pattern.isEmpty()) {
            b.append(": ").append(pattern);
        }
        if (!context.isEmpty()) {
            b.append("; ").append(context);
        }
        return b.append(String.format(java.util.Locale.ROOT, "; score %.2f", score)).toString();
    }
}
