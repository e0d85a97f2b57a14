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

    private final int limit;

    /** @param limit the characters the gateway holds (the setting {@code dijkwacht.max-held-tool-arguments}) */
    public AnswerTooLargeException(int limit) {
        super("streamed tool-call arguments beyond " + limit + " characters", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
