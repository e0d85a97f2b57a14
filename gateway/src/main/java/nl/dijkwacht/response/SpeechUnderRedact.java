package nl.dijkwacht.response;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Speech a model sends under {@code pii.output: redact} although nobody asked for it (review46). A request for a spoken
 * answer is refused there ({@code output_not_redactable}, redteam45), but a model can still answer with {@code audio}:
 * its transcript is redacted like text, while the speech ({@code audio.data}, base64) says the same words and cannot be
 * scanned. It is dropped — whole and from each streamed delta — so what the tool gets is the redacted transcript; the
 * audio's {@code id} and {@code expires_at} pass as they came.
 */
final class SpeechUnderRedact {

    private SpeechUnderRedact() {
    }

    static void drop(ObjectNode audio) {
        audio.remove("data");
    }
}
