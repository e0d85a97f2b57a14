package nl.dijkwacht.audit.oversight;

import java.time.Instant;

/** An answer whose use-case requires human review and that has no review yet: an entry of the review queue. */
public record UnreviewedAnswer(String traceId, Instant occurredAt, String useCase, String tool, String actor,
                               String department, String model) {
}
