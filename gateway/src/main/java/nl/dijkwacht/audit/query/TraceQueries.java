package nl.dijkwacht.audit.query;

import nl.dijkwacht.audit.TenantScope;
import java.util.List;
import java.util.Optional;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.retention.LegalHolds;
import nl.dijkwacht.audit.store.AuditRows;

/** One trace with everything attached to it, for the auditor API's record view and the console's trace page. */
public final class TraceQueries {

    private final AuditQueries queries;
    private final Oversight oversight;
    private final LegalHolds holds;

    public TraceQueries(AuditQueries queries, Oversight oversight, LegalHolds holds) {
        this.queries = queries;
        this.oversight = oversight;
        this.holds = holds;
    }

    /** Records, kept content, review, complaints with their handling, legal holds; empty when there is no record. */
    public Optional<TraceView> trace(String traceId) {
        return trace(traceId, TenantScope.everything());
    }

    /** As {@link #trace(String)}, empty when the trace has no record of this tenant. */
    public Optional<TraceView> trace(String traceId, TenantScope scope) {
        List<AuditRows.Stored> records = queries.byTrace(traceId, scope);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TraceView(traceId, records, queries.retainedContent(traceId).orElse(null),
                oversight.reviewOf(traceId), oversight.complaintsOf(traceId), holds.holdsCovering(traceId)));
    }
}
