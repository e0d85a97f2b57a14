package nl.dijkwacht.audit.oversight;

import java.time.Instant;
import java.util.Set;

/**
 * One step in handling a complaint, appended (never updated): {@code in_progress}, then one of {@code upheld}
 * (gegrond), {@code rejected} (ongegrond) or {@code withdrawn}. The explanation is PII-redacted like the summary.
 */
public record ComplaintOutcome(long id, long complaintId, String status, String explanation, String decidedBy,
                               Instant decidedAt) {

    public static final Set<String> STATUSES = Set.of("in_progress", "upheld", "rejected", "withdrawn");
}
