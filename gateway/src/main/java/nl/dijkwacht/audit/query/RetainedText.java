package nl.dijkwacht.audit.query;

import java.time.Instant;

/** The redacted prompt and answer kept for a trace (only for use-cases that keep content), until {@code expiresAt}. */
public record RetainedText(String redactedPrompt, String redactedAnswer, Instant expiresAt) {
}
