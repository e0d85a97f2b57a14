package nl.dijkwacht.audit;

import java.time.Instant;

/** The content tier: redacted prompt and answer, kept until {@code expiresAt}. Never raw text. */
public record RetainedContent(String redactedPrompt, String redactedAnswer, Instant expiresAt) {
}
