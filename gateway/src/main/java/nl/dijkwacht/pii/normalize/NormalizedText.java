package nl.dijkwacht.pii.normalize;

/**
 * A text in the engine's normal form together with the way back: every character of {@link #text()} knows the
 * range of the original it came from, so a span found in the normal form can be replaced in the original.
 * When nothing had to change, {@link #text()} is the original itself and the mapping is the identity.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    /** For character i of the normal form: the original range [from[i], to[i]). Null when identical. */
    private final int[] from;
    private final int[] to;

    private NormalizedText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static NormalizedText identity(String original) {
        return new NormalizedText(original, original, null, null);
    }

    static NormalizedText mapped(String original, String text, int[] from, int[] to) {
        if (text.equals(original)) {
            return identity(original);
        }
        return new NormalizedText(original, text, from, to);
    }

    public String original() {
        return original;
    }

    /** The text in normal form; what the recognizers read. */
    public String text() {
        return text;
    }

    /** Whether the normal form differs from the original (offsets then need mapping). */
    public boolean changed() {
        return from != null;
    }

    /** Start in the original of a span that starts at {@code start} in the normal form. */
    public int originalStart(int start) {
        if (from == null) {
            return start;
        }
        return start >= from.length ? original.length() : from[start];
    }

    /** End in the original of a span that ends at {@code end} (exclusive) in the normal form. */
    public int originalEnd(int end) {
        if (to == null) {
            return end;
        }
        return end <= 0 ? 0 : to[Math.min(end, to.length) - 1];
    }

    int[] from() {
        return from;
    }

    int[] to() {
        return to;
    }
}
