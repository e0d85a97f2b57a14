package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up with {@code dijkwacht.warm-up.over-http=false}: its made-up requests go to the pipeline directly,
 * none over HTTP, their answers come from the loopback model server through the upstream client, and they leave no
 * audit record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpDirectTest extends WarmUpGatewayBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        warmUpProperties(registry, "warm-up-direct", 60);
        registry.add("dijkwacht.warm-up.over-http", () -> "false");
    }

    @Test
    void sendsItsRequestsToThePipelineDirectlyWhenHttpIsOff() {
        assertThat(warmUp.completed()).isEqualTo(60);
        assertThat(warmUp.overHttp()).as("no warm-up request went over HTTP").isZero();
        assertThat(warmUp.upstreamCalls()).as("every answer, whole and streamed, came from the loopback model server")
                .isEqualTo(60);
        assertThat(auditRecords()).as("no audit record").isZero();
        // the first upstream call from a virtual thread starts the JDK's socket poller for virtual threads (cold27)
        assertThat(warmUp.fromVirtualThread()).as("one request came from a virtual thread, as a real one does").isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("the JDK's poller for virtual threads runs (JDK 25: the platform thread MasterPoller)").contains("MasterPoller");
    }
}
