package nl.dijkwacht.pipeline;

import java.util.concurrent.Executor;

/**
 * A step whose costly part depends only on the parsed request. When a core is idle the runner lets it start that part
 * on {@code helper} as soon as the request is parsed, so it runs alongside the steps before it; the step's
 * {@link PolicyStep#apply} still decides, and must give the same outcome whether the work was started ahead or not.
 */
public interface StartsAhead {

    /** Runs on the request's thread: copies what it needs from the exchange and hands the work to {@code helper}. */
    void startAhead(Exchange exchange, Executor helper);
}
