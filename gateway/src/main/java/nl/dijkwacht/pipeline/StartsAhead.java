package nl.dijkwacht.pipeline;

import java.util.concurrent.Executor;

/**
 * A step whose costly part depends only on the request as the tool sent it. When a core is idle the runner lets it start
 * that part on {@code helper} as the run starts, so it runs alongside the steps before it (the request step's checks
 * included); the step's {@link PolicyStep#apply} still decides, and must give the same outcome whether the work was
 * started ahead or not, and whatever the steps before it changed meanwhile.
 */
public interface StartsAhead {

    /**
     * Runs on the request's thread before the first step: copies what it needs from the exchange — the body as it
     * arrived ({@link Exchange#rawBody()}), or the parsed request when it was parsed before the run — and hands the work
     * to {@code helper}, which reads and checks nothing on the step's behalf.
     */
    void startAhead(Exchange exchange, Executor helper);
}
