package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import org.junit.jupiter.api.Test;

/**
 * {@link UpstreamPool#resetHealth()} forgets the history, including calls still in flight when it came: a guard call
 * abandoned at its budget that fails afterwards (flake28: GuardModelGatewayTest's slow stub, then two failures of the
 * next test opened the breaker of three calls) or succeeds afterwards does not count in the new window.
 */
class UpstreamResetTest {

    private final UpstreamPool pool = new UpstreamPool();
    /** The default breaker: 50 % of at least 3 calls over the last 10. */
    private final ModelDefinition model = new ModelDefinition("m", null, ProviderKind.OPENAI_COMPATIBLE,
            URI.create("http://127.0.0.1:9/v1"), "m", null, Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(5), false, "m.yaml");

    private UpstreamPool.Lease lease() {
        UpstreamPool.Acquired acquired = pool.acquire(model, Set.of());
        assertThat(acquired.refusedBecause()).isNull();
        return acquired.lease();
    }

    private CircuitBreaker breaker() {
        return pool.of(model).get(0).breaker();
    }

    @Test
    void aFailureOfACallFromBeforeTheResetDoesNotCountAfterIt() {
        UpstreamPool.Lease late = lease();
        pool.resetHealth();
        lease().failed(new IllegalStateException("reset"));
        lease().failed(new IllegalStateException("reset"));
        late.failed(new IllegalStateException("timeout"));

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
        assertThat(pool.acquire(model, Set.of()).refusedBecause()).isNull();
        assertThat(pool.of(model).get(0).inFlight()).isEqualTo(1);
    }

    @Test
    void aSuccessOrReleaseFromBeforeTheResetDoesNotCountEither() {
        UpstreamPool.Lease succeeding = lease();
        UpstreamPool.Lease released = lease();
        pool.resetHealth();
        succeeding.succeeded();
        released.released();

        assertThat(breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(pool.of(model).get(0).inFlight()).isZero();
        lease().succeeded();
        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void callsAfterTheResetStillOpenTheBreaker() {
        pool.resetHealth();
        for (int i = 0; i < 3; i++) {
            lease().failed(new IllegalStateException("down"));
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(pool.acquire(model, Set.of()).refusedBecause()).isEqualTo("circuit-open");
    }
}
