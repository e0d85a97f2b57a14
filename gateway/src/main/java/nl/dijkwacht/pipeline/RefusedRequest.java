package nl.dijkwacht.pipeline;

/**
 * Thrown where a request is found unservable below the code that answers it (the body's coding, its wire format, a
 * surface's translation): {@link #refusal()} says why, and the catcher answers it in the OpenAI error format and audits
 * it. No stack trace: it is an answer, not a failure. One type for all of them (answer47: three near-copies before).
 */
public final class RefusedRequest extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedRequest(Refusal refusal) {
        super(refusal.code(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
