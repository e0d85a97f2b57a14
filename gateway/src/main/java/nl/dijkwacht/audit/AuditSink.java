package nl.dijkwacht.audit;

/** Where audit records go. {@link #append} either stores the record durably or throws: the caller fails closed. */
public interface AuditSink {

    void append(AuditRecord record);
}
