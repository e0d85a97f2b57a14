package nl.dijkwacht.audit;

import nl.dijkwacht.pipeline.Exchange;

/**
 * Told about every request once its audit record is committed — the one place where a request is known to be
 * finished, with its decision, rule, status and counts. Metrics and traces listen here, so they count exactly what
 * the audit trail holds. A listener must be quick and must not throw (a throw is logged and ignored).
 */
public interface RecordListener {

    void recorded(Exchange exchange, AuditRecord record);
}
