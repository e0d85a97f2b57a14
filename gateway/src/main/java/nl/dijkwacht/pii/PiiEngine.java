package nl.dijkwacht.pii;

import nl.dijkwacht.pii.anonymize.PlaceholderVault;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PiiDetector;
import nl.dijkwacht.pii.detect.PiiEngineException;
import nl.dijkwacht.pii.detect.Recognizer;
import nl.dijkwacht.pii.detect.StructuredIdentifiers;
import nl.dijkwacht.pii.detect.name.PersonNameRecognizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The Dutch PII engine: all recognizers behind one call. Build it once ({@link #dutchDefault()} loads the name
 * model and word lists, roughly a few hundred milliseconds) and share it: it is immutable and thread-safe.
 * Every internal failure surfaces as {@link PiiEngineException} — the engine never returns an empty result
 * because something broke, and no message contains analysed text.
 */
public final class PiiEngine {

    private static volatile PiiEngine dutchDefault;
    private static volatile PiiEngine structuredOnly;

    private final PiiDetector detector;

    public PiiEngine(List<Recognizer> recognizers) {
        if (recognizers.isEmpty()) {
            throw new PiiEngineException("no recognizers configured");
        }
        this.detector = new PiiDetector(recognizers);
    }

    /** Structured identifiers, special categories, and person names (OpenNLP model plus rules). Cached. */
    public static PiiEngine dutchDefault() {
        PiiEngine e = dutchDefault;
        if (e == null) {
            synchronized (PiiEngine.class) {
                e = dutchDefault;
                if (e == null) {
                    List<Recognizer> all = new ArrayList<>(StructuredIdentifiers.all());
                    all.add(PersonNameRecognizer.withModel());
                    e = new PiiEngine(all);
                    dutchDefault = e;
                }
            }
        }
        return e;
    }

    /** Everything except person names: no name model is loaded. Cached. */
    public static PiiEngine structuredOnly() {
        PiiEngine e = structuredOnly;
        if (e == null) {
            synchronized (PiiEngine.class) {
                e = structuredOnly;
                if (e == null) {
                    e = new PiiEngine(StructuredIdentifiers.all());
                    structuredOnly = e;
                }
            }
        }
        return e;
    }

    /** Findings sorted by offset, without overlaps. */
    public List<Finding> detect(String text) {
        if (text == null) {
            throw new PiiEngineException("no text to analyse");
        }
        try {
            return detector.detect(text);
        } catch (PiiEngineException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new PiiEngineException("PII detection failed (" + e.getClass().getSimpleName() + ")", PiiEngineException.scrubbed(e));
        }
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
