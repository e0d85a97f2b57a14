package nl.dijkwacht.invoke;

/**
 * A sink stopped a stream because the answer grew beyond what the gateway holds to check it: streamed tool-call
 * arguments are held until complete so that their placeholders can be restored and their values scanned, and a model
 * (or a hostile upstream) could stream megabytes of them (json28). Not the upstream's failure: no fallback, no retry,
 * its health is not touched. The message names the limit, never answer text.
 */
public final class AnswerTooLargeException extends RuntimeException {

    /** The attempt's outcome in the route log and the upstream metrics. */
    public static final String OUTCOME = "answer_too_large";

    private final long limit;
    private final boolean replica;

    /** @param limit the characters the gateway holds (the setting {@code dijkwacht.max-held-tool-arguments}) */
    public AnswerTooLargeException(int limit) {
        this(limit, false);
    }

    /**
     * @param limit   the characters held at most: per stream, or over all streams of the replica
     * @param replica true when the replica-wide bound ({@code dijkwacht.max-held-tool-arguments-total}) was reached
     *                (leftover45): this stream's arguments need not be long, the other streams hold the rest
     */
    public AnswerTooLargeException(long limit, boolean replica) {
        super(replica ? "streamed tool-call arguments held by all streams together beyond " + limit + " characters"
                : "streamed tool-call arguments beyond " + limit + " characters", null, false, false);
        this.limit = limit;
        this.replica = replica;
    }

    public long limit() {
        return limit;
    }

    /** True when the replica-wide bound was reached, not this stream's own. */
    public boolean replica() {
        return replica;
    }
}
