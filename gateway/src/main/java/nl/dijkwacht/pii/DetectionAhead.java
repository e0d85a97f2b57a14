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
 */
public final class DetectionAhead {

    private final PiiEngine engine;
    private final Map<String, Entry> byText;

    private static final class Entry {
        final String text;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CompletableFuture<List<Finding>> result = new CompletableFuture<>();

        Entry(String text) {
            this.text = text;
        }
    }

    private DetectionAhead(PiiEngine engine, Map<String, Entry> byText) {
        this.engine = engine;
        this.byText = byText;
    }

    /** Copies {@code texts} and starts detecting them on {@code helper}; returns at once. */
    public static DetectionAhead start(PiiEngine engine, List<String> texts, Executor helper) {
        Map<String, Entry> byText = new LinkedHashMap<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                byText.putIfAbsent(text, new Entry(text));
            }
        }
        DetectionAhead ahead = new DetectionAhead(engine, byText);
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
            entry.result.complete(List.copyOf(engine.detect(entry.text)));
        } catch (RuntimeException | Error e) {
            entry.result.completeExceptionally(e);
        }
    }
}
