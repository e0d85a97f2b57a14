package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up with {@code dijkwacht.warm-up.http-requests=7}: two HTTP threads send seven requests over HTTP
 * between them, then every thread goes to the pipeline directly; all requests are still made and none is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpHttpRequestsTest extends WarmUpGatewayBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        warmUpProperties(registry, "warm-up-http-requests", 60);
        registry.add("dijkwacht.warm-up.http-threads", () -> "2");
        registry.add("dijkwacht.warm-up.http-requests", () -> "7");
    }

    @Test
    void theHttpThreadsStopAtTheCapAndTheRestGoesDirect() {
        assertThat(warmUp.completed()).isEqualTo(60);
        assertThat(warmUp.overHttp()).as("requests over HTTP: exactly the cap").isEqualTo(7);
        assertThat(warmUp.direct()).isEqualTo(53);
        assertThat(auditRecords()).as("no audit record").isZero();
    }
}
