package nl.dijkwacht.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway of {@link GatewayTestBase} that also accepts staff tokens of the in-process {@link TestIssuer}, with the
 * per-minute counts of refused sign-ins written only when a test flushes them ({@code AuthFailureCounter.flush}), so a
 * test reads its own refusals. The classes that need this extend it and so share one application context (one start
 * instead of one per class); they compare counts before and after, as other classes' refusals are in the same table.
 */
@TestPropertySource(properties = "dijkwacht.limits.auth-failures.flush-interval=0s")
public abstract class StaffTokenGatewayTestBase extends GatewayTestBase {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().register(registry);
    }
}
