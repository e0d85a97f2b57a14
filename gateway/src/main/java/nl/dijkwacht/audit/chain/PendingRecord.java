package nl.dijkwacht.audit.chain;

import java.util.concurrent.CompletableFuture;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RetainedContent;

/**
 * A record waiting to be written; {@code done} completes when it is committed (and the commit hook has run), or fails
 * — also when it is not confirmed within the sink's limit ({@link ConfirmationWatch}). {@code since}: when it was
 * appended ({@link System#nanoTime()}).
 */
record PendingRecord(AuditRecord record, RetainedContent content, CompletableFuture<Void> done, long since) {

    PendingRecord(AuditRecord record, RetainedContent content) {
        this(record, content, new CompletableFuture<>(), System.nanoTime());
    }
}
