package nl.dijkwacht.audit;

import nl.dijkwacht.pii.PiiEngine;

/**
 * Last line of defence for anything the audit keeps as text (redacted content tier, complaint summaries, source
 * references): {@link PiiEngine#redactAll} replaces every span the engine finds by {@code [TYPE]} — same normal form
 * and detection as the request path, so a disguised value is removed whole — whatever the use-case's own operator
 * would have done (a use-case may let a type pass to the model; the store keeps none).
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
        try {
            return detector.redactAll(text);
        } catch (RuntimeException e) {
            return NOT_KEPT; // fail closed: keep no text rather than unredacted text
        }
    }
}
