package nl.dijkwacht.audit.oversight;

import java.time.Instant;
import java.util.List;

/**
 * A resident's objection or a staff error report attached to a trace, with its handling: {@code status} is the
 * latest outcome's status, or {@code open} while none has been entered. The summary is PII-redacted. {@code tenant}:
 * the organisation whose answer it concerns ({@code null} for the default tenant's older complaints).
 */
public record Complaint(long id, String traceId, String kind, String reference, String summary, String reportedBy,
                        String channel, Instant createdAt, String status, List<ComplaintOutcome> outcomes, String tenant) {

    public static final String OPEN = "open";

    public Complaint {
        outcomes = List.copyOf(outcomes);
    }
}
