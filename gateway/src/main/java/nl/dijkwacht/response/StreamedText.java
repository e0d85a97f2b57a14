package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import nl.dijkwacht.pii.anonymize.PlaceholderRestorer;
import nl.dijkwacht.pii.anonymize.StreamTransformer;
import nl.dijkwacht.pipeline.Exchange;

/**
 * One row of a streamed choice's text (its content, its refusal, or an audio answer's transcript), chunk by chunk: placeholders restored, holding back
 * only a possible unfinished placeholder, then the output scan, holding back its bounded tail (with {@code redact}); a
 * JSON-mode answer's text is held or copied whole instead ({@link HeldJsonAnswer}).
 */
final class StreamedText {

    final PlaceholderRestorer restorer;
    private final StreamTransformer scan;
    /** What the restorer and the scan give for one chunk; kept for the row's chunks, as is the scan's sink. */
    private final TextPieces ready = new TextPieces();
    private final Consumer<String> toScan = this::scanned;
    /** A JSON-mode answer's text, held or copied until the choice ends; null for text (and once it grew too long). */
    private HeldJsonAnswer jsonHold;
    /**
     * The row's text as the model wrote it and as the tool got it, kept only when the two can differ and a web-search
     * citation may count in it ({@link CitationSpans}); else null.
     */
    private final StringBuilder modelText;
    private final StringBuilder deliveredText;

    /**
     * @param scan null when there is no output scan (the dry-run model); @param jsonHold null for text;
     * @param keepTexts whether to keep the model's and the delivered text (the content row, when it is rewritten)
     */
    StreamedText(PlaceholderRestorer restorer, StreamTransformer scan, HeldJsonAnswer jsonHold, boolean keepTexts) {
        this.restorer = restorer;
        this.scan = scan;
        this.jsonHold = jsonHold;
        this.modelText = keepTexts ? new StringBuilder() : null;
        this.deliveredText = keepTexts ? new StringBuilder() : null;
    }

    /**
     * A piece of a stream's text that arrives whole (a custom tool's held input, a web-search citation's title): restored
     * and scanned as text, its placeholders counted.
     */
    static String whole(String text, Exchange exchange, boolean restore, OutputScan.Bound scan) {
        String rewritten = text;
        if (restore) {
            PlaceholderRestorer restorer = new PlaceholderRestorer(exchange.vault());
            rewritten = restorer.restoreAll(text);
            exchange.placeholders(restorer.restoredCount(), restorer.unknownCount());
        }
        return scan == null ? rewritten : scan.apply(rewritten);
    }

    /** Non-empty text: restored, then scanned. @return what may go to the tool now */
    String add(String text, boolean restore) {
        ready.clear();
        if (restore) {
            restorer.onChunk(text, toScan);
        } else {
            scanned(text);
        }
        String out = ready.text();
        if (modelText != null) {
            modelText.append(text);
            deliveredText.append(out);
        }
        return out;
    }

    /**
     * Moves the spans of a choice's citations from the model's text to the text the tool got, once the row finished.
     * @return the citations dropped
     */
    int moveCitations(JsonNode annotations) {
        return modelText == null ? 0 : CitationSpans.move(annotations, modelText.toString(), deliveredText.toString());
    }

    /** The row's text as the tool got it so far; null when it is not kept. */
    String delivered() {
        return deliveredText == null ? null : deliveredText.toString();
    }

    /** What the restorer and the scan still hold, appended to {@code out}. */
    void finish(boolean restore, StringBuilder out) {
        ready.clear();
        if (restore) {
            restorer.onComplete(toScan);
        }
        if (jsonHold != null) {
            String scanned = jsonHold.end();
            if (jsonHold.redact) {
                ready.accept(scanned);
            }
        } else if (scan != null) {
            scan.onComplete(ready);
        }
        String rest = ready.text();
        if (deliveredText != null) {
            deliveredText.append(rest);
        }
        out.append(rest);
    }

    private void scanned(String text) {
        if (scan == null) {
            ready.accept(text);
        } else if (jsonHold != null) {
            if (!jsonHold.redact) {
                ready.accept(text); // flag: the text goes at once, a copy is counted at the end
            }
            if (!jsonHold.add(text)) {
                // too long to hold: what was held is scanned as text, as is all that follows (with flag only counted)
                String held = jsonHold.held();
                boolean redact = jsonHold.redact;
                jsonHold = null;
                scan.onChunk(held, redact ? ready : text1 -> { });
            }
        } else {
            scan.onChunk(text, ready);
        }
    }
}
