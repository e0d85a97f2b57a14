package nl.dijkwacht.invoke;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Loads every state class of Resilience4j's circuit breaker before the gateway's code is compiled.
 *
 * <p>Why: until a breaker first opens, its closed state is the only loaded implementation of the breaker's internal
 * state interface, so the JIT compiles {@code releasePermission} (and the other state calls) as a direct call guarded
 * by "the state is the closed one". When the first breaker opens, that code is invalidated; a virtual thread parked
 * inside it at that moment (a stream waiting for its upstream) that later resumes with an exception — the tool went
 * away — runs the invalidated exception handler anyway (JDK-8389310, not fixed in JDK 25.0.3) and the guard throws
 * {@link IncompatibleClassChangeError} from {@link Upstream#released}. With every state class loaded from the start,
 * no such guard is ever compiled. Uses only the public API: a throwaway breaker, outside any registry, is driven
 * through every state once.
 */
final class BreakerStates {

    static {
        driveThroughEveryState();
    }

    private BreakerStates() {
    }

    /** Nothing to do after the first call: the class's initialiser, which runs once, did the loading. */
    static void loadAll() {
    }

    private static void driveThroughEveryState() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("dijkwacht-breaker-states");
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        breaker.transitionToClosedState();
        breaker.transitionToForcedOpenState();
        breaker.transitionToDisabledState();
        breaker.transitionToMetricsOnlyState();
        breaker.transitionToClosedState();
    }
}
