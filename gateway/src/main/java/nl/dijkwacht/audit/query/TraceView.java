package nl.dijkwacht.audit.query;

import java.util.List;
import nl.dijkwacht.audit.oversight.Complaint;
import nl.dijkwacht.audit.oversight.Review;
import nl.dijkwacht.audit.store.AuditRows;

/**
 * Everything the audit trail knows about one trace: its record(s) with their chain links, the redacted content if
 * the use-case keeps it and it has not expired, the human review, complaints with their handling, and the ids of
 * the active legal holds that cover it.
 */
public record TraceView(String traceId, List<AuditRows.Stored> records, RetainedText content, Review review,
                        List<Complaint> complaints, List<Long> legalHolds) {

    public TraceView {
        records = List.copyOf(records);
        complaints = List.copyOf(complaints);
        legalHolds = List.copyOf(legalHolds);
    }
}
