package nl.dijkwacht.audit.chain;

import java.util.concurrent.CompletableFuture;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RetainedContent;

/** A record waiting to be written; {@code done} completes when it is committed (and the commit hook has run), or fails. */
record PendingRecord(AuditRecord record, RetainedContent content, CompletableFuture<Void> done) {

    PendingRecord(AuditRecord record, RetainedContent content) {
        this(record, content, new CompletableFuture<>());
    }
}
