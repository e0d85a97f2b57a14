package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.dijkwacht.pii.detect.Finding;

/**
 * The engine's findings for a request's texts, worked out on another core while the request thread still runs the
 * steps before the PII step (issue 15: at low load the second core is idle while one request is checked).
 *
 * <p>Nothing is skipped or guessed: {@link #findings} gives exactly what {@link PiiEngine#detect} gives for the text it
 * is asked about. The texts are copied (as strings) on the request thread when the work starts; a text that a later step
 * changed is simply not among them and is detected when asked for. Each text is claimed once, by whichever thread gets
 * to it first: the helper works from the last text (usually the longest, the user's), the request thread from the
 * first, so the request thread never waits for work it could have done itself, only for a text the helper is already
 * on. A failure in the helper is thrown to the request thread as {@link PiiEngine#detect} would have thrown it.
 *
 * <p>Texts a request sends again by nature (the system prompt, earlier turns) are looked up in {@link RepeatedTexts}
 * like without detection ahead: running ahead must not turn a table hit back into a full analysis (issue 15, pii17).
 */
public final class DetectionAhead {

    private final PiiEngine engine;
    private final Map<String, Entry> byText;
    private final RepeatedTexts repeated;

    /** A text of the request; {@code resent}: one a tool sends again (its findings may come from {@link RepeatedTexts}). */
    public record Text(String text, boolean resent) {
    }

    private static final class Entry {
        final String text;
        final boolean resent;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<List<Finding>> result = new CompletableFuture<>();

        Entry(String text, boolean resent) {
            this.text = text;
            this.resent = resent;
        }
    }

    private DetectionAhead(PiiEngine engine, RepeatedTexts repeated, Map<String, Entry> byText) {
        this.engine = engine;
        this.repeated = repeated;
        this.byText = byText;
    }

    /** Copies {@code texts} and starts detecting them on {@code helper}; returns at once. */
    public static DetectionAhead start(PiiEngine engine, List<String> texts, Executor helper) {
        return start(engine, null, texts.stream().map(t -> new Text(t, false)).toList(), helper);
    }

    /**
     * As {@link #start(PiiEngine, List, Executor)}; the resent texts' findings come from {@code repeated} (over the same
     * engine), as they would without detection ahead.
     */
    public static DetectionAhead start(PiiEngine engine, RepeatedTexts repeated, List<Text> texts, Executor helper) {
        Map<String, Entry> byText = new LinkedHashMap<>();
        for (Text t : texts) {
            if (t.text() != null && !t.text().isEmpty()) {
                byText.putIfAbsent(t.text(), new Entry(t.text(), t.resent() && repeated != null));
            }
        }
        DetectionAhead ahead = new DetectionAhead(engine, repeated, byText);
        if (!byText.isEmpty()) {
            List<Entry> lastFirst = new ArrayList<>(byText.values()).reversed();
            helper.execute(() -> lastFirst.forEach(ahead::run));
        }
        return ahead;
    }

    /** What {@link PiiEngine#detect} finds in {@code text}: from the helper when it took the text, else detected now. */
    public List<Finding> findings(String text) {
        Entry entry = text == null ? null : byText.get(text);
        if (entry == null) {
            return engine.detect(text);
        }
        run(entry);
        try {
            return entry.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Texts the helper or the request thread has taken on so far (for tests). */
    int claimed() {
        return (int) byText.values().stream().filter(e -> e.claimed.get()).count();
    }

    private void run(Entry entry) {
        if (!entry.claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            entry.result.complete(entry.resent ? repeated.detect(entry.text) : List.copyOf(engine.detect(entry.text)));
        } catch (RuntimeException | Error e) {
            entry.result.completeExceptionally(e);
        }
    }
}
