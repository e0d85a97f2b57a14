package nl.dijkwacht.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up warm-up with {@code dijkwacht.warm-up.http-threads=3}: three threads over HTTP and one direct finish the
 * requests between them and leave no audit record. (Fewer than one HTTP thread is refused where the setting is bound:
 * {@link WarmUpPropertiesTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupWarmUpHttpThreadsTest extends WarmUpGatewayBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        warmUpProperties(registry, "warm-up-threads", 90);
        registry.add("dijkwacht.warm-up.http-threads", () -> "3");
    }

    @Test
    void severalHttpThreadsShareTheRequestsAndLeaveNoAuditRecord() {
        assertThat(warmUp.completed()).isEqualTo(90);
        assertThat(warmUp.overHttp()).as("requests went over HTTP").isPositive();
        assertThat(warmUp.overHttp() + warmUp.direct()).isEqualTo(90);
        assertThat(auditRecords()).as("no audit record").isZero();
    }
}
