package nl.dijkwacht.audit;

import java.util.List;
import nl.dijkwacht.pii.Finding;
import nl.dijkwacht.pii.PiiDetector;

/**
 * Last line of defence for anything the audit keeps as text (redacted content tier, complaint summaries,
 * source references): every personal-data span the detector still finds is replaced by {@code [TYPE]}, whatever the
 * use-case's own operator would have done (a use-case may let a type pass to the model; the store keeps none).
 */
public final class ContentRedactor {

    private final PiiDetector detector;

    public ContentRedactor(PiiDetector detector) {
        this.detector = detector;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> findings = detector.detect(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : findings) {
            if (f.start() < at) {
                continue;
            }
            out.append(text, at, f.start()).append('[').append(f.type().label()).append(']');
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
