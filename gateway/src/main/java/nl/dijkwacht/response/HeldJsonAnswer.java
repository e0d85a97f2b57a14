package nl.dijkwacht.response;

import java.util.function.UnaryOperator;

/**
 * A streamed JSON-mode answer's text (json27): the whole answer is scanned value by value ({@link OutputScan.Bound#applyToArguments}),
 * so the stream holds the text until the choice ends and scans it the same way, as it does tool-call arguments. With
 * {@code redact} the tool gets it then, as one delta; with {@code flag} it went at once and a copy is counted. Bounded by
 * {@link #MAX_HELD_JSON}: a longer answer is scanned as text, in the windows of {@link StreamingOutputScan} (nothing
 * leaves unscanned, but a redaction may then differ from the whole answer's and need not keep the JSON valid).
 */
final class HeldJsonAnswer {

    /**
     * A JSON-mode answer's text held (with {@code redact}) or copied (with {@code flag}, to be counted) per choice to be
     * scanned value by value at its end; beyond this many characters it is scanned as text instead (json27).
     */
    static final int MAX_HELD_JSON = 1_000_000;

    final boolean redact;
    private final UnaryOperator<String> scanJson;
    private final StringBuilder text = new StringBuilder();

    HeldJsonAnswer(boolean redact, UnaryOperator<String> scanJson) {
        this.redact = redact;
        this.scanJson = scanJson;
    }

    /** @return false when the text would grow beyond {@link #MAX_HELD_JSON} (it is added all the same) */
    boolean add(String part) {
        text.append(part);
        return text.length() <= MAX_HELD_JSON;
    }

    String held() {
        return text.toString();
    }

    /** The held text scanned as one JSON answer (counted; redacted with {@code redact}). */
    String end() {
        String scanned = scanJson.apply(text.toString());
        text.setLength(0);
        return scanned;
    }
}
