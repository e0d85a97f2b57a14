package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiDetector;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.Recognizer;
import nl.dijkwacht.pii.detect.name.PersonNameRecognizer;
import nl.dijkwacht.pii.normalize.NormalizedText;
import nl.dijkwacht.pii.normalize.TextNormalizer;

/**
 * The Dutch PII engine: all recognizers behind one call. Build it once ({@link #dutchDefault()} loads the name
 * model and word lists, roughly a few hundred milliseconds) and share it: it is immutable and thread-safe.
 *
 * <p>Text is first brought into one normal form ({@link TextNormalizer}: NFKC, invisible characters removed,
 * written-out '@', separators in digit runs), the recognizers read that form, and every finding is mapped back to
 * the original text: offsets always point into the text the caller passed, disguise included, so a placeholder
 * replaces the whole disguised value.
 *
 * <p>Every internal failure surfaces as {@link PiiEngineException} — the engine never returns an empty result
 * because something broke, and no message contains analysed text.
 */
public final class PiiEngine {

    /** The full engines built so far, by the name model's window-cache slots: a test suite's many contexts share one. */
    private static final java.util.Map<Integer, PiiEngine> DUTCH = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile PiiEngine structuredOnly;

    private final PiiDetector detector;
    private final TextNormalizer normalizer = new TextNormalizer();

    public PiiEngine(List<Recognizer> recognizers) {
        if (recognizers.isEmpty()) {
            throw new PiiEngineException("no recognizers configured");
        }
        this.detector = new PiiDetector(recognizers);
    }

    /** Structured identifiers, special categories, and person names (OpenNLP model plus rules). Cached. */
    public static PiiEngine dutchDefault() {
        return dutch(PersonNameRecognizer.DEFAULT_WINDOW_CACHE);
    }

    /**
     * As {@link #dutchDefault()}, the name model's decoded windows kept in {@code nameWindowCache} slots (0: none, every
     * window decoded as for text never seen). Cached per number of slots.
     */
    public static PiiEngine dutch(int nameWindowCache) {
        return DUTCH.computeIfAbsent(Math.max(0, nameWindowCache), slots -> new PiiEngine(RecognizerRegistry.dutch(true, slots)));
    }

    /** Everything except person names: no name model is loaded. Cached. */
    public static PiiEngine structuredOnly() {
        PiiEngine e = structuredOnly;
        if (e == null) {
            synchronized (PiiEngine.class) {
                e = structuredOnly;
                if (e == null) {
                    e = new PiiEngine(RecognizerRegistry.structured());
                    structuredOnly = e;
                }
            }
        }
        return e;
    }

    /** Findings sorted by offset, without overlaps; offsets point into {@code text} as given. */
    public List<Finding> detect(String text) {
        if (text == null) {
            throw new PiiEngineException("no text to analyse");
        }
        try {
            NormalizedText normal = normalizer.normalize(text);
            List<Finding> found = detector.detect(normal.text());
            return normal.changed() ? toOriginal(found, normal) : found;
        } catch (PiiEngineException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new PiiEngineException("PII detection failed (" + e.getClass().getSimpleName() + ")",
                    PiiEngineException.scrubbed(e));
        }
    }

    /**
     * Maps spans of the normal form to the original; a span never starts inside the previous one. A tag's attributes
     * are read at the end of the normal form (redteam50), so a finding there maps before the ones after it: the spans
     * are put in the original's order first.
     */
    private static List<Finding> toOriginal(List<Finding> found, NormalizedText normal) {
        List<Finding> spans = new ArrayList<>(found.size());
        for (Finding f : found) {
            int start = normal.originalStart(f.start());
            int end = normal.originalEnd(f.end());
            if (end > start) {
                spans.add(f.at(start, end));
            }
        }
        spans.sort(java.util.Comparator.comparingInt(Finding::start)); // already in order but for moved tags
        List<Finding> mapped = new ArrayList<>(spans.size());
        int previousEnd = 0;
        for (Finding f : spans) {
            int start = Math.max(previousEnd, f.start());
            int end = f.end();
            if (end > start) {
                mapped.add(start == f.start() ? f : f.at(start, end));
                previousEnd = end;
            }
        }
        return mapped;
    }

    /**
     * The text with every finding replaced by {@code [TYPE]}, whatever a use-case's operator would do: what may be
     * kept at rest (the audit's content tier, complaint summaries). Same normal form and detection as
     * {@link #detect(String)}, so a disguised value is removed whole.
     */
    public String redactAll(String text) {
        List<Finding> findings = detect(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : findings) {
            out.append(text, at, f.start()).append('[').append(f.type().label()).append(']');
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * Personal data in a model's answer that did not come from the prompt: findings whose value is not in
     * the request's vault (placeholders themselves are never findings). Run it on the restored answer.
     */
    public List<Finding> scanOutput(String answer, PlaceholderVault vault) {
        List<Finding> all = detect(answer);
        if (all.isEmpty() || vault == null || vault.isEmpty()) {
            return all;
        }
        List<Finding> fresh = new ArrayList<>(all.size());
        for (Finding f : all) {
            if (!vault.containsValue(answer.substring(f.start(), f.end()))) {
                fresh.add(f);
            }
        }
        return fresh;
    }
}
