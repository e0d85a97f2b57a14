package nl.dijkwacht.audit;

/**
 * Where audit records go. {@link #append} either stores the record durably (committed) or throws: the caller
 * fails closed and does not serve the answer.
 */
public interface AuditSink {

    /**
     * @param content the redacted prompt/answer to keep for a limited time, or {@code null} when the use-case keeps
     *                no content
     */
    void append(AuditRecord record, RetainedContent content);

    default void append(AuditRecord record) {
        append(record, null);
    }

    /**
     * Whether a write is expected to succeed. Checked before a request goes to the model, so that when the store is
     * down a request is refused before anything (in particular a stream) reaches the tool.
     */
    default boolean available() {
        return true;
    }
}
