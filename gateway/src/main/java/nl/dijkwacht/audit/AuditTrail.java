package nl.dijkwacht.audit;

import nl.dijkwacht.pipeline.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the audit record of a finished request. A failed write throws, so the caller can fail closed. */
public final class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditSink sink;
    private final AuditRecordFactory records;

    public AuditTrail(AuditSink sink, AuditRecordFactory records) {
        this.sink = sink;
        this.records = records;
    }

    public void record(Exchange exchange, int httpStatus, boolean streamed) {
        try {
            sink.append(records.from(exchange, httpStatus, streamed));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // audit records hold metadata only, so the store's message cannot carry prompt text
            log.error("audit write failed for trace {}: {}: {}", exchange.traceId(), root.getClass().getSimpleName(), root.getMessage());
            throw new AuditUnavailableException(e);
        }
    }
}
