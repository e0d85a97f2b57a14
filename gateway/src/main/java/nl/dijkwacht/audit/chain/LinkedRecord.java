package nl.dijkwacht.audit.chain;

import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;

/** A record linked into its chain: its place (sequence, predecessor, hash), the record and its retained content (or {@code null}). */
public record LinkedRecord(AuditRows.ChainLink link, AuditRecord record, RetainedContent content) {
}
