package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "dijkwacht.limits.requests-per-minute=3")
class RateLimitTest extends GatewayTestBase {

    @Test
    void fourthRequestInAMinuteIs429WithRetryAfterAndOtherUsersAreNotAffected() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "anna").statusCode()).isEqualTo(200);
        }
        var limited = postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "anna");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(parse(limited.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(auditRecord(limited.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow()).get("RULE"))
                .isEqualTo("rate-limit:requests-per-minute");

        assertThat(postJson("/v1/chat/completions", chat("dry-run", "hoi"), TestPack.TOOL_KEY, "X-Dijkwacht-User", "bram").statusCode()).isEqualTo(200);
    }
}
