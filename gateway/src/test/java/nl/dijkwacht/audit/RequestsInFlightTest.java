package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Which requests in flight a chain's writer counts: its own tenant's, and for the default chain all the rest. */
class RequestsInFlightTest {

    @Test
    void aTenantWithAChainOfItsOwnCountsItsOwnRequestsAndTheDefaultChainTheRest() {
        RequestsInFlight inFlight = new RequestsInFlight(List.of("gemeente-b", "gemeente-c"));
        IntSupplier defaultChain = inFlight.servingOnChainOf("gemeente");
        IntSupplier b = inFlight.servingOnChainOf("gemeente-b");
        IntSupplier c = inFlight.servingOnChainOf("gemeente-c");

        inFlight.enter("gemeente");
        inFlight.enter("gemeente-b");
        inFlight.enter("gemeente-b");
        inFlight.enter(null); // no caller known: its record goes to the default tenant's chain
        inFlight.enter("onbekend"); // a tenant nobody configured: likewise
        assertThat(inFlight.serving()).isEqualTo(5);
        assertThat(defaultChain.getAsInt()).isEqualTo(3);
        assertThat(b.getAsInt()).isEqualTo(2);
        assertThat(c.getAsInt()).isZero();
        assertThat(inFlight.servingOnChainOf(null).getAsInt()).as("the default chain, asked without a tenant").isEqualTo(3);
        assertThat(inFlight.alone()).isFalse();

        inFlight.exit("gemeente-b");
        inFlight.exit("gemeente");
        inFlight.exit(null);
        inFlight.exit("onbekend");
        assertThat(defaultChain.getAsInt()).isZero();
        assertThat(b.getAsInt()).isEqualTo(1);
        assertThat(inFlight.alone()).isTrue();
    }

    @Test
    void withOneTenantTheOneChainCountsEveryRequest() {
        RequestsInFlight inFlight = new RequestsInFlight();
        IntSupplier chain = inFlight.servingOnChainOf("gemeente");
        inFlight.enter("gemeente");
        inFlight.enter(null);
        assertThat(chain.getAsInt()).isEqualTo(2).isEqualTo(inFlight.serving());
    }
}
