package nl.dijkwacht.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's attempt from a source that has not authenticated yet ({@link SourceLimitFilter} takes it before any
 * other work). The authentication that follows reports how it went: {@link #authenticated} gives the attempt back,
 * so callers with a good key or token are never limited by it; {@link #failed} keeps it taken and counts the failure
 * per source and minute. Without a report the status of the answer decides (401: failed).
 */
public final class SourceAdmission {

    private static final String ATTRIBUTE = SourceAdmission.class.getName();

    private final SourceGuard guard;
    private final String source;
    private final AtomicBoolean settled = new AtomicBoolean();

    SourceAdmission(SourceGuard guard, String source) {
        this.guard = guard;
        this.source = source;
    }

    /** The caller's key or token was accepted: its attempt is given back. No-op when the request was not admitted here. */
    public static void authenticated(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof SourceAdmission admission) {
            admission.settle(null);
        }
    }

    /**
     * The caller's key or token was refused: counted per source and minute under {@code reason} (lower case, digits
     * and hyphens, at most 32: e.g. {@code unknown-key}, {@code expired-token}).
     */
    public static void failed(HttpServletRequest request, String reason) {
        if (request.getAttribute(ATTRIBUTE) instanceof SourceAdmission admission) {
            admission.settle(reason == null ? "unauthorized" : reason);
        }
    }

    /** The source this request is counted under (an IPv4 address or an IPv6 /64). */
    public String source() {
        return source;
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** At the end of the answer, when the authentication did not report: a 401 is a failure, anything else is not. */
    void settleByStatus(int status) {
        settle(status == 401 ? "unauthorized" : null);
    }

    private void settle(String failure) {
        if (settled.compareAndSet(false, true)) {
            if (failure == null) {
                guard.giveBack(this);
            } else {
                guard.failed(this, failure);
            }
        }
    }
}
