package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dijkwacht.pii.detect.Finding;

/**
 * The engine's findings for a request's texts, worked out on another core while the request thread still runs the
 * steps before the PII step (issue 15: at low load the second core is idle while one request is checked).
 *
 * <p>Nothing is skipped or guessed: {@link #findings} gives exactly what {@link PiiEngine#detect} gives for the text it
 * is asked about. The texts are copied (as strings) on the request thread when the work starts, or read by the helper
 * itself from the request as it arrived ({@link #start(PiiEngine, Supplier, Executor)}: the request thread then need not
 * wait for the parse); a text that a later step changed is simply not among them and is detected when asked for. Each
 * text is claimed once, by whichever thread gets to it first: the helper works from the last text (usually the longest,
 * the user's), the request thread from the first, so the request thread never waits for work it could have done itself,
 * only for a text the helper is already on. A failure in the helper is thrown to the request thread as
 * {@link PiiEngine#detect} would have thrown it.
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
        DetectionAhead ahead = new DetectionAhead(engine, new ConcurrentHashMap<>());
        List<Entry> entries = ahead.entries(texts);
        if (!entries.isEmpty()) {
            helper.execute(() -> entries.reversed().forEach(ahead::run));
        }
        return ahead;
    }

    /**
     * Starts on {@code helper} with reading the texts ({@code texts} runs there, and may fail: then nothing is detected
     * ahead) and detecting them; returns at once. A text the request thread asks for before the helper read it is
     * detected by the request thread.
     */
    public static DetectionAhead start(PiiEngine engine, Supplier<List<String>> texts, Executor helper) {
        DetectionAhead ahead = new DetectionAhead(engine, new ConcurrentHashMap<>());
        helper.execute(() -> {
            List<String> read;
            try {
                read = texts.get();
            } catch (RuntimeException e) {
                return; // the request thread's own parse decides what such a request gets
            }
            ahead.entries(read).reversed().forEach(ahead::run);
        });
        return ahead;
    }

    /** The entries of {@code texts} (each text once, in order), made where missing. */
    private List<Entry> entries(List<String> texts) {
        Set<Entry> entries = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isEmpty()) {
                entries.add(byText.computeIfAbsent(text, Entry::new));
            }
        }
        return new ArrayList<>(entries);
    }

    /** What {@link PiiEngine#detect} finds in {@code text}: from the helper when it took the text, else detected now. */
    public List<Finding> findings(String text) {
        return findings(text, engine::detect);
    }

    /**
     * The same, with {@code own} detecting a text the request thread takes on itself — another way to the engine's
     * findings (a sent-again text's from {@link RepeatedTexts}).
     */
    public List<Finding> findings(String text, Function<String, List<Finding>> own) {
        if (text == null || text.isEmpty()) {
            return own.apply(text);
        }
        Entry entry = byText.computeIfAbsent(text, Entry::new);
        run(entry, own);
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
        run(entry, engine::detect);
    }

    private void run(Entry entry, Function<String, List<Finding>> detect) {
        if (!entry.claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            entry.result.complete(List.copyOf(detect.apply(entry.text)));
        } catch (RuntimeException | Error e) {
            entry.result.completeExceptionally(e);
        }
    }
}
