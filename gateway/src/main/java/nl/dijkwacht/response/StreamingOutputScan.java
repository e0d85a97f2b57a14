package nl.dijkwacht.response;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.anonymize.StreamTransformer;

/**
 * The output scan for a streamed answer, chunk by chunk: once {@value #HOLD} + {@value #STEP} characters are held, the
 * first {@value #STEP} of them (back to a word boundary) are scanned with the rest as what follows and released, so
 * personal data that is still arriving is never split between a released part and a held part; what is released has
 * been scanned, with up to {@value #CONTEXT} characters of what came before as context ("BSN" before a number). The
 * windows depend on the text alone, not on where the events were cut, so an answer gets the same findings however it
 * arrives; a whole answer is scanned in the same windows ({@link OutputScan.Bound#apply}), so it gets the same findings
 * as the same answer streamed (rewrite27: a name the model finder sees in one window and not in a longer text). With {@code redact}, fresh personal data is replaced by
 * {@code [TYPE]} before release; without, text passes at once and is only scanned, to be counted. Only a bounded tail
 * is ever held, never the whole answer.
 *
 * <p>Counting only, nothing waits for the scan, so the text is scanned in windows of about {@value #COUNT_STEP}
 * characters instead of {@value #STEP}: each window is scanned with {@value #HOLD} characters of hold and
 * {@value #CONTEXT} of context around it, so small steps scan every character about four times.
 */
final class StreamingOutputScan implements StreamTransformer {

    /** Longer than almost every e-mail address, IBAN, phone number or name; a finding that crosses it moves it back. */
    static final int HOLD = 64;
    /** Released in steps of at least this many characters, so the engine does not run for every token. */
    static final int STEP = 48;
    /** The step when only counting: nobody waits for the release, so the engine runs about once per KB of answer. */
    static final int COUNT_STEP = 960;
    static final int CONTEXT = 64;
    /** A "finding" still growing after this much held text is released anyway (redacted up to the cut): the bound. */
    static final int MAX_PENDING = 1024;

    private final OutputScan.Bound scan;
    private final boolean redact;
    private final int step;
    private final int maxPending;
    private final StringBuilder pending = new StringBuilder();
    private String context = "";
    /** How much pending text the next scan takes: {@code HOLD + step}, one step more after each scan that released nothing. */
    private int window;

    StreamingOutputScan(OutputScan.Bound scan, boolean redact) {
        this.scan = scan;
        this.redact = redact;
        this.step = redact ? STEP : COUNT_STEP;
        this.maxPending = redact ? MAX_PENDING : COUNT_STEP + MAX_PENDING;
        this.window = HOLD + step;
    }

    @Override
    public void onChunk(String text, Consumer<String> sink) {
        if (!redact && !text.isEmpty()) {
            sink.accept(text);
        }
        pending.append(text);
        // the windows are set by the text alone, never by where the events were cut: the same answer gets the same
        // findings whether it came whole or in any pieces (OutputScan.Bound#apply runs the whole answer through here)
        while (pending.length() >= window) {
            window = release(window, false, sink) ? HOLD + step : window + step;
        }
    }

    @Override
    public void onComplete(Consumer<String> sink) {
        if (!pending.isEmpty()) {
            release(pending.length(), true, sink);
        }
        window = HOLD + step;
    }

    /**
     * Up to {@code HOLD} characters before the window's end, moved back to a word boundary (but never by more than HOLD)
     * and never between the two halves of a surrogate pair.
     */
    private int releasable(int size) {
        int end = size - HOLD;
        for (int i = end; i > end - HOLD && i > 0; i--) {
            if (Character.isWhitespace(pending.charAt(i - 1))) {
                return i;
            }
        }
        return end > 0 && Character.isLowSurrogate(pending.charAt(end)) && Character.isHighSurrogate(pending.charAt(end - 1)) ? end - 1 : end;
    }

    /**
     * Scans the context and the first {@code size} pending characters and releases what lies far enough behind the
     * window's end (all of it when the window is all there is, at the end of the answer). @return whether any text went
     */
    private boolean release(int size, boolean last, Consumer<String> sink) {
        String text = context + pending.substring(0, size);
        int offset = context.length();
        List<Finding> fresh = scan.fresh(text);
        int cut = offset + (last ? size : releasable(size));
        boolean forced = size > maxPending;
        if (!last && !forced) {
            for (Finding f : fresh) {
                if (f.start() < cut && f.end() > cut && f.start() >= offset) {
                    cut = f.start();
                }
            }
            if (cut <= offset) {
                return false; // everything still belongs to something that is arriving
            }
        }
        List<Finding> released = new ArrayList<>();
        for (Finding f : fresh) {
            if (f.start() >= offset && f.start() < cut) {
                released.add(new Finding(f.type(), f.start() - offset, Math.min(f.end(), cut) - offset, f.score(), f.recognizer()));
            }
        }
        String part = pending.substring(0, cut - offset);
        scan.count(released);
        if (redact) {
            String out = scan.redact(part, released);
            if (!out.isEmpty()) {
                sink.accept(out);
            }
        }
        String seen = context + part;
        context = seen.length() <= CONTEXT ? seen : seen.substring(seen.length() - CONTEXT);
        pending.delete(0, cut - offset);
        return true;
    }
}
