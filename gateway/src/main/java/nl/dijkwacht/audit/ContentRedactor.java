package nl.dijkwacht.audit;

import java.util.List;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.PiiEngine;

/**
 * Last line of defence (uses the gateway's PII engine, names included) for anything the audit keeps as text (redacted content tier, complaint summaries,
 * source references): every personal-data span the detector still finds is replaced by {@code [TYPE]}, whatever the
 * use-case's own operator would have done (a use-case may let a type pass to the model; the store keeps none).
 */
public final class ContentRedactor {

    static final String NOT_KEPT = "[niet bewaard: de tekst kon niet worden geredigeerd]";

    private final PiiEngine detector;

    public ContentRedactor(PiiEngine detector) {
        this.detector = detector;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> findings;
        try {
            findings = detector.detect(text);
        } catch (RuntimeException e) {
            return NOT_KEPT; // fail closed: keep no text rather than unredacted text
        }
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
