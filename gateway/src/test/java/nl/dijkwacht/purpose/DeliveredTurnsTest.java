package nl.dijkwacht.purpose;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DeliveredTurnsContract} on the embedded H2 file store (the default). */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the pack gets the default forbidden purposes
class DeliveredTurnsTest extends DeliveredTurnsContract {

    @DynamicPropertySource
    static void noChainCheck(DynamicPropertyRegistry registry) {
        // one test moves a record to another tenant
        registry.add("dijkwacht.telemetry.chain-check-interval", () -> "0s");
    }
}
