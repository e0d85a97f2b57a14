package nl.dijkwacht.pipeline;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the request-side policy steps in order. The first {@link Outcome.Deny} stops the chain; any exception
 * in a step refuses the request (fail closed) instead of letting it through. Every step's outcome is traced on
 * the exchange ({@link Exchange#steps()}); {@code /admin/explain} runs this same runner and shows that trace.
 */
public final class RequestPipeline {

    /** Sees each step right after it ran (or was skipped), with the exchange as that step left it. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = (step, trace, exchange) -> { };

        void after(PolicyStep step, StepTrace trace, Exchange exchange);
    }

    private static final ThreadFactory HELPERS = Thread.ofVirtual().name("step-ahead-", 0).factory();

    private final List<PolicyStep> steps;
    private final int cores;
    private final Executor helper;
    /** Runs in progress: work is started ahead only while fewer run than there are cores (one is idle). */
    private final AtomicInteger running = new AtomicInteger();

    public RequestPipeline(List<PolicyStep> steps) {
        this(steps, Runtime.getRuntime().availableProcessors(), task -> HELPERS.newThread(task).start());
    }

    /**
     * @param cores  the cores the process may use; with one, nothing is started ahead
     * @param helper where {@link StartsAhead} steps run their early work
     */
    public RequestPipeline(List<PolicyStep> steps, int cores, Executor helper) {
        this.steps = List.copyOf(steps);
        this.cores = cores;
        this.helper = helper;
    }

    public List<PolicyStep> steps() {
        return steps;
    }

    /** @return the refusal that stopped the request, or {@code null} when every step let it pass */
    public Refusal run(Exchange exchange) {
        return run(exchange, Set.of(), StepListener.NONE);
    }

    /**
     * The same run, leaving out the steps named in {@code skipped} (explain names its caller instead of
     * authenticating it and spends no quota) and telling {@code listener} about every step.
     */
    public Refusal run(Exchange exchange, Set<String> skipped, StepListener listener) {
        running.incrementAndGet();
        try {
            return runSteps(exchange, skipped, listener);
        } finally {
            running.decrementAndGet();
        }
    }

    private Refusal runSteps(Exchange exchange, Set<String> skipped, StepListener listener) {
        boolean ahead = exchange.request() != null;
        if (ahead) {
            startAhead(exchange, 0, skipped);
        }
        for (int i = 0; i < steps.size(); i++) {
            PolicyStep step = steps.get(i);
            if (skipped.contains(step.id())) {
                StepTrace trace = StepTrace.skipped(step.id());
                exchange.traceStep(trace);
                listener.after(step, trace, exchange);
                continue;
            }
            long start = System.nanoTime();
            Outcome outcome;
            try {
                outcome = step.apply(exchange);
            } catch (RuntimeException e) {
                Refusal refusal = Refusal.internal("policy_step_failed",
                        "Dijkwacht kon het beleid niet toepassen (stap '" + step.id()
                                + "'). Het verzoek is uit voorzorg niet doorgestuurd. Probeer het later opnieuw of meld trace-id "
                                + exchange.traceId() + " bij de servicedesk.");
                String rule = step.id() + ":exception:" + e.getClass().getSimpleName();
                exchange.fail(refusal, rule);
                StepTrace trace = StepTrace.failed(step.id(), rule, micros(start));
                exchange.traceStep(trace);
                listener.after(step, trace, exchange);
                return refusal;
            }
            switch (outcome) {
                case Outcome.Continue c -> { }
                case Outcome.Rewrite r -> exchange.markRewritten(r.effect(), r.rule());
                case Outcome.Deny d -> exchange.refuse(d.refusal(), d.rule());
            }
            StepTrace trace = StepTrace.of(step.id(), outcome, micros(start));
            exchange.traceStep(trace);
            listener.after(step, trace, exchange);
            if (outcome instanceof Outcome.Deny d) {
                return d.refusal();
            }
            if (!ahead && exchange.request() != null) {
                ahead = true;
                startAhead(exchange, i + 1, skipped);
            }
        }
        return null;
    }

    /** Once the request is parsed, and only while a core is idle: the later steps' early work, on another thread. */
    private void startAhead(Exchange exchange, int from, Set<String> skipped) {
        if (running.get() >= cores) {
            return;
        }
        for (PolicyStep step : steps.subList(from, steps.size())) {
            if (step instanceof StartsAhead early && !skipped.contains(step.id())) {
                early.startAhead(exchange, helper);
            }
        }
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
